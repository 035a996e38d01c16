import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderReadingCache } from '../../../src/build/incremental/readingCache.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { fixtureSite } from '../../helpers/paths.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

/** A copy of the fixture site and a cache folder, and a load of the one through the other. */
function fixture() {
  const site = tempDir();
  cpSync(fixtureSite, site, { recursive: true });
  const cacheDir = tempDir();
  const data = join(site, 'data');
  const load = async () => {
    const cache = folderReadingCache(cacheDir, data);
    const loaded = await loadDataSet({ dataDir: data, contentDir: join(site, 'content'), cache });
    return { ...loaded, stats: cache.stats() };
  };
  const kept = () => readdirSync(join(cacheDir, 'readings'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(data, path), change(readFileSync(join(data, path), 'utf8')));
  const cacheFile = (name: string) => join(cacheDir, 'readings', name);
  return { data, load, kept, edit, cacheFile };
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
