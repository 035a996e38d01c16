/**
 * Run as a process of its own by src/build/keptRenderer.ts (`node <this> <folder> <key> <project root>`): Astro and
 * Vite bundle the pages, the bundle is kept in <folder> (keptRenderer.ts `keepBundle`), and no page is rendered
 * here. Astro and Vite load, work and end in this process, beside the build that reads its data meanwhile, never in
 * its heap. Exit 0: kept; 1: Astro failed (its error on stderr); 3: the code changed while it was bundled.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { siteConfig } from '../../astro/siteConfig.ts';
import { keepingIntegration, rendererKey } from '../keptRenderer.ts';

const [folder, key, projectRoot] = process.argv.slice(2) as [string, string, string];
// Astro bundles into <working directory>/.astro/: a folder of this process's own (see buildSite.ts inWorkFolder).
const work = join(projectRoot, '.zongshu-work', String(process.pid));
mkdirSync(work, { recursive: true });
process.chdir(work);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
let code = 0;
try {
  // Astro's project sync (types for editors, content collections the site has none of) is skipped: `sync: false`, an
  // option of its builder that its typed BuildOptions lack.
  await build({ ...siteConfig([keepingIntegration(folder, key)]), root: projectRoot, configFile: false, outDir: join(work, 'out'), logLevel: 'warn' }, { sync: false } as Parameters<typeof build>[1]);
  if (rendererKey(projectRoot) !== key) {
    console.error('the code changed while the pages were bundled: build again');
    code = 3;
  }
} catch (error) {
  // Astro's message names the file, line and column and shows the code; its stack says nothing to the user.
  console.error(error instanceof Error ? error.message : String(error));
  code = 1;
} finally {
  process.chdir(projectRoot);
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
