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
import { pagePaths, siteIndex } from '../lib/pages/site.ts';
import { collectGarbageWhenPiledUp, keepHeapNearLive } from './garbage.ts';
import { installProgress, type Progress } from './progress.ts';
import { chartStats, installChartCache, installChartDrawer, type ChartStats } from '../charts/cache.ts';
import { startChartThread, type ChartThread } from './chartThread.ts';
import { folderChartCache } from './chartCacheFolder.ts';
import { startSearchIndex, writeDataPackage, writeTraditionalEdition, type SearchIndex } from './publish.ts';
import { searchFeed, type SearchFeed } from './searchFeed.ts';
import { installPagePublisher, type PagePublisher, type UnchangedScope } from '../lib/pages/published.ts';
import { installPageReuse, pageReuse, type PageReuse } from './pageReuse.ts';
import { startEditionThread, type EditionThread } from './editionThread.ts';
import { installRenderedPageSink } from './renderedPages.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { ObservationDigests } from '../load/scopeDigests.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildSiteOptions {
  dataSet: DataSet;
  /** The load's digests of the observation files' rows (a load with a reading cache): pages are told unchanged without hashing those rows again. */
  digests?: ObservationDigests;
  dataDir: string;
  contentDir: string;
  outDir: string;
  /** Where the build reports its stages; silent when absent. */
  progress?: Progress;
  /** Folder kept across builds (charts/: drawn charts; pages/: the hashes of the last build's pages); absent: everything is drawn and rendered. */
  cacheDir?: string;
}

export interface BuildReport {
  pages: number;
  charts: ChartStats;
  /** Pages unchanged since the last build, taken from it rather than rendered. */
  pagesReused: number;
}

/** The cache folder of the project's builds, unless ZONGSHU_CACHE names another. */
export const defaultCacheDir = (): string => process.env.ZONGSHU_CACHE ?? join(projectRoot, '.zongshu-cache');

const silent: Progress = { stage() {}, tick() {}, done() {} };

/** Progress that also looks at the heap at every step: after every page rendered, and every page of the Traditional edition. */
function collecting(progress: Progress): Progress {
  return {
    stage: (name, total) => progress.stage(name, total),
    tick(count) {
      progress.tick(count);
      collectGarbageWhenPiledUp();
    },
    done: () => progress.done(),
  };
}

/**
 * The build's answer to "is this scoped page unchanged?" (src/lib/pages/published.ts). A page found
 * unchanged before Astro renders it is never rendered: its kept search texts go to the index at
 * once, where its render would have sent them, and it counts as done.
 */
function skippingUnchanged(reuse: PageReuse, feed: SearchFeed, progress: Progress): UnchangedScope {
  return (path, scope) => {
    if (!reuse.unchangedScope(path, scope)) return false;
    if (!feed.has(path)) {
      const kept = reuse.searchTexts(path);
      if (kept) feed.provide(path, kept);
      progress.tick();
    }
    return true;
  };
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildReport> {
  const parent = dirname(options.outDir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.zongshu-build-${basename(options.outDir)}-${process.pid}`);
  const retired = join(parent, `.zongshu-old-${basename(options.outDir)}-${process.pid}`);
  const cleanUp = () => rm(staging, { recursive: true, force: true });
  const onSignal = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  keepHeapNearLive();
  const progress = collecting(options.progress ?? silent);
  // Astro bundles the pages before it renders the first: the heap is looked at while it does too.
  const looking = setInterval(collectGarbageWhenPiledUp, 200).unref();
  let editions: EditionThread | undefined;
  let charts: ChartThread | undefined;
  let search: SearchIndex | undefined;
  try {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const paths = pagePaths(siteIndex(options.dataSet));
    const pages = paths.length;
    progress.stage('pages', pages);
    installProgress(progress);
    installChartCache(options.cacheDir ? folderChartCache(join(options.cacheDir, 'charts')) : undefined);
    charts = startChartThread();
    installChartDrawer(charts.draw);
    // Pagefind indexes in its own process as pages come, in the fixed order of the page list.
    search = await startSearchIndex();
    const feed = searchFeed(search.add, paths);
    // The thread hands back texts only of pages sent to it, once pages render: by then `reuse` below is made.
    const thread = startEditionThread(staging, (path, texts) => {
      reuse?.keepSearchTexts(path, texts);
      feed.provide(path, texts);
    });
    editions = thread;
    // A changed page's tables are written on that thread too.
    const writeTables: PagePublisher = (page) => thread.writeTables(page);
    const reuse = options.cacheDir
      ? pageReuse({ cacheDir: join(options.cacheDir, 'pages'), previousSite: options.outDir, siteDir: staging, dataSet: options.dataSet, digests: options.digests, writeTables })
      : undefined;
    installPageReuse(reuse);
    installPagePublisher(reuse?.publish ?? writeTables, reuse && skippingUnchanged(reuse, feed, progress));
    installRenderedPageSink((path, html) => {
      if (!reuse?.unchanged(path)) {
        thread.convert(path, html);
        return thread.ready();
      }
      // An unchanged page renders nothing: its editions are carried over after, its texts are kept in the cache.
      const kept = feed.has(path) ? undefined : reuse.searchTexts(path);
      if (kept) feed.provide(path, kept);
    });
    await build({
      ...siteConfig({ dataSet: options.dataSet, dataDir: options.dataDir, contentDir: options.contentDir }),
      root: projectRoot,
      configFile: false,
      outDir: staging,
      logLevel: 'warn',
    });
    await charts.stop();
    charts = undefined;
    progress.stage('traditional edition');
    const converted = await editions.finish();
    editions = undefined;
    reuse?.carryOverPages();
    const chartsMade = { ...chartStats() };
    await writeTraditionalEdition(staging, feed, converted, reuse, progress);
    // Pagefind takes the last pages and writes its index, on the other core, while this one makes the data package.
    const index = search;
    const indexWritten = feed.finish().then(() => index.write(staging));
    const packageWritten = (async () => {
      progress.stage('data package');
      await writeDataPackage(staging, options.dataSet, reuse);
      progress.stage('search index');
    })();
    // Both are waited for even when one fails, so that neither goes on writing into a staging folder being removed.
    for (const written of await Promise.allSettled([indexWritten, packageWritten])) if (written.status === 'rejected') throw written.reason;
    await search.close();
    search = undefined;
    progress.stage('swap');
    if (existsSync(options.outDir)) await rename(options.outDir, retired);
    await rename(staging, options.outDir);
    await rm(retired, { recursive: true, force: true });
    reuse?.save();
    progress.done();
    return { pages, charts: chartsMade, pagesReused: reuse?.reused() ?? 0 };
  } catch (error) {
    await editions?.stop();
    await charts?.stop();
    await search?.close();
    await cleanUp();
    throw error;
  } finally {
    installRenderedPageSink(undefined);
    installChartDrawer(undefined);
    clearInterval(looking);
    installProgress(undefined);
    installPagePublisher(undefined);
    installPageReuse(undefined);
    installChartCache(undefined);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
