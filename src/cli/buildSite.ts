/**
 * Builds the site into a staging folder beside the output folder and swaps it
 * in only when the build succeeded, so a failed or interrupted build leaves
 * the previous site untouched. Swapping by rename also avoids deleting a large
 * tree just before writing a similar one.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { siteConfig } from '../astro/siteConfig.ts';
import { indexSearch, writeDataPackage, writeTraditionalEdition } from './publish.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildSiteOptions {
  dataSet: DataSet;
  dataDir: string;
  contentDir: string;
  outDir: string;
}

export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const parent = dirname(options.outDir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.zongshu-build-${basename(options.outDir)}-${process.pid}`);
  const retired = join(parent, `.zongshu-old-${basename(options.outDir)}-${process.pid}`);
  const cleanUp = () => rm(staging, { recursive: true, force: true });
  const onSignal = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    await build({
      ...siteConfig({ dataSet: options.dataSet, dataDir: options.dataDir, contentDir: options.contentDir }),
      root: projectRoot,
      configFile: false,
      outDir: staging,
      logLevel: 'warn',
    });
    await writeDataPackage(staging, options.dataSet);
    await writeTraditionalEdition(staging);
    await indexSearch(staging);
    if (existsSync(options.outDir)) await rename(options.outDir, retired);
    await rename(staging, options.outDir);
    await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await cleanUp();
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
