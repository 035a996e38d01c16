import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderReadingCache } from '../../../src/build/incremental/readingCache.ts';
import { seal, unsealBytes } from '../../../src/build/incremental/sealed.ts';
import { decodeTableReading } from '../../../src/lib/ingest/tableFileReading.ts';
import { corpusCase } from '../../helpers/corpusCase.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { fixtureSite, repoRoot } from '../../helpers/paths.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

/** A load of the site's data through a reading cache in `cacheDir`, with the cache's counts. */
const loaderOf = (site: string, cacheDir: string) => async () => {
  const cache = folderReadingCache(cacheDir, join(site, 'data'));
  const loaded = await loadDataSet({ dataDir: join(site, 'data'), contentDir: join(site, 'content'), cache });
  return { ...loaded, stats: cache.stats(), checks: cache.checkStats() };
};

/** A copy of the fixture site and a cache folder, and a load of the one through the other. */
function fixture() {
  const site = tempDir();
  cpSync(fixtureSite, site, { recursive: true });
  const cacheDir = tempDir();
  const data = join(site, 'data');
  const load = loaderOf(site, cacheDir);
  const kept = () => readdirSync(join(cacheDir, 'readings'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(data, path), change(readFileSync(join(data, path), 'utf8')));
  const cacheFile = (name: string) => join(cacheDir, 'readings', name);
  /** The kept problems of the checks, by file (checks/<data folder>/<entry>). */
  const checkEntries = () => readdirSync(join(cacheDir, 'checks'), { recursive: true }).map(String).filter((f) => f.endsWith('.json')).map((f) => join(cacheDir, 'checks', f));
  return { data, load, kept, edit, cacheFile, checkEntries };
}

describe('folderReadingCache', () => {
  it('gives the next load what the last one read, unchanged files taken as kept', async () => {
    const { data, load } = fixture();
    const plain = await loadDataSet({ dataDir: data, contentDir: join(data, '..', 'content') });
    const first = await load();
    expect(first.stats).toEqual({ kept: 0, read: 2, rejected: 0 });
    const second = await load();
    expect(second.stats).toEqual({ kept: 2, read: 0, rejected: 0 });
    for (const loaded of [first, second]) {
      expect(loaded.dataSet).toEqual(plain.dataSet);
      expect(loaded.problems).toEqual(plain.problems);
      expect(loaded.files).toEqual(plain.files);
    }
  });

  it('reads a changed file again, and only that one', async () => {
    const { load, edit } = fixture();
    await load();
    edit('observations/more.csv', (text) => text.replace('问题线索821件', '问题线索822件').replace(',821,', ',822,'));
    const after = await load();
    expect(after.stats).toEqual({ kept: 1, read: 1, rejected: 0 });
    expect(after.dataSet.observations.find((o) => o.metric === 'petitions-leads' && o.unit === null)?.value).toBe(822);
  });

  it('reads every file again when the catalog changed', async () => {
    const { load, edit } = fixture();
    await load();
    // The unit's name is what a row may write instead of its id: readings made against the old name are of no use.
    edit('units.csv', (text) => text.replace('gonganting,hainan,省公安厅,', 'gonganting,hainan,海南省公安厅,'));
    expect((await load()).stats).toEqual({ kept: 0, read: 2, rejected: 0 });
  });

  it('drops the readings of files gone, and reads again a reading that cannot be read back', async () => {
    const { data, load, kept, cacheFile } = fixture();
    const first = await load();
    expect(kept()).toHaveLength(2);
    rmSync(join(data, 'observations/more.csv'));
    const without = await load();
    expect(without.stats).toEqual({ kept: 1, read: 0, rejected: 0 });
    expect(kept()).toHaveLength(1);
    writeFileSync(cacheFile(kept()[0] as string), '{"format":1,"rows":');
    const again = await load();
    expect(again.stats).toEqual({ kept: 0, read: 1, rejected: 1 });
    expect(again.dataSet.observations).toEqual(first.dataSet.observations.filter((o) => o.at.dataFile === 'observations/sample.csv'));
  });

  it('never takes a kept reading that was changed, cut short, emptied, of another shape or moved: the file is read again', async () => {
    const { load, kept, cacheFile } = fixture();
    const first = await load();
    const names = kept();
    const name = names.find((n) => readFileSync(cacheFile(n), 'utf8').includes('2387')) as string;
    const entry = readFileSync(cacheFile(name), 'utf8');
    const other = readFileSync(cacheFile(names.find((n) => n !== name) as string), 'utf8');
    const [header = '', body = ''] = [entry.slice(0, entry.indexOf('\n')), entry.slice(entry.indexOf('\n') + 1)];
    const emptyReading = body.replace(/"rows":\d+/u, '"rows":0').replace(/"line":\[[^\]]*\]/u, '"line":[]');
    const spoilt = [
      entry.replace('2387', '2825'),
      entry.slice(0, entry.length - 40),
      '',
      // A well-formed reading of no rows, sealed with another hash.
      `${header}\n${emptyReading}`,
      // Another file's reading, whole and sealed, put under this name.
      other,
      `${header}\n{"format":3,"rows":"many"}`,
    ];
    for (const [i, text] of spoilt.entries()) {
      writeFileSync(cacheFile(name), text);
      const again = await load();
      expect(again.stats, `case ${i}`).toEqual({ kept: 1, read: 1, rejected: 1 });
      expect(again.dataSet.observations, `case ${i}`).toEqual(first.dataSet.observations);
    }
  });
});

describe("folderReadingCache, for the checks' problems", () => {
  const plainLoad = (data: string) => loadDataSet({ dataDir: data, contentDir: join(data, '..', 'content') });

  it("keeps each province's problems; a province whose rows changed is checked again, and the problems are a plain load's", async () => {
    const { data, load, edit, checkEntries } = fixture();
    const first = await load();
    // Hainan and Jiangsu, each a group of its own.
    expect(first.checks).toEqual({ kept: 0, checked: 2 });
    expect(checkEntries()).toHaveLength(2);
    expect(first.problems.some((p) => p.code === 'stated-ratio-differs')).toBe(true);
    const second = await load();
    expect(second.checks).toEqual({ kept: 2, checked: 0 });
    expect(second.problems).toEqual((await plainLoad(data)).problems);
    // Hainan's compliant branches change: its stated rate of 89% is now set against 2000/2824, not 2387/2824.
    edit('observations/sample.csv', (text) => text.replace(',2387,', ',2000,'));
    const third = await load();
    expect(third.checks).toEqual({ kept: 1, checked: 1 });
    const plain = await plainLoad(data);
    expect(third.problems).toEqual(plain.problems);
    expect(third.problems.find((p) => p.code === 'stated-ratio-differs')?.message).toContain('2000/2824');
    // Stale entries go: one per group is left.
    expect(checkEntries()).toHaveLength(2);
  });

  it('checks a province again when its kept problems were changed, cut short, emptied or of another shape, and counts the entry refused', async () => {
    const { data, load, checkEntries } = fixture();
    await load();
    const plain = await plainLoad(data);
    const hainan = checkEntries().find((entry) => readFileSync(entry, 'utf8').includes('stated-ratio-differs')) as string;
    const kept = readFileSync(hainan, 'utf8');
    const resealed = (content: string) => seal(basename(hainan), content);
    const spoilt = [
      kept.replace('2387', '2388'),
      kept.slice(0, kept.length - 30),
      '',
      // Sealed as the cache seals, but not problems: a severity no problem has, and three lists where the checks give four.
      resealed('[[{"severity":"notice","code":"x","file":"f","message":"m","zh":{"message":"m"}}],[],[],[]]'),
      resealed('[[],[],[]]'),
    ];
    for (const [i, text] of spoilt.entries()) {
      writeFileSync(hainan, text);
      const again = await load();
      expect(again.checks, `case ${i}`).toEqual({ kept: 1, checked: 1 });
      expect(again.stats.rejected, `case ${i}`).toBe(1);
      expect(again.problems, `case ${i}`).toEqual(plain.problems);
    }
  });
});

describe('folderReadingCache, for unit returns', () => {
  /** The corpus' clean base with its unit return (tests/fixtures/corpus/52-wide-table), and a cache folder. */
  function withTable() {
    const site = tempDir();
    cpSync(join(repoRoot, 'tests/fixtures/corpus/_base'), site, { recursive: true });
    cpSync(join(repoRoot, 'tests/fixtures/corpus/52-wide-table'), site, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
    const cacheDir = tempDir();
    const data = join(site, 'data');
    const load = loaderOf(site, cacheDir);
    const entries = () => readdirSync(join(cacheDir, 'readings'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    return { data, site, load, entries, entry: (name: string) => join(cacheDir, 'readings', name) };
  }

  it('keeps a table as it keeps an observation file, and gives back the same cells, figures and problems', async () => {
    const { data, site, load } = withTable();
    const plain = await loadDataSet({ dataDir: data, contentDir: join(site, 'content') });
    const first = await load();
    const second = await load();
    expect(second.stats.kept).toBe(first.stats.read);
    expect(second.stats.read).toBe(0);
    expect(plain.dataSet.observations.some((o) => o.at.dataFile.startsWith('tables/'))).toBe(true);
    for (const loaded of [first, second]) {
      expect(JSON.stringify(loaded.dataSet)).toBe(JSON.stringify(plain.dataSet));
      expect(loaded.problems).toEqual(plain.problems);
      expect(loaded.files).toEqual(plain.files);
    }
  });

  it('never takes a kept table reading with a byte changed, cut short or put under another name: the table is read again', async () => {
    const { load, entries, entry } = withTable();
    const first = await load();
    // The table's entry: the one that is not JSON after its header line.
    const names = entries();
    const name = names.find((n) => !readFileSync(entry(n), 'utf8').split('\n')[1]?.startsWith('{')) as string;
    expect(name).toBeDefined();
    const bytes = readFileSync(entry(name));
    const other = readFileSync(entry(names.find((n) => n !== name) as string));
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] as number) ^ 1;
    for (const [i, spoilt] of [flipped, bytes.subarray(0, bytes.length - 8), Buffer.alloc(0), other].entries()) {
      writeFileSync(entry(name), spoilt);
      const again = await load();
      expect(again.stats.rejected, `case ${i}`).toBe(1);
      expect(JSON.stringify(again.dataSet), `case ${i}`).toBe(JSON.stringify(first.dataSet));
    }
  });
});

describe('folderReadingCache, for a unit return of bad lines', () => {
  it('keeps the first few problems of a kind and a count of the rest, not a problem per line', async () => {
    const site = tempDir();
    const { dataDir, contentDir } = corpusCase(site, '95-wide-table-many-bad-cells');
    const cacheDir = tempDir();
    const loaded = await loadDataSet({ dataDir, contentDir, cache: folderReadingCache(cacheDir, dataDir) });
    const unreadable = loaded.problems.filter((p) => p.code === 'unreadable-value');
    // Ten listed and one that counts the others, as a load without the cache says.
    expect(unreadable).toHaveLength(11);
    const omitted = unreadable.find((p) => p.omitted !== undefined)?.omitted ?? 0;
    expect(omitted).toBeGreaterThan(100);
    const folder = join(cacheDir, 'readings');
    const entries = readdirSync(folder, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    const readings = entries.flatMap((name) => {
      const content = unsealBytes(name.split('/').pop() as string, readFileSync(join(folder, name)));
      const reading = content && decodeTableReading(content, 'f', 'd');
      return reading ? [reading] : [];
    });
    expect(readings).toHaveLength(1);
    const kept = readings.flatMap((r) => [...r.header, ...r.problems.flatMap(([, problems]) => problems), ...r.trailing]);
    expect(kept.filter((p) => p.code === 'unreadable-value')).toHaveLength(11);
    expect(readings[0]?.lineCount).toBeGreaterThan(100);
  });
});
