/**
 * Builds the site: the data set loaded and checked by the caller → a session for the pages →
 * the pages rendered from Astro's bundle of them (keptRenderer.ts: eight at a time, charts drawn
 * and pages converted on other threads) → the
 * Traditional edition completed → the data package and the search index → the site published in
 * place of the output folder. Every file the build writes goes to a staging folder beside the
 * output folder, and the files it carries over from the previous site stay where they are; only
 * once the new site is whole is it published (publishSite.ts), so a failed, interrupted or killed
 * build leaves the previous site, or after the next command the new one, never half of each.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDay } from '../lib/site/buildDate.ts';
import { pagePaths, siteIndex } from '../lib/pages/site.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { ObservationDigests } from '../load/scopeDigests.ts';
import { installSession } from '../session.ts';
import type { Progress } from '../cli/progress.ts';
import { chartDrawing, type ChartStats } from './chartDrawing.ts';
import { pagesCacheDir, startBuild, type BuildStart } from './buildStart.ts';
import { pageRenderer, type PageRenderer } from './keptRenderer.ts';
import { collectGarbageWhenPiledUp, keepHeapNearLive } from './garbage.ts';
import { folderChartCache } from './incremental/chartCacheFolder.ts';
import { pageReuse, type PageReuse } from './incremental/pageReuse.ts';
import { writeManifest } from './incremental/siteManifest.ts';
import { writeDataPackage, writeTraditionalEdition } from './publish.ts';
import { searchScript, startSearchIndex, writeSearchScript, type SearchIndex } from './searchIndex.ts';
import { OutputChanged, processRuns, publishInPlace, refuseUnlessReplaceable, swapIn, workPaths, type Recovery } from './publishSite.ts';
import { searchFeed } from './searchFeed.ts';
import { buildSession } from './session.ts';
import { startEditionThread, type EditionThread } from './threads/editionThread.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildSiteOptions {
  dataSet: DataSet;
  /** The load's digests of the observation files' rows (a load with a reading cache): pages are told unchanged without hashing those rows again. */
  digests?: ObservationDigests;
  outDir: string;
  /** Where the build reports its stages; silent when absent. */
  progress?: Progress;
  /** Folder kept across builds (charts/: drawn charts; pages/: the pages' search texts); absent: everything is drawn and rendered. */
  cacheDir?: string;
  /** Told when another build into the same output folder runs: this one waits for it (when it takes the folder itself; a `start` was given its own). */
  waiting?: (pid: number) => void;
  /** The bundle of the pages, started before the data were read (keptRenderer.ts); absent: started here. */
  renderer?: PageRenderer;
  /** Told when Ctrl+C or SIGTERM has stopped the build, once what it wrote is removed, just before the process ends (exit 130). */
  interrupted?: () => void;
  /**
   * What was started for this build before its data were loaded (buildStart.ts), for `outDir`: the build takes it over, and
   * stops it and lets the folder go whether it succeeds or fails. Absent: started here.
   */
  start?: BuildStart;
}

export interface BuildReport {
  pages: number;
  charts: ChartStats;
  /** Pages unchanged since the last build, taken from it rather than rendered. */
  pagesReused: number;
  /** Cache entries found but not taken (changed, cut short, of another shape) and made again; pages whose files were edited since they were published. */
  refused: { cacheEntries: number; pages: number };
  /** What was done about a publish a killed build left. */
  recovery: Recovery;
  /** The pages were rendered with the bundle of them kept by an earlier build of the same code (keptRenderer.ts), not bundled for this one. */
  bundleKept: boolean;
}

/**
 * The files of the new site whose hashes the manifest need not read back: those carried over from
 * the previous site (as checked against its manifest) and those the edition and search index threads wrote or were sent.
 * A path in both (a drawing carried for one page and written for another) is hashed from the file written, which is published over the one carried.
 */
function knownHashes(carried: ReadonlyMap<string, string>, written: ReadonlyMap<string, string>): Map<string, string> {
  const known = new Map(carried);
  for (const [path, hash] of written) {
    if (carried.has(path)) known.delete(path);
    else known.set(path, hash);
  }
  return known;
}

/** Keeps where they are the files a thread did not write, finding them as the previous site has them (siteFileWriter.ts). */
function keepAsPrevious(reuse: PageReuse, kept: ReadonlyMap<string, string>): void {
  for (const [path, sha256] of kept) if (!reuse.carryOverFile(path, sha256)) throw new Error(`the previous site: ${path} was to be kept, but is not as its manifest has it`);
}

/** The cache folder of the project's builds, unless ZONGSHU_CACHE names another; a relative name is taken from the working directory. */
export const defaultCacheDir = (): string => resolve(process.env.ZONGSHU_CACHE ?? join(projectRoot, '.zongshu-cache'));

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

const workFolders = join(projectRoot, '.zongshu-work');
const ownWorkFolder = join(workFolders, String(process.pid));

/**
 * The bundle of the pages is imported from inside the checkout, where it finds its node_modules: from
 * `.zongshu-work/<process id>/`, a folder of each build's own (and of each process that bundles pages,
 * keptRenderer.ts), removed after; those of processes that were killed go at the next build.
 */
async function inWorkFolder<T>(run: (folder: string) => Promise<T>): Promise<T> {
  for (const entry of existsSync(workFolders) ? readdirSync(workFolders) : []) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && pid !== process.pid && !processRuns(pid)) rmSync(join(workFolders, entry), { recursive: true, force: true });
  }
  mkdirSync(ownWorkFolder, { recursive: true });
  try {
    return await run(ownWorkFolder);
  } finally {
    removeOwnWorkFolder();
  }
}

/** Removes this build's work folder (as a build ends, or is interrupted). */
function removeOwnWorkFolder(): void {
  rmSync(ownWorkFolder, { recursive: true, force: true });
  // The folder of work folders too, once no build has one in it: a checkout is left with no empty folder of ours.
  try {
    rmdirSync(workFolders);
  } catch {
    // Another build's folder is in it, or it is gone.
  }
}

export async function buildSite(given: BuildSiteOptions): Promise<BuildReport> {
  // Folders as given from the working directory, fixed once.
  const options = { ...given, outDir: resolve(given.outDir), cacheDir: given.cacheDir === undefined ? undefined : resolve(given.cacheDir) };
  if (given.start && given.start.outDir !== options.outDir) {
    await given.start.cancel();
    throw new Error(`buildSite: started for ${given.start.outDir}, not ${options.outDir}`);
  }
  const startHere = () => {
    // The site replaces the whole output folder: never one that holds something else.
    refuseUnlessReplaceable(options.outDir);
    return startBuild({ outDir: options.outDir, cacheDir: options.cacheDir, waiting: options.waiting, chartsAtOnce: false });
  };
  const { lock, recovery, replacing, previousSite, charts } = given.start ?? (await startHere());
  const { staging, parent, journal } = workPaths(options.outDir);
  let editions: EditionThread | undefined;
  let search: SearchIndex | undefined;
  /** Waits for the cache files written in the background (keyedFiles.ts), once there are any. */
  let waitForCacheWrites: (() => Promise<void>) | undefined;
  // The bundle of the pages: kept, or being made in a process of its own since the caller started it (keptRenderer.ts).
  const renderer = options.renderer ?? pageRenderer(options.cacheDir, projectRoot);
  let abandoning: Promise<void> | undefined;
  /**
   * Stops everything that writes into the staging folder, then removes the folder: once, whether the build failed or was
   * interrupted. A thread still writing would otherwise put files into the folder as it goes, and leave it behind.
   */
  const abandon = (): Promise<void> =>
    (abandoning ??= (async () => {
      await waitForCacheWrites?.().catch(() => undefined);
      await editions?.stop();
      await charts.stop();
      await search?.stop();
      await previousSite?.stop();
      renderer.cancel();
      // A publish that failed once its journal was written (a file that could not be moved) is rolled forward by the next
      // command, from the staging folder: that stays. There is no other journal while the build holds the lock.
      if (existsSync(journal)) return;
      // At once, so that no page this thread renders meanwhile is written into it; a write of it still under way is waited out.
      rmSync(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    })());
  const onSignal = () => {
    void abandon().finally(() => {
      // The process ends here, so the folder Astro renders in (inWorkFolder) is removed here.
      removeOwnWorkFolder();
      lock.release();
      options.interrupted?.();
      process.exit(130);
    });
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  keepHeapNearLive();
  const progress = collecting(options.progress ?? silent);
  // Astro bundles the pages before it renders the first: the heap is looked at while it does too.
  const looking = setInterval(collectGarbageWhenPiledUp, 200).unref();
  void renderer.ready();
  // Made by esbuild, in a process of its own, while the pages render; a failure is said when it is written.
  const script = searchScript(projectRoot);
  script.catch(() => undefined);
  try {
    await mkdir(parent, { recursive: true });
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const site = siteIndex(options.dataSet, buildDay(process.env.SOURCE_DATE_EPOCH, new Date()));
    const paths = pagePaths(site);
    progress.stage('pages', paths.length);

    // The parts of the session: charts, the Traditional edition and the search index, each of its own.
    const chartCache = options.cacheDir ? folderChartCache(join(options.cacheDir, 'charts')) : undefined;
    // A build that replaces a built site carries most of its pages: the index takes the carried pages' terms while the
    // few others render. A first build renders every page: the index waits for the pages (threads/searchIndexWorker.ts says why).
    const drawing = chartDrawing(charts.draw, chartCache);
    // The search index takes the pages' documents as they come, in the fixed order of the page list.
    search = startSearchIndex();
    if (replacing) search.start();
    const feed = searchFeed(search.add, paths);
    const thread = startEditionThread(staging, (path, texts) => {
      reuse.keepSearchTexts(path, texts);
      feed.provide(path, texts);
    });
    editions = thread;
    // A changed page's tables are written on that thread too.
    // Every page is hashed for the new site's manifest; with a cache folder, one unchanged since the site it replaces is taken from it.
    const reuse = pageReuse({
      cacheDir: options.cacheDir === undefined ? undefined : pagesCacheDir(options.cacheDir),
      previousSite: options.outDir,
      dataSet: options.dataSet,
      digests: options.digests,
      writeTables: (page) => thread.writeTables(page),
      previousSiteCheck: previousSite?.checked,
    });
    // Files of changed pages, and of the search index, that come out as the previous site has them are kept there, not written again.
    const intact = replacing ? reuse.intactFiles() : [];
    if (intact.length > 0) thread.keepUnchanged(intact);
    installSession(buildSession({ site, reuse, charts: drawing, editions: thread, feed, progress }));
    waitForCacheWrites = async () => {
      await chartCache?.written();
    };

    await inWorkFolder((folder) => renderer.render(folder, staging, paths));
    if (!replacing) search.start();
    await charts.stop();
    // Before the Traditional edition, which copies it.
    await writeSearchScript(staging, script);

    progress.stage('traditional edition');
    const { converted, written, kept } = await editions.finish();
    editions = undefined;
    keepAsPrevious(reuse, kept);
    const carriedPages = reuse.carryOverPages();
    await writeTraditionalEdition(staging, feed, converted, reuse, { previousSite: options.outDir, pages: carriedPages }, progress);
    const index = search;
    const indexWritten = feed.finish().then(() => index.write(staging, intact));
    const packageWritten = (async () => {
      progress.stage('data package');
      await writeDataPackage(staging, options.dataSet, reuse);
      progress.stage('search index');
    })();
    // Both are waited for even when one fails, so that neither goes on writing into a staging folder being removed.
    for (const settled of await Promise.allSettled([indexWritten, packageWritten])) if (settled.status === 'rejected') throw settled.reason;
    search = undefined;
    // The index's files, hashed as the thread wrote them, are known to the manifest as the edition thread's are.
    const { written: indexFiles, kept: indexKept } = await indexWritten;
    keepAsPrevious(reuse, indexKept);
    // The cache files written in the background: a failure fails the build before anything is published.
    await waitForCacheWrites();
    waitForCacheWrites = undefined;
    reuse.writeSearchTexts();
    // Nothing asks for the check after the data package's parts.
    await previousSite?.stop();

    progress.stage('publish');
    const carried = reuse.carriedFiles();
    const manifest = writeManifest(staging, reuse.records(), knownHashes(carried, new Map([...written, ...indexFiles])), carried.keys());
    // A site that keeps files of the one it replaces is published into its folder; a whole new one replaces it.
    if (carried.size > 0) publishInPlace(staging, options.outDir, new Set(carried.keys()));
    else swapIn(staging, options.outDir);
    try {
      reuse.save(manifest);
    } catch (error) {
      // The new site is in place: without its stats kept, the next build reads each of its files to check it.
      throw new OutputChanged('replaced', error);
    }
    progress.done();
    const rejected = (chartCache?.rejected() ?? 0) + reuse.rejectedTexts() + (renderer.refused() ? 1 : 0);
    return { pages: paths.length, charts: drawing.stats(), pagesReused: reuse.reused(), refused: { cacheEntries: rejected, pages: reuse.refused() }, recovery, bundleKept: renderer.kept() };
  } catch (error) {
    // Nothing goes on writing once the build has failed.
    await abandon();
    throw error;
  } finally {
    installSession(undefined);
    clearInterval(looking);
    lock.release();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
