/**
 * npm run dev [-- --data DIR --content DIR]
 * Serves the site and reloads the page when code, data or content change.
 */
import { dev } from 'astro';
import { readCliOptions } from '../src/cli/options.ts';
import { projectRoot } from '../src/build/buildSite.ts';

const options = readCliOptions();
process.env.ZONGSHU_DATA = options.dataDir;
process.env.ZONGSHU_CONTENT = options.contentDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await dev({ root: projectRoot });
