import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageReuse, siteStatsFolder, type PageReuse } from '../../../src/build/incremental/pageReuse.ts';
import { manifestName, readManifest, siteStats, writeManifest, type SiteCheck } from '../../../src/build/incremental/siteManifest.ts';
import { publishInPlace } from '../../../src/build/publishSite.ts';
import { startPreviousSiteThread, type PreviousSiteThread } from '../../../src/build/threads/previousSiteThread.ts';
import type { PublishedPage } from '../../../src/lib/pages/published.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();
const table = { id: 'hainan/2020', title: 't', columns: ['a'], rows: [['1']] };
const review = 'hainan/2020.html';
const reviewFiles = [review, `zh-Hant/${review}`, 'data/pages/hainan/2020.csv', 'data/pages/hainan/2020.json'];

let dataSet: DataSet;
beforeAll(async () => {
  dataSet = await fixtureDataSet();
});

function reuse(written: PublishedPage[], dir: string, data = dataSet) {
  return pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'site'), dataSet: data, writeTables: (p) => written.push(p) });
}

/** The end of a build: the files it wrote in the staging folder (those it did not carry over), its manifest, the publish, the stats kept. */
function publish(dir: string, pages: PageReuse, files: readonly string[]): void {
  const carried = pages.carriedFiles();
  for (const file of files) {
    const path = join(dir, 'new', file);
    if (carried.has(file) || existsSync(path)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `made ${file}`);
  }
  mkdirSync(join(dir, 'new'), { recursive: true });
  // As a build does: the search texts are kept before the site is put in place.
  pages.writeSearchTexts();
  const manifest = writeManifest(join(dir, 'new'), pages.records(), carried, carried.keys());
  if (carried.size > 0) {
    publishInPlace(join(dir, 'new'), join(dir, 'site'), new Set(carried.keys()));
  } else {
    rmSync(join(dir, 'site'), { recursive: true, force: true });
    renameSync(join(dir, 'new'), join(dir, 'site'));
  }
  pages.save(manifest);
}

/** The stats a build kept of the site at `dir`/site: its cache's only stats file. */
function statsFile(dir: string): string {
  const folder = siteStatsFolder(join(dir, 'cache'));
  const [file] = readdirSync(folder);
  return join(folder, file ?? '');
}

/** A build that published the review page of hainan 2020: its site has the page's files and a manifest. */
function builtOnce(dir: string): PublishedPage {
  const page: PublishedPage = { table, charts: [], data: { path: review } };
  const first = reuse([], dir);
  first.publish(page);
  publish(dir, first, reviewFiles);
  return page;
}

describe('pageReuse', () => {
  it('writes the tables of a page it has no previous build of, and renders it', () => {
    const written: PublishedPage[] = [];
    const pages = reuse(written, tempDir());
    pages.publish({ table, charts: [], data: { path: review } });
    expect(written).toHaveLength(1);
    expect(pages.unchanged(review)).toBe(false);
    expect(pages.reused()).toBe(0);
  });

  it('finds a kept file changed after it was found unchanged (by hand, while a build ran) changed at the next build', () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    const csv = 'data/pages/hainan/2020.csv';
    const second = reuse([], dir);
    second.publish(page);
    expect(second.unchanged(review)).toBe(true);
    writeFileSync(join(dir, 'site', csv), 'MADE by hand while a build ran');
    publish(dir, second, reviewFiles);
    const third = reuse([], dir);
    third.publish(page);
    expect(third.unchanged(review)).toBe(false);
    expect(third.refused()).toBe(1);
  });

  it('carries over an unchanged page where it is: its HTML and tables are kept with their hashes, none of them written again', () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    const hashes = readManifest(join(dir, 'site'))?.manifest.files ?? {};
    const written: PublishedPage[] = [];
    const second = reuse(written, dir);
    second.publish(page);
    expect(written).toHaveLength(0);
    expect(second.unchanged(review)).toBe(true);
    expect(second.carryOverPages()).toEqual([review]);
    expect(second.carryOverTraditional(review)).toBe(true);
    expect(Object.fromEntries(second.carriedFiles())).toEqual(Object.fromEntries(reviewFiles.map((file) => [file, hashes[file]])));
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(second.reused()).toBe(1);
    // Published, the site is the one before: the carried files stayed where they were.
    publish(dir, second, reviewFiles);
    for (const file of reviewFiles) expect(readFileSync(join(dir, 'site', file), 'utf8')).toBe(`made ${file}`);
  });

  it('renders a page again when any of its files was changed in the site by hand, even keeping its size and times', () => {
    for (const file of reviewFiles) {
      const dir = tempDir();
      const page = builtOnce(dir);
      const path = join(dir, 'site', file);
      const before = readFileSync(path, 'utf8');
      writeFileSync(path, before.replace('made', 'MADE'));
      const written: PublishedPage[] = [];
      const second = reuse(written, dir);
      second.publish(page);
      expect(second.unchanged(review), file).toBe(false);
      expect(written, file).toHaveLength(1);
      expect(second.refused()).toBe(1);
    }
  });

  it('renders every page again when the site has no manifest, or one that is not whole, or one of another site', () => {
    const cases: Array<(dir: string) => void> = [
      (dir) => rmSync(join(dir, 'site', manifestName)),
      (dir) => writeFileSync(join(dir, 'site', manifestName), readFileSync(join(dir, 'site', manifestName), 'utf8').slice(0, 80)),
      (dir) => writeFileSync(join(dir, 'site', manifestName), readFileSync(join(dir, 'site', manifestName), 'utf8').replace(/"data":"[0-9a-f]{4}/u, '"data":"0000')),
    ];
    for (const [i, spoil] of cases.entries()) {
      const dir = tempDir();
      const page = builtOnce(dir);
      spoil(dir);
      const written: PublishedPage[] = [];
      const second = reuse(written, dir);
      second.publish(page);
      expect(written, `case ${i}`).toHaveLength(1);
      expect(second.unchanged(review), `case ${i}`).toBe(false);
    }
  });

  it('takes the page list from the site, whatever the cache folder: another cache still reuses, and the search texts are found again or not at all', () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    const other = pageReuse({ cacheDir: join(dir, 'other-cache'), previousSite: join(dir, 'site'), dataSet, writeTables: () => undefined });
    other.publish(page);
    expect(other.unchanged(review)).toBe(true);
    expect(other.searchTexts(review)).toBeUndefined();
  });

  it('counts a refused page once, however often it is asked about', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const files = [path, `zh-Hant/${path}`, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json'];
    const first = reuse([], dir);
    first.unchangedScope(path, { province: 'hainan' });
    first.publish({ table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { path } });
    publish(dir, first, files);
    writeFileSync(join(dir, 'site', path), 'MADE by hand');
    const second = reuse([], dir);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(false);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(false);
    expect(second.refused()).toBe(1);
  });

  it('knows a page that reads one province unchanged without its data, and carries over its tables', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const files = [path, `zh-Hant/${path}`, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json'];
    const first = reuse([], dir);
    expect(first.unchangedScope(path, { province: 'hainan' })).toBe(false);
    first.publish({ table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { path } });
    publish(dir, first, files);
    const second = reuse([], dir);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(true);
    expect(second.unchanged(path)).toBe(true);
    expect([...second.carriedFiles().keys()]).toEqual(files.slice(2));
    expect(second.unchangedScope('hainan/units/other.html', { province: 'hainan' })).toBe(false);
  });

  it('keys a page that reads one province by what it reads, without hashing its data, and keeps its search texts under that', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const texts = { simplified: '高原', traditional: '高原' };
    // Data the hash refuses (a Map) shows it is not hashed.
    const page = (): PublishedPage => ({ table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { figures: new Map([['a', 1]]) } });
    const written: PublishedPage[] = [];
    const first = reuse(written, dir);
    expect(first.unchangedScope(path, { province: 'hainan' })).toBe(false);
    first.publish(page());
    expect(written).toHaveLength(1);
    first.keepSearchTexts(path, texts);
    publish(dir, first, [path, `zh-Hant/${path}`, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json']);
    const second = reuse([], dir);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(true);
    expect(second.searchTexts(path)).toEqual(texts);
  });

  it('renders a page that reads one province again when that province changed, even if its data came out the same', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const page: PublishedPage = { table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { path } };
    const first = reuse([], dir);
    first.unchangedScope(path, { province: 'hainan' });
    first.publish(page);
    publish(dir, first, [path, `zh-Hant/${path}`, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json']);
    const observations = dataSet.observations.map((o) => (o.province === 'hainan' && o.note === '' ? { ...o, note: 'changed' } : o));
    expect(observations).not.toEqual(dataSet.observations);
    const written: PublishedPage[] = [];
    const second = reuse(written, dir, { ...dataSet, observations });
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(false);
    second.publish(page);
    expect(written).toHaveLength(1);
    expect(second.unchanged(path)).toBe(false);
  });

  it('refuses page data it cannot hash faithfully: a Map would hash as {} and hide a change', () => {
    const pages = reuse([], tempDir());
    expect(() => pages.publish({ table, charts: [], data: { figures: new Map([['a', 1]]) } })).toThrow("page data must be plain to be hashed: 'figures' is not");
  });
});

describe('pageReuse with the previous site checked on a thread of its own', () => {
  const threaded = (dir: string, written: PublishedPage[], check: (thread: PreviousSiteThread) => SiteCheck | undefined = (t) => t.checked()) => {
    const thread = startPreviousSiteThread(join(dir, 'site'), siteStatsFolder(join(dir, 'cache')));
    return {
      thread,
      pages: () => pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'site'), dataSet, writeTables: (p) => written.push(p), previousSiteCheck: () => check(thread) }),
    };
  };

  it('carries over an unchanged page, as the check on the thread found its files', async () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    const written: PublishedPage[] = [];
    const { thread, pages } = threaded(dir, written);
    try {
      const second = pages();
      second.publish(page);
      expect(second.carryOverPages()).toEqual([review]);
      expect(second.unchanged(review)).toBe(true);
      expect([...second.carriedFiles().keys()].sort()).toEqual([review, 'data/pages/hainan/2020.csv', 'data/pages/hainan/2020.json'].sort());
      expect(written).toHaveLength(0);
    } finally {
      await thread.stop();
    }
  });

  it('keeps, for the next build, the stat the check took of each file kept where it was, and stats the files it wrote', async () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    // A page the next build makes again beside the one it keeps.
    const other: PublishedPage = { table: { ...table, id: 'hainan/2021' }, charts: [], data: { path: 'hainan/2021.html' } };
    const { thread, pages } = threaded(dir, []);
    try {
      const second = pages();
      second.publish(page);
      second.publish(other);
      expect(second.carryOverPages()).toEqual([review]);
      publish(dir, second, ['hainan/2021.html', 'data/pages/hainan/2021.csv']);
    } finally {
      await thread.stop();
    }
    const read = readManifest(join(dir, 'site'));
    if (!read) throw new Error('no manifest');
    // Kept for this manifest only: four numbers a file in its order, no paths or hashes again.
    const file = JSON.parse(readFileSync(statsFile(dir), 'utf8').split('\n').slice(1).join('\n')) as { manifest: string; stats: unknown[] };
    expect(file.manifest).toBe(read.seal);
    expect(file.stats).toHaveLength(4 * Object.keys(read.manifest.files).length);
    const kept = siteStats(siteStatsFolder(join(dir, 'cache')), join(dir, 'site')).read(read);
    expect([...kept.keys()]).toEqual(Object.keys(read.manifest.files));
    for (const [path, record] of kept) {
      const now = statSync(join(dir, 'site', path));
      expect(record, path).toEqual({ sha256: read.manifest.files[path], size: now.size, mtimeMs: now.mtimeMs, ctimeMs: now.ctimeMs, ino: now.ino });
    }
    // Read for another manifest, they give nothing.
    expect(siteStats(siteStatsFolder(join(dir, 'cache')), join(dir, 'site')).read({ ...read, seal: 'another manifest' }).size).toBe(0);
  });

  it('finds a kept file changed after the check took its stat changed at the next build', async () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    const csv = 'data/pages/hainan/2020.csv';
    const first = threaded(dir, []);
    try {
      const second = first.pages();
      second.publish(page);
      expect(second.unchanged(review)).toBe(true);
      // Changed by hand while the build runs, after the check: the stat kept for it is the one from before.
      writeFileSync(join(dir, 'site', csv), 'MADE by hand while a build ran');
      publish(dir, second, reviewFiles);
    } finally {
      await first.thread.stop();
    }
    const next = threaded(dir, []);
    try {
      expect(next.thread.checked()?.changed).toEqual([csv]);
      const third = next.pages();
      third.publish(page);
      expect(third.unchanged(review)).toBe(false);
    } finally {
      await next.thread.stop();
    }
  });

  it('refuses a page with a file changed by hand: found by the check on the thread, or, when that check was of another manifest (the site replaced meanwhile), here', async () => {
    const cases: Array<{ file: string; check?: () => SiteCheck }> = [
      { file: 'data/pages/hainan/2020.csv' },
      { file: review, check: () => ({ seal: 'a manifest of another site', changed: [], stats: new Float64Array() }) },
    ];
    for (const { file, check } of cases) {
      const dir = tempDir();
      const page = builtOnce(dir);
      writeFileSync(join(dir, 'site', file), 'MADE by hand');
      const { thread, pages } = threaded(dir, [], check);
      try {
        if (!check) expect(thread.checked()?.changed).toEqual([file]);
        const second = pages();
        second.publish(page);
        expect(second.unchanged(review), file).toBe(false);
        expect(second.refused(), file).toBe(1);
      } finally {
        await thread.stop();
      }
    }
  });
});
