/**
 * Incremental builds: an unchanged page is taken from the previous site, and
 * what comes out is byte for byte what a full build of the same data writes.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildReport } from '../../src/build/buildSite.ts';
import { folderReadingCache } from '../../src/build/incremental/readingCache.ts';
import { manifestName, readManifest } from '../../src/build/incremental/siteManifest.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { fileHashes } from '../helpers/fileHashes.ts';
import { fixtureSite } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { corpusCase } from '../helpers/corpusCase.ts';

const tempDir = useTempDir('all');
let work = '';

/** `from`: the folder holding data/ and content/. */
async function build(outDir: string, cacheDir?: string, from = work): Promise<BuildReport> {
  const options = { dataDir: join(from, 'data'), contentDir: join(from, 'content') };
  // As npm run build does: with a cache, files are read through it, and pages told unchanged by the digests of their rows.
  const { dataSet, digests } = await loadDataSet({ ...options, ...(cacheDir ? { cache: folderReadingCache(cacheDir, options.dataDir) } : {}) });
  return buildSite({ dataSet, digests, outDir, ...(cacheDir ? { cacheDir } : {}) });
}

/** A copy of the fixture of its own (or of `copy`'s making), built once through a cache into its site/. */
async function builtCopy(copy = (from: string) => cpSync(fixtureSite, from, { recursive: true })): Promise<{ from: string; out: string; cacheDir: string }> {
  const from = tempDir();
  copy(from);
  const out = join(from, 'site');
  const cacheDir = join(from, 'cache');
  await build(out, cacheDir, from);
  return { from, out, cacheDir };
}

const site = () => join(work, 'site');
const cache = () => join(work, 'cache');
/** A table file of a hainan unit page, which no jiangsu figure touches. */
const hainanUnitTable = () => join(site(), 'data/pages/hainan/units/gaoyuan.csv');
const jiangsuTable = () => join(site(), 'data/pages/jiangsu/2021.csv');
/** The data package's files of each province's rows. */
const packagePart = (resource: string, province: string) => join(site(), `data/package/${resource}/${province}.csv`);

const reports: BuildReport[] = [];
const hashes: Array<Map<string, string>> = [];
const inodes: Array<{ hainan: number; jiangsu: number; hainanFigures: number; jiangsuObservations: number }> = [];

async function buildAndRecord(): Promise<void> {
  reports.push(await build(site(), cache()));
  hashes.push(fileHashes(site()));
  inodes.push({
    hainan: statSync(hainanUnitTable()).ino,
    jiangsu: statSync(jiangsuTable()).ino,
    hainanFigures: statSync(packagePart('figures', 'hainan')).ino,
    jiangsuObservations: statSync(packagePart('observations', 'jiangsu')).ino,
  });
}

beforeAll(async () => {
  work = tempDir();
  cpSync(fixtureSite, work, { recursive: true });
  await buildAndRecord();
  await buildAndRecord();
  const file = join(work, 'data/observations/more.csv');
  writeFileSync(file, readFileSync(file, 'utf8').replace('jiangsu,,2021,donations,321,', 'jiangsu,,2021,donations,322,'));
  await buildAndRecord();
});

describe('incremental builds', () => {
  it('renders every page on the first build', () => {
    expect(reports[0]?.pagesReused).toBe(0);
    // Astro bundles the pages; the bundle is kept for the next build of the same code.
    expect(reports[0]?.bundleKept).toBe(false);
  });

  it('renders the pages of later builds with the bundle the first one kept', () => {
    expect(reports[1]?.bundleKept).toBe(true);
    expect(reports[2]?.bundleKept).toBe(true);
  });

  it('takes every published page from the previous site when nothing changed, and writes the same bytes', () => {
    // Every page but the two without data (methodology, search), which are always rendered.
    expect(reports[1]?.pagesReused).toBe((reports[1]?.pages ?? 0) - 2);
    expect([...(hashes[1] ?? [])].filter(([path, hash]) => hashes[0]?.get(path) !== hash)).toEqual([]);
    expect(inodes[1]?.hainan).toBe(inodes[0]?.hainan);
    expect(inodes[1]?.hainanFigures).toBe(inodes[0]?.hainanFigures);
    expect(inodes[1]?.jiangsuObservations).toBe(inodes[0]?.jiangsuObservations);
  });

  it('renders again only the pages a changed figure reaches', () => {
    const reused = reports[2]?.pagesReused ?? 0;
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan((reports[2]?.pages ?? 0) - 2);
    expect(inodes[2]?.hainan).toBe(inodes[1]?.hainan);
    expect(inodes[2]?.jiangsu).not.toBe(inodes[1]?.jiangsu);
    expect(readFileSync(jiangsuTable(), 'utf8')).toContain('322万元');
  });

  it("writes again only the data package's files of the province whose rows changed", () => {
    expect(inodes[2]?.hainanFigures).toBe(inodes[1]?.hainanFigures);
    expect(inodes[2]?.jiangsuObservations).not.toBe(inodes[1]?.jiangsuObservations);
    expect(readFileSync(packagePart('observations', 'jiangsu'), 'utf8')).toContain(',jiangsu,,2021,donations,322,');
  });

  it('takes every page from the previous site when the same data are read from another folder', async () => {
    const moved = join(work, 'moved');
    cpSync(join(work, 'data'), join(moved, 'data'), { recursive: true });
    cpSync(join(work, 'content'), join(moved, 'content'), { recursive: true });
    const report = await build(site(), cache(), moved);
    expect(report.pagesReused).toBe(report.pages - 2);
    expect([...fileHashes(site())].filter(([path, hash]) => hashes[2]?.get(path) !== hash)).toEqual([]);
  });

  it('writes exactly what a full build of the changed data writes', async () => {
    const fresh = join(work, 'fresh');
    await build(fresh);
    const full = fileHashes(fresh);
    const incremental = hashes[2] ?? new Map<string, string>();
    expect([...incremental.keys()]).toEqual([...full.keys()]);
    expect([...incremental].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });

  it('takes what it reuses from the site it replaces, whatever the cache folder, and writes what a full build writes', async () => {
    const before = fileHashes(site());
    const report = await build(site(), join(work, 'another-cache'));
    expect(report.pagesReused).toBe(report.pages - 2);
    expect([...fileHashes(site())].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });

  it('builds in full again when the site has lost its manifest', async () => {
    rmSync(join(site(), manifestName));
    const before = statSync(packagePart('figures', 'hainan')).ino;
    const report = await build(site(), cache());
    expect(report.pagesReused).toBe(0);
    expect(statSync(packagePart('figures', 'hainan')).ino).not.toBe(before);
  });

  it("renders a review again when its narrative changes, as a full build does", async () => {
    const narrative = join(work, 'content/hainan/2020.md');
    writeFileSync(narrative, readFileSync(narrative, 'utf8').replace('培训{{training-attendance}}。', '培训{{training-attendance}}，较上年有增长。'));
    const report = await build(site(), cache());
    expect(report.pagesReused).toBeLessThan(report.pages - 2);
    expect(readFileSync(join(site(), 'hainan/2020.html'), 'utf8')).toContain('较上年有增长');
    const fresh = join(work, 'fresh-narrative');
    await build(fresh);
    const full = fileHashes(fresh);
    expect([...fileHashes(site())].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});

describe('an incremental build after a unit return changes', () => {
  it("renders again the pages of the changed cell's province, and writes what a full build writes", async () => {
    const { from, out, cacheDir } = await builtCopy((dir) => corpusCase(dir, '52-wide-table'));
    // 省公安厅 (line 3): 立案 7 becomes 8.
    const table = join(from, 'data/tables/hainan/2020.csv');
    const before = readFileSync(table, 'utf8');
    writeFileSync(table, before.replace('省公安厅,7,', '省公安厅,8,'));
    expect(readFileSync(table, 'utf8')).not.toBe(before);
    const report = await build(out, cacheDir, from);
    expect(report.pagesReused).toBeGreaterThan(0);
    expect(report.pagesReused).toBeLessThan(report.pages);
    expect(readFileSync(join(out, 'hainan/units/gonganting.html'), 'utf8')).toContain('8件');
    expect(readFileSync(join(out, 'sources/table-hainan-2020.html'), 'utf8')).toMatch(/<tr id="row-tables-hainan-2020-3">.*?<td>8<\/td>/u);
    // The line has a note (含轮训): its cells are rows of observations/, not numbers of unit-returns/.
    expect(readFileSync(join(out, 'data/package/observations/hainan.csv'), 'utf8')).toMatch(/^tables\/hainan\/2020\.csv:3:2,hainan,gonganting,2020,[a-z-]+,8,/mu);
    const fresh = join(from, 'fresh');
    await build(fresh, undefined, from);
    const full = fileHashes(fresh);
    const incremental = fileHashes(out);
    expect([...incremental.keys()]).toEqual([...full.keys()]);
    expect([...incremental].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});

describe("an incremental build after a committee figure changes, and the province's unit pages", () => {
  /** The unit pages of Hainan, whose unit rows are of 2020 and who set 2020's committee figures beside theirs. */
  const unitPages = ['hainan/units/gaoyuan.html', 'hainan/units/gonganting.html'];

  /** Builds the changed data into `out` through the cache, then in full into a folder of its own, and says which files differ. */
  async function buildAndCompare(from: string, out: string, cacheDir: string): Promise<{ report: BuildReport; differing: string[] }> {
    const report = await build(out, cacheDir, from);
    const fresh = join(from, `fresh-${Date.now()}`);
    await build(fresh, undefined, from);
    const full = fileHashes(fresh);
    const incremental = fileHashes(out);
    expect([...incremental.keys()]).toEqual([...full.keys()]);
    return { report, differing: [...incremental].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path) };
  }

  it("takes them from the last site when the figure is of a year they do not show, and renders them again when it is of the year they show", async () => {
    const { from, out, cacheDir } = await builtCopy();
    const inodes = () => unitPages.map((page) => statSync(join(out, page)).ino);
    const first = inodes();
    const edit = (file: string, change: (text: string) => string) => {
      const path = join(from, 'data/observations', file);
      const before = readFileSync(path, 'utf8');
      writeFileSync(path, change(before));
      expect(readFileSync(path, 'utf8')).not.toBe(before);
    };

    // Hainan's committee filed 60 cases in 2018: no unit page shows 2018's committee figures.
    edit('more.csv', (text) => text.replace('hainan,,2018,cases-filed,60,,hainan-2018,立案60件,', 'hainan,,2018,cases-filed,61,,hainan-2018,立案61件,'));
    const earlier = await buildAndCompare(from, out, cacheDir);
    expect(earlier.differing).toEqual([]);
    expect(readFileSync(join(out, 'hainan/2018.html'), 'utf8')).toContain('61件');
    expect(inodes()).toEqual(first);

    // A committee figure of 2020 for 立案, which the unit pages showed summed from their two units (12件), is now stated.
    edit('sample.csv', (text) => `${text.trimEnd()}\nhainan,,2020,cases-filed,15,,hainan-2020,立案15件,\n`);
    const shown = await buildAndCompare(from, out, cacheDir);
    expect(shown.differing).toEqual([]);
    for (const page of unitPages) expect(readFileSync(join(out, page), 'utf8'), page).toContain('15件');
    expect(inodes().some((ino, i) => ino === first[i])).toBe(false);
    expect(shown.report.pagesReused).toBeLessThan(earlier.report.pagesReused);
  });
});

describe("an incremental build after a metric's rows change", () => {
  /** The manifest's record of each page of a metric: a page that names what it reads is recorded by `inputs`, the hash of that. */
  const metricRecords = (out: string) =>
    Object.fromEntries(Object.entries(readManifest(out)?.manifest.pages ?? {}).filter(([path]) => /^(metrics|compare)\/[^/]+\.html$/u.test(path) && !path.startsWith('compare/hainan') && !path.startsWith('compare/jiangsu')));

  it('makes again the pages of the metrics whose rows, parts or linked provinces changed, keeps the others untouched, and writes what a full build writes', async () => {
    const { from, out, cacheDir } = await builtCopy();
    const rows = join(from, 'data/observations/more.csv');
    const addRow = (row: string) => writeFileSync(rows, `${readFileSync(rows, 'utf8').trimEnd()}\n${row}\n`);
    const buildAndCompare = async () => {
      await build(out, cacheDir, from);
      const fresh = join(from, `fresh-${Date.now()}`);
      await build(fresh, undefined, from);
      const full = fileHashes(fresh);
      const incremental = fileHashes(out);
      expect([...incremental.keys()]).toEqual([...full.keys()]);
      expect([...incremental].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path)).toEqual([]);
    };
    const first = metricRecords(out);
    expect(first['metrics/donations.html']?.inputs).toBeDefined();
    expect(first['compare/donations.html']?.inputs).toBeDefined();

    // Jiangsu's donations: the pages of that metric are made again, and no other metric's.
    writeFileSync(rows, readFileSync(rows, 'utf8').replace('jiangsu,,2021,donations,321,', 'jiangsu,,2021,donations,322,'));
    await buildAndCompare();
    const second = metricRecords(out);
    const changed = (a: typeof first, b: typeof first) => Object.keys(b).filter((path) => a[path]?.inputs !== b[path]?.inputs).sort();
    expect(changed(first, second)).toEqual(['compare/donations.html', 'metrics/donations.html']);
    expect(readFileSync(join(out, 'metrics/donations.html'), 'utf8')).toContain('322万元');

    // Jiangsu's branches: the compare page of training, which gives it per 100 branches too, is made again.
    writeFileSync(rows, readFileSync(rows, 'utf8').replace('jiangsu,,2021,branches-total,6280,,jiangsu-2021,6280个党支部,', 'jiangsu,,2021,branches-total,6300,,jiangsu-2021,6300个党支部,'));
    await buildAndCompare();
    const branches = metricRecords(out);
    expect(changed(second, branches)).toContain('compare/training-attendance.html');
    expect(changed(second, branches)).not.toContain('metrics/donations.html');

    // A numerator of the compliance rate, where Jiangsu gave only the branches: its rate is now computed, and the rate's pages show it.
    addRow('jiangsu,,2021,branches-compliant,6000,,jiangsu-2021,6000个党支部达标,');
    await buildAndCompare();
    const third = metricRecords(out);
    expect(changed(branches, third)).toEqual(expect.arrayContaining(['metrics/branch-compliance-rate.html', 'metrics/branches-compliant.html']));
    expect(changed(branches, third)).not.toContain('metrics/donations.html');
    expect(readFileSync(join(out, 'metrics/branch-compliance-rate.html'), 'utf8')).toContain('江苏');

    // Xizang's first figure, of another metric: the tiles of every metric now link to Xizang's page.
    addRow('xizang,,2018,cases-filed,3,,hainan-2018,立案3件,');
    await buildAndCompare();
    expect(readFileSync(join(out, 'metrics/donations.html'), 'utf8')).toContain('href="../xizang.html"');
    // Nine builds, 40-56 s alone; beside the other test files of a full run, on two cores, it took more than the default 120 s.
  }, 400_000);
});

describe('an incremental build after the data lose a unit', () => {
  it("removes the unit's pages and files from the site it keeps the rest of, leaves no folder empty, and writes what a full build writes", async () => {
    const from = tempDir();
    cpSync(fixtureSite, from, { recursive: true });
    const units = join(from, 'data/units.csv');
    const rows = join(from, 'data/observations/more.csv');
    const before = { units: readFileSync(units, 'utf8'), rows: readFileSync(rows, 'utf8') };
    writeFileSync(units, `${before.units.trimEnd()}\njiguangongwei,hainan,省直机关工委,,党政机关\n`);
    writeFileSync(rows, `${before.rows.trimEnd()}\nhainan,省直机关工委,2020,sanctions,5,,hainan-2020,处分5人次,\n`);
    const out = join(from, 'site');
    const cacheDir = join(from, 'cache');
    await build(out, cacheDir, from);
    const unitFiles = [...fileHashes(out).keys()].filter((path) => path.includes('jiguangongwei'));
    expect(unitFiles).toEqual(expect.arrayContaining(['hainan/units/jiguangongwei.html', 'zh-Hant/hainan/units/jiguangongwei.html', 'data/pages/hainan/units/jiguangongwei.csv']));
    const pages = [...fileHashes(out).keys()].filter((path) => path.endsWith('.html'));
    const inodes = () => new Map(pages.flatMap((path) => (existsSync(join(out, path)) ? [[path, statSync(join(out, path)).ino]] : [])));
    const first = inodes();
    const firstHashes = fileHashes(out);

    writeFileSync(units, before.units);
    writeFileSync(rows, before.rows);
    const report = await build(out, cacheDir, from);
    expect(report.pagesReused).toBeGreaterThan(0);
    // Published in place: the pages it kept are the very files they were (both editions of each page reused, and any
    // page made again that came out byte for byte as it was), and a file kept is as it was.
    const incremental = fileHashes(out);
    const kept = [...inodes()].filter(([path, ino]) => first.get(path) === ino);
    expect(kept.length).toBeGreaterThanOrEqual(report.pagesReused * 2);
    expect(kept.filter(([path]) => incremental.get(path) !== firstHashes.get(path))).toEqual([]);
    expect(unitFiles.filter((path) => incremental.has(path))).toEqual([]);
    const folders = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.filter((folder) => readdirSync(join(folder.parentPath, folder.name)).length === 0).map((f) => f.name)).toEqual([]);
    const fresh = join(from, 'fresh');
    await build(fresh, undefined, from);
    const full = fileHashes(fresh);
    expect([...incremental.keys()]).toEqual([...full.keys()]);
    expect([...incremental].filter(([path, hash]) => full.get(path) !== hash).map(([path]) => path)).toEqual([]);
    expect(readdirSync(from).filter((name) => name.startsWith('.zongshu'))).toEqual([]);
  });
});

describe('an incremental build over a site whose files were replaced by links', () => {
  it('keeps no file it reaches through a link: it makes those pages again, and publishes real files and folders where the links were', async () => {
    const { from, out, cacheDir } = await builtCopy();
    const full = fileHashes(out);
    // A folder of tables and one page, each moved out of the site and linked back: their bytes are the same.
    const elsewhere = join(from, 'elsewhere');
    mkdirSync(elsewhere);
    renameSync(join(out, 'data/pages/hainan'), join(elsewhere, 'hainan'));
    symlinkSync(join(elsewhere, 'hainan'), join(out, 'data/pages/hainan'));
    renameSync(join(out, 'jiangsu/2021.html'), join(elsewhere, '2021.html'));
    symlinkSync(join(elsewhere, '2021.html'), join(out, 'jiangsu/2021.html'));
    expect(createHash('sha256').update(readFileSync(join(out, 'jiangsu/2021.html'))).digest('hex')).toBe(full.get('jiangsu/2021.html'));

    const report = await build(out, cacheDir, from);
    expect(report.pagesReused).toBeGreaterThan(0);
    expect(report.refused.pages).toBeGreaterThan(0);
    for (const path of ['data/pages/hainan', 'jiangsu/2021.html']) expect(lstatSync(join(out, path)).isSymbolicLink(), path).toBe(false);
    expect(fileHashes(out)).toEqual(full);
    // What was linked to is left as it was.
    expect(readdirSync(join(elsewhere, 'hainan')).length).toBeGreaterThan(0);
    expect(existsSync(join(elsewhere, '2021.html'))).toBe(true);
  });
});

describe('an incremental build that makes a page again', () => {
  /** Each file of the site with its inode: a file kept where it was keeps its inode, one written again gets another. */
  const inodesOf = (dir: string) => new Map([...fileHashes(dir).keys()].map((path) => [path, statSync(join(dir, path)).ino]));

  it('keeps the files of the page that came out as they were, writes those that did not, and writes what a full build writes; a kept file edited by hand is written again', async () => {
    const { from, out, cacheDir } = await builtCopy();
    const figures = join(from, 'data/observations/more.csv');
    const setCases = (before: number, after: number) => {
      const text = readFileSync(figures, 'utf8');
      writeFileSync(figures, text.replace(`hainan,,2018,cases-filed,${before},,hainan-2018,立案${before}件,`, `hainan,,2018,cases-filed,${after},,hainan-2018,立案${after}件,`));
      expect(readFileSync(figures, 'utf8')).not.toBe(text);
    };
    const firstHashes = fileHashes(out);
    const firstInodes = inodesOf(out);

    setCases(60, 61);
    await build(out, cacheDir, from);
    const fresh = join(from, 'fresh');
    await build(fresh, undefined, from);
    expect(fileHashes(out)).toEqual(fileHashes(fresh));
    // The files of the pages made again (their HTML written anew) that came out byte for byte as before are where they were.
    const manifest = readManifest(out)?.manifest;
    const remade = Object.keys(manifest?.pages ?? {}).filter((path) => path.endsWith('.html') && statSync(join(out, path)).ino !== firstInodes.get(path));
    expect(remade).toContain('hainan/2018.html');
    const filesOfRemade = remade.flatMap((path) => manifest?.pages[path]?.files ?? []);
    const hashes = fileHashes(out);
    const inodes = inodesOf(out);
    const same = filesOfRemade.filter((path) => hashes.get(path) === firstHashes.get(path));
    const changed = filesOfRemade.filter((path) => hashes.get(path) !== firstHashes.get(path));
    expect(same.length).toBeGreaterThan(0);
    expect(changed.length).toBeGreaterThan(0);
    expect(same.filter((path) => inodes.get(path) !== firstInodes.get(path))).toEqual([]);
    expect(changed.filter((path) => inodes.get(path) === firstInodes.get(path))).toEqual([]);

    // One of those kept files edited by hand; the page is made again, and the file comes out as it was published.
    const edited = same[0] as string;
    writeFileSync(join(out, edited), 'edited by hand');
    setCases(61, 62);
    await build(out, cacheDir, from);
    const again = join(from, 'fresh-again');
    await build(again, undefined, from);
    expect(fileHashes(out)).toEqual(fileHashes(again));
    expect(readFileSync(join(out, edited), 'utf8')).not.toBe('edited by hand');
  });
});
