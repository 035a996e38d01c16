/**
 * npm run bench: how fast and how heavy zongshu is on the synthetic national
 * data set. Every figure is measured in this run, builds in fresh processes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { defaultSynthOptions, type SynthOptions } from '../lib/synth/national.ts';
import { loadDataSet } from '../load/loadDataSet.ts';
import { projectRoot } from '../build/buildSite.ts';
import { writeSyntheticDataSet } from './synth.ts';
import { floorBuild } from './benchFloor.ts';
import { setAside } from './benchAside.ts';

const run = promisify(execFile);

export const quickOptions: SynthOptions = { ...defaultSynthOptions, provinces: 8, years: 4, units: 30 };

/** A quarter of a set's units: the heap per row at two sizes says whether it grows with the rows alone. */
const quarterOf = (options: SynthOptions): SynthOptions => ({ ...options, units: Math.max(1, Math.round(options.units / 4)) });

function csvFiles(dataDir: string): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.csv') ? [join(dir, e.name)] : []))
      : [];
  return [...walk(join(dataDir, 'observations')), ...walk(join(dataDir, 'tables'))].sort();
}

/** What makes the set: its options and the code that writes it, so a changed generator writes it again. */
function synthStamp(options: SynthOptions): string {
  const code = createHash('sha256');
  for (const file of ['src/cli/synth.ts', ...readdirSync(join(projectRoot, 'src/lib/synth')).sort().map((f) => `src/lib/synth/${f}`)]) code.update(readFileSync(join(projectRoot, file)));
  return JSON.stringify({ ...options, code: code.digest('hex') });
}

async function ensureDataSet(dir: string, options: SynthOptions): Promise<void> {
  const stamp = join(dir, 'synth-options.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === synthStamp(options)) return;
  await writeSyntheticDataSet(dir, options);
  writeFileSync(stamp, synthStamp(options));
}

async function papaparseSeconds(files: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    await new Promise<void>((resolve) => {
      Papa.parse(createReadStream(file, { encoding: 'utf8' }) as unknown as File, { delimiter: ',', chunk: () => undefined, complete: () => resolve() });
    });
  }
  return (performance.now() - started) / 1000;
}

interface BuildRun {
  seconds: number;
  maxRssMb: number;
  /** CPU seconds of the build's process, all its threads (not the process that bundles the pages): user, then system. */
  cpuSeconds: { user: number; system: number };
  pages: number;
  pagesReused: number;
  charts: { drawn: number; cached: number; drawMs: number };
  /** Rendered with the bundle of the pages an earlier build kept (src/build/keptRenderer.ts). */
  bundleKept: boolean;
  /** Seconds of each stage: check (read and check the data), pages, traditional edition, data package (made while the search index is written), search index (what is left of that writing), swap. */
  stages: Record<string, number>;
}

/** The node flags and runner of `npm run build` (package.json), so the bench times the build a user runs. */
const buildNodeFlags = ['--expose-gc', '--heap-growing-percent=20', '--max-semi-space-size=32'];

async function timedBuild(data: string, out: string, cache: string): Promise<BuildRun> {
  const report = join(out, '..', 'build-report.json');
  const started = performance.now();
  await run(process.execPath, [...buildNodeFlags, 'scripts/run.mjs', 'build', '--data', join(data, 'data'), '--content', join(data, 'content'), '--out', out], {
    cwd: projectRoot,
    env: { ...process.env, ZONGSHU_CACHE: cache, ZONGSHU_BUILD_REPORT: report },
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  const inner = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number; userCpuSeconds: number; systemCpuSeconds: number; pages: number; pagesReused: number; charts: BuildRun['charts']; bundleKept: boolean; stages: Array<{ name: string; seconds: number }> };
  return { seconds, maxRssMb: inner.maxRssKb / 1024, cpuSeconds: { user: round1(inner.userCpuSeconds), system: round1(inner.systemCpuSeconds) }, pages: inner.pages, pagesReused: inner.pagesReused, charts: inner.charts, bundleKept: inner.bundleKept, stages: Object.fromEntries(inner.stages.map((s) => [s.name, s.seconds])) };
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !relative(dir, f).startsWith('zh-Hant/'));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function pageWeights(dist: string) {
  const pages = htmlPages(dist);
  const sizes = pages.map((p) => ({ path: relative(dist, p), bytes: statSync(p).size }));
  const scriptBytes = (page: string) =>
    [...readFileSync(page, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/gu)].reduce((sum, [, src]) => sum + statSync(join(page, '..', src ?? '')).size, 0);
  const interactive = new Set(['compare.html', 'search.html']);
  const review = sizes.filter((s) => /^[a-z0-9-]+\/\d{4}(?:-\d{4})?\.html$/u.test(s.path));
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const distBytes = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
  return {
    medianPageKb: median(sizes.map((s) => s.bytes)) / 1024,
    largestPage: { path: largest.path, kb: largest.bytes / 1024 },
    largestReviewPage: review.length > 0 ? { path: review.reduce((a, b) => (b.bytes > a.bytes ? b : a)).path, kb: Math.max(...review.map((r) => r.bytes)) / 1024 } : null,
    contentPageJsBytes: Math.max(0, ...pages.filter((p) => !interactive.has(relative(dist, p))).map(scriptBytes)),
    searchPageJsKb: existsSync(join(dist, 'search.html')) ? scriptBytes(join(dist, 'search.html')) / 1024 : 0,
    distMb: distBytes / 1024 / 1024,
  };
}

/** Heap held after loading (garbage collected), in a process of its own: bytes in all and per observation (a row of data/observations or a filled cell of a table). */
async function heapAfterLoad(data: string) {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench-heap.ts', join(data, 'data'), join(data, 'content')], {
    cwd: projectRoot,
    maxBuffer: 1 << 26,
  });
  const { observations, heapBytes } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { observations: number; heapBytes: number };
  return { observations, heapMb: Math.round(heapBytes / 1024 / 1024), bytesPerObservation: Math.round(heapBytes / observations) };
}

/** Where the site's megabytes are, by kind of file (each file counted once, as du -sm counts hard links once). */
function distParts(dist: string): Record<string, number> {
  const kind = (path: string): string => {
    if (path.startsWith('zh-Hant/')) return 'traditional edition';
    if (path.startsWith('data/package/')) return 'data package';
    if (path.startsWith('data/charts/') && path.endsWith('.svg')) return 'chart drawings';
    if (path.startsWith('data/')) return 'page tables';
    if (path.startsWith('search/') || path === 'search.js') return 'search index';
    if (path.startsWith('sources/') && path.endsWith('.html')) return 'source pages';
    if (/^[^/]+\/units\/[^/]+\.html$/u.test(path)) return 'unit pages';
    if (path.endsWith('.html')) return 'other pages';
    return 'other files';
  };
  const parts: Record<string, number> = {};
  const seen = new Set<number>();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const { size, ino } = statSync(file);
    if (seen.has(ino)) continue;
    seen.add(ino);
    const part = kind(relative(dist, file));
    parts[part] = (parts[part] ?? 0) + size;
  }
  return Object.fromEntries(Object.entries(parts).sort(([, a], [, b]) => b - a).map(([part, bytes]) => [part, Number((bytes / 1024 / 1024).toFixed(1))]));
}

const round1 = (value: number) => Number(value.toFixed(1));

/** A build after an edit, beside the full build. */
function afterEditReport(run: BuildRun, full: BuildRun) {
  return {
    seconds: Number(run.seconds.toFixed(1)),
    ofFullBuild: Number((run.seconds / full.seconds).toFixed(2)),
    // The build's own peak (all its threads): a rebuild that draws charts holds the chart thread beside the whole data set.
    peakRssMb: Math.round(run.maxRssMb),
    cpuSeconds: run.cpuSeconds,
    pagesReused: run.pagesReused,
    pagesMade: run.pages - run.pagesReused,
    bundleKept: run.bundleKept,
    stageSeconds: run.stages,
  };
}

/**
 * Changes figures in one province's file, as a committee editing its table would: one figure of its first
 * year, one of its latest (which more pages show), or every figure it gives (a committee correcting its whole
 * return: every page of the province, and every page that compares it, is made again).
 */
function editOneProvince(data: string, which: 'first' | 'latest' | 'every' | 'everyFifthMore'): () => void {
  const file = csvFiles(join(data, 'data'))[0] as string;
  const original = readFileSync(file, 'utf8');
  const lines = original.split('\n');
  const rows = lines.map((line, index) => ({ index, fields: line.split(',') })).slice(1).filter((r) => r.fields.length > 4);
  // A period's last year: 2024, or 2020 of 2016-2020.
  const endYear = (r: { fields: string[] }) => Number((r.fields[2] ?? '').slice(-4));
  const ofLatestYear = () => {
    const latest = Math.max(...rows.map(endYear));
    return rows.filter((r) => endYear(r) === latest);
  };
  // The file's first row, its first row of the latest year, or every row that gives a whole number.
  const wholeNumbers = () => rows.filter((r) => /^\d+$/u.test(r.fields[4] ?? ''));
  const changed = { first: () => rows.slice(0, 1), latest: () => ofLatestYear().slice(0, 1), every: wholeNumbers, everyFifthMore: wholeNumbers }[which]();
  if (changed.length === 0) throw new Error(`no row to change in ${file}`);
  // One more each, which seldom moves the province past another; or a fifth more, which moves it in most rankings, so that
  // the pages of other provinces that give its place among them change too.
  const changedValue = (value: number) => (which === 'everyFifthMore' ? Math.round(value * 1.2) : value + 1);
  for (const r of changed) {
    r.fields[4] = String(changedValue(Number(r.fields[4])));
    lines[r.index] = r.fields.join(',');
  }
  writeFileSync(file, lines.join('\n'));
  return () => writeFileSync(file, original);
}

/** Adds a sentence to one review's narrative, as an editor revising the text would. */
function editOneNarrative(data: string): () => void {
  const content = join(data, 'content');
  const province = readdirSync(content, { withFileTypes: true }).find((e) => e.isDirectory());
  if (!province) throw new Error(`no review narrative in ${content}`);
  const folder = join(content, province.name);
  const file = join(folder, readdirSync(folder).filter((f) => f.endsWith('.md')).sort()[0] ?? '');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original.trimEnd()}\n\n本段为基准测试所加，测完即删。\n`);
  return () => writeFileSync(file, original);
}

export async function bench(quick: boolean): Promise<Record<string, unknown>> {
  const options = quick ? quickOptions : defaultSynthOptions;
  const work = join(projectRoot, '.zongshu-bench', quick ? 'quick' : 'national');
  await mkdir(work, { recursive: true });
  const deleteSetAside = await setAside(work, ['dist', 'cache', 'floor']);
  const data = join(work, 'dataset');
  await ensureDataSet(data, options);

  const quarter = join(work, 'quarter');
  await ensureDataSet(quarter, quarterOf(options));
  const heapQuarter = await heapAfterLoad(quarter);
  const heapWhole = await heapAfterLoad(data);
  const heap = {
    quarter: heapQuarter,
    whole: heapWhole,
    // what one more observation costs, the fixed heap of the code and the catalog aside
    marginalBytesPerObservation: Math.round(((heapWhole.heapMb - heapQuarter.heapMb) * 1024 * 1024) / Math.max(1, heapWhole.observations - heapQuarter.observations)),
  };

  const files = csvFiles(join(data, 'data'));
  const megabytes = files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
  const papaparse = Math.min(await papaparseSeconds(files), await papaparseSeconds(files));
  const modelStarted = performance.now();
  // Where the load's time goes: reading every file into observations (typed, checked row by row, placed), then deriving the figures and checking them together.
  let readingEnded = modelStarted;
  const loaded = await loadDataSet({ dataDir: join(data, 'data'), contentDir: join(data, 'content'), afterReading: () => (readingEnded = performance.now()) });
  const model = (performance.now() - modelStarted) / 1000;
  const reading = (readingEnded - modelStarted) / 1000;
  const rows = loaded.files.reduce((sum, f) => sum + f.rows, 0);

  // A full build into a new folder with a new cache, as a first build is (the last run's were set aside).
  const cache = join(work, 'cache');
  const dist = join(work, 'dist');
  const full = await timedBuild(data, dist, cache);
  /** A build after one edit, timed; the edit is undone after it. */
  const afterEdit = async (edit: (data: string) => () => void): Promise<BuildRun> => {
    const undo = edit(data);
    try {
      return await timedBuild(data, dist, cache);
    } finally {
      undo();
    }
  };
  // First after the full build, as a committee's corrected return would come: that build deleted nothing of the site.
  const incrementalProvince = await afterEdit((dir) => editOneProvince(dir, 'every'));
  await timedBuild(data, dist, cache);
  // The same edit again, right after the build that undid it and replaced the files this one makes anew. ext4 without a
  // journal (this machine kind) passes over each inode freed in the last minutes (six while its block is unwritten)
  // every time it makes a file: the ~2,700 files of this build cost the kernel about 1.3 s more (perf: recently_deleted
  // under ext4_create). So do the one-figure builds below, each after the build that undid the edit before it.
  const incrementalProvinceAgain = await afterEdit((dir) => editOneProvince(dir, 'every'));
  await timedBuild(data, dist, cache);
  // Every figure a fifth more: the province moves in the rankings that other provinces' pages show.
  const incrementalProvinceFifthMore = await afterEdit((dir) => editOneProvince(dir, 'everyFifthMore'));
  await timedBuild(data, dist, cache);
  const incremental = await afterEdit((dir) => editOneProvince(dir, 'first'));
  await timedBuild(data, dist, cache);
  const incrementalLatest = await afterEdit((dir) => editOneProvince(dir, 'latest'));
  await timedBuild(data, dist, cache); // back to the data as synthesised, so the narrative edit is the only change
  const narrative = await afterEdit(editOneNarrative);
  await timedBuild(data, dist, cache);
  const floor = await floorBuild(dist, join(work, 'floor'), projectRoot);
  await deleteSetAside();
  const chartsOnPages = htmlPages(dist).reduce((sum, p) => sum + (readFileSync(p, 'utf8').match(/<figure class="chart"/gu)?.length ?? 0), 0);

  return {
    // lines: rows of data/observations and of the unit-return tables, a table's line holding a figure in each filled cell
    dataSet: { ...options, lines: rows, observations: loaded.dataSet.observations.length, figures: loaded.dataSet.figures.length, pages: full.pages, csvMegabytes: Number(megabytes.toFixed(1)) },
    machine: { cpus: cpus().length, node: process.version },
    aggregation: {
      papaparseMBps: Number((megabytes / papaparse).toFixed(1)),
      modelMBps: Number((megabytes / model).toFixed(1)),
      ratio: Number((papaparse / model).toFixed(2)),
      papaparseSeconds: Number(papaparse.toFixed(2)),
      modelSeconds: Number(model.toFixed(2)),
      // modelSeconds in two: the files read into observations, and the figures derived from them and checked
      readingSeconds: Number(reading.toFixed(2)),
      figuresAndChecksSeconds: Number((model - reading).toFixed(2)),
      heapAfterLoadMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    },
    heapAfterLoad: heap,
    fullBuild: {
      seconds: Number(full.seconds.toFixed(1)),
      peakRssMb: Math.round(full.maxRssMb),
      cpuSeconds: full.cpuSeconds,
      pages: full.pages,
      pagesPerSecond: Number((full.pages / full.seconds).toFixed(1)),
      chartsDrawn: full.charts.drawn,
      chartsOnPages,
      msPerChart: Number((full.charts.drawMs / Math.max(1, full.charts.drawn)).toFixed(2)),
      stageSeconds: full.stages,
    },
    incrementalBuild: { ...afterEditReport(incremental, full), chartsDrawn: incremental.charts.drawn, chartsFromCache: incremental.charts.cached },
    incrementalBuildAfterLatestYear: afterEditReport(incrementalLatest, full),
    // every figure of one province's file changed: the case of a committee that corrects its whole return
    incrementalBuildAfterProvince: afterEditReport(incrementalProvince, full),
    // the same edit made again right after the build that undid it (see above)
    incrementalBuildAfterProvinceAgain: afterEditReport(incrementalProvinceAgain, full),
    // every figure of one province's file a fifth more: its places in the rankings change, and with them other provinces' pages
    incrementalBuildAfterProvinceFifthMore: afterEditReport(incrementalProvinceFifthMore, full),
    narrativeBuild: afterEditReport(narrative, full),
    floor: { pages: floor.pages, astroSeconds: Number(floor.seconds.toFixed(1)), fullBuildOfFloor: Number((full.seconds / floor.seconds).toFixed(2)) },
    pageWeight: { ...pageWeights(dist), distMbByPart: distParts(dist) },
  };
}
