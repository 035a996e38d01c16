/**
 * npm run typecheck: generates Astro's types (sync) and type-checks every
 * .ts and .astro file with @astrojs/check. Exit 1 on any type error.
 */
import { check } from '@astrojs/check';
import { sync } from 'astro';
import { projectRoot } from '../src/build/buildSite.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await sync({ root: projectRoot, logLevel: 'warn' });
const failed = await check({ root: projectRoot, minimumSeverity: 'warning' });
process.exitCode = failed ? 1 : 0;
