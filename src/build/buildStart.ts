/**
 * What a build starts before its data are loaded, so that the second core works while the first
 * loads them (2-3 s of a national rebuild, on one core). Once the build holds the output folder
 * (its lock, and a publish a killed build left finished or undone), the previous site's check
 * starts (a stat of each of 27,000 files, 1.5-2 s of a thread), and so may the chart thread (Plot,
 * d3 and linkedom compiled: 0.5-0.8 s). Started after the load, both ran beside the listing of the
 * pages, and the first pages that drew a chart waited for the thread to start.
 *
 * Measured on the national set, every committee figure of one province K more (K = 3 to 8, so that
 * 426-453 charts are drawn each time), this checkout and the one before alternated, six builds
 * each: 11.7-14.7 s (mean 12.9) against 12.2-14.9 s (mean 13.9); the pages stage 6.6-8.0 s (mean 7.2)
 * against 6.6-8.6 s (mean 8.1). The load itself took 0.35 s longer on average (3.0 s against 2.7 s):
 * the threads share the second core with V8's collector. A build that draws no chart pays for the
 * chart thread's start: rebuilds of the national set that changed nothing loaded in 2.6-2.8 s with
 * it started with the load, 2.4-2.6 s with it started at the first chart (four each). Started right
 * after the load instead, the pages stage of the builds that drew charts was longer again (7.5-9.8 s
 * against 6.9-8.9 s, three each); the previous site's thread at a lower priority (nice 10) changed nothing.
 */
import { existsSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { siteStatsFolder } from './incremental/pageReuse.ts';
import { manifestName } from './incremental/siteManifest.ts';
import { lockOutput, recoverPublish, type OutputLock, type Recovery } from './publishSite.ts';
import { chartThread, type ChartThread } from './threads/chartThread.ts';
import { startPreviousSiteThread, type PreviousSiteThread } from './threads/previousSiteThread.ts';

/** The cache folder's part for pages (pageReuse.ts). */
export const pagesCacheDir = (cacheDir: string): string => join(cacheDir, 'pages');

export interface BuildStartOptions {
  outDir: string;
  /** The build's cache folder; absent: nothing is carried from the previous site, which is then not checked. */
  cacheDir?: string;
  /** Told when another build into the same output folder runs: this one waits for it. */
  waiting?: (pid: number) => void;
  /**
   * Whether the chart thread starts now whatever the build draws: so when the data are still to be loaded, as the core
   * is idle then. Otherwise it starts now only for a first build, which draws every chart, and at the first chart drawn
   * for a build that replaces a site (most of whose charts are in the cache).
   */
  chartsAtOnce: boolean;
}

export interface BuildStart {
  /** The output folder, resolved from the working directory. */
  outDir: string;
  lock: OutputLock;
  /** What was done about a publish a killed build left. */
  recovery: Recovery;
  /** Whether the folder holds a built site (one with a manifest) that the build replaces. */
  replacing: boolean;
  /** The previous site's check, under way; none without a cache folder. */
  previousSite: PreviousSiteThread | undefined;
  charts: ChartThread;
  /** Stops what was started and lets the output folder go, removing the folders the lock made above it: the data had errors. */
  cancel(): Promise<void>;
}

/** The folders from `folder` up that do not exist, deepest first: what making `folder` makes. */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.push(at);
  return missing;
}

/** Takes the output folder and starts what a build can start before its data are loaded (see above). */
export async function startBuild(options: BuildStartOptions): Promise<BuildStart> {
  const outDir = resolve(options.outDir);
  // The lock file is made beside the output folder, in folders made for it if need be.
  const made = missingFolders(dirname(outDir));
  const lock = await lockOutput(outDir, options.waiting);
  let previousSite: PreviousSiteThread | undefined;
  try {
    const recovery = recoverPublish(outDir);
    const replacing = existsSync(join(outDir, manifestName));
    // The site being replaced, now that no other build may replace it, checked against its manifest on a thread of its own.
    if (options.cacheDir !== undefined) previousSite = startPreviousSiteThread(outDir, siteStatsFolder(pagesCacheDir(resolve(options.cacheDir))));
    const charts = chartThread();
    if (options.chartsAtOnce || !replacing) charts.start();
    return {
      outDir,
      lock,
      recovery,
      replacing,
      previousSite,
      charts,
      async cancel() {
        await charts.stop();
        await previousSite?.stop();
        lock.release();
        for (const folder of made) {
          try {
            rmdirSync(folder);
          } catch {
            break; // something else is in it now
          }
        }
      },
    };
  } catch (error) {
    await previousSite?.stop();
    lock.release();
    throw error;
  }
}
