import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scopeFingerprints } from '../../../src/build/incremental/pageInputs.ts';
import { folderReadingCache } from '../../../src/build/incremental/readingCache.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
import { ObservationSchema } from '../../../src/lib/schema/observation.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';
import { fixtureSite } from '../../helpers/paths.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

let dataSet: DataSet;
beforeAll(async () => {
  dataSet = await fixtureDataSet();
});

const fingerprintsOf = (data: DataSet) => {
  const fingerprint = scopeFingerprints(data);
  return { hainan: fingerprint({ province: 'hainan' }), jiangsu: fingerprint({ province: 'jiangsu' }) };
};

/** The data set with each observation of one province changed by `change`. */
function changed(province: string, change: (o: DataSet['observations'][number]) => DataSet['observations'][number]): DataSet {
  return { ...dataSet, observations: dataSet.observations.map((o) => (o.province === province ? change(o) : o)) };
}

describe('scopeFingerprints', () => {
  it('changes a province’s fingerprint when one of its rows changes, and no other province’s', () => {
    const before = fingerprintsOf(dataSet);
    const after = fingerprintsOf(changed('jiangsu', (o) => ({ ...o, value: o.value + 1 })));
    expect(after.jiangsu).not.toBe(before.jiangsu);
    expect(after.hainan).toBe(before.hainan);
  });

  it('fingerprints two provinces’ rows together: a row of either changes it; a third province’s rows, and narratives, do not', () => {
    const pair = (data: DataSet) => scopeFingerprints(data)({ provinces: ['hainan', 'jiangsu'] });
    const before = pair(dataSet);
    expect(pair(changed('jiangsu', (o) => ({ ...o, value: o.value + 1 })))).not.toBe(before);
    expect(pair(changed('hainan', (o) => ({ ...o, quote: `${o.quote}。` })))).not.toBe(before);
    // A pair without jiangsu keeps its fingerprint when jiangsu's rows change.
    const other = dataSet.provinces.find((p) => p.id !== 'hainan' && p.id !== 'jiangsu');
    expect(other).toBeDefined();
    const withoutJiangsu = (data: DataSet) => scopeFingerprints(data)({ provinces: ['hainan', other?.id ?? ''] });
    expect(withoutJiangsu(changed('jiangsu', (o) => ({ ...o, value: o.value + 1 })))).toBe(withoutJiangsu(dataSet));
    const narrative = dataSet.narratives.find((n) => n.province === 'hainan');
    expect(narrative).toBeDefined();
    const retold = { ...dataSet, narratives: dataSet.narratives.map((n) => (n === narrative ? { ...n, body: `${n.body}\n\n又一段。` } : n)) };
    expect(pair(retold)).toBe(before);
    expect(scopeFingerprints(retold)({ province: 'hainan' })).not.toBe(scopeFingerprints(dataSet)({ province: 'hainan' }));
    expect(() => scopeFingerprints(dataSet)({ provinces: ['hainan', 'nowhere'] })).toThrow(/province 'nowhere'/u);
  });

  it('fingerprints the rows of some metrics in every province: a row of one of them changes it; a row of another metric, and narratives, do not', () => {
    const row = dataSet.observations.find((o) => o.province === 'jiangsu' && o.unit === null) as DataSet['observations'][number];
    const other = dataSet.metrics.find((m) => m.id !== row.metric && !dataSet.observations.some((o) => o.metric === m.id && o.province === 'jiangsu'))?.id as string;
    expect(other).toBeDefined();
    const of = (data: DataSet, metrics: string[]) => scopeFingerprints(data)({ metrics });
    const edited = changed('jiangsu', (o) => (o === row ? { ...o, value: o.value + 1 } : o));
    expect(of(edited, [row.metric])).not.toBe(of(dataSet, [row.metric]));
    expect(of(edited, [other, row.metric])).not.toBe(of(dataSet, [other, row.metric]));
    expect(of(edited, [other])).toBe(of(dataSet, [other]));
    const retold = { ...dataSet, narratives: dataSet.narratives.map((n) => ({ ...n, body: `${n.body}\n\n又一段。` })) };
    expect(of(retold, [row.metric])).toBe(of(dataSet, [row.metric]));
    expect(() => of(dataSet, ['no-such-metric'])).toThrow(/metric 'no-such-metric'/u);
  });

  it('fingerprints the rows quoting a source, whichever province they are of', () => {
    const source = dataSet.observations.find((o) => o.province === 'jiangsu')?.source as string;
    const before = scopeFingerprints(dataSet)({ source });
    const after = (data: DataSet) => scopeFingerprints(data)({ source });
    expect(after(changed('jiangsu', (o) => (o.source === source ? { ...o, quote: `${o.quote}。` } : o)))).not.toBe(before);
    expect(after(changed('hainan', (o) => ({ ...o, value: o.value + 1 })))).toBe(before);
  });

  it('changes with every field of an observation a page can show, nested ones included', () => {
    const before = fingerprintsOf(dataSet).hainan;
    const changedValue = (value: unknown): unknown => (typeof value === 'number' ? value + 1 : value === null ? 'x' : `${String(value)}x`);
    // The path the data folder was given by: no page shows it (see the next test).
    const folderPaths = ['id', 'at.file'];
    const paths = Object.entries(ObservationSchema.shape)
      .flatMap(([key, schema]) => ('shape' in schema ? Object.keys(schema.shape as object).map((inner) => [key, inner]) : [[key]]))
      .filter((path) => !folderPaths.includes(path.join('.')));
    expect(paths.length).toBeGreaterThan(15);
    for (const [key, inner] of paths) {
      const after = fingerprintsOf(
        changed('hainan', (o) => {
          const record = o as unknown as Record<string, Record<string, unknown>>;
          const field = key as string;
          return (inner ? { ...o, [field]: { ...record[field], [inner]: changedValue(record[field]?.[inner]) } } : { ...o, [field]: changedValue(record[field]) }) as typeof o;
        }),
      ).hainan;
      expect(after, inner ? `${key}.${inner}` : key).not.toBe(before);
    }
  });

  it('keeps a province’s fingerprint when the same data are read from another folder, as its pages stay the same', () => {
    const moved = changed('hainan', (o) => ({ ...o, id: `/elsewhere/${o.id}`, at: { ...o.at, file: `/elsewhere/${o.at.file}` } }));
    expect(fingerprintsOf(moved).hainan).toBe(fingerprintsOf(dataSet).hainan);
  });

  it('changes when a row only moves to another line, since pages link to rows by line', () => {
    const after = fingerprintsOf(changed('hainan', (o) => ({ ...o, at: { ...o.at, line: o.at.line + 1 } })));
    expect(after.hainan).not.toBe(fingerprintsOf(dataSet).hainan);
  });

  it('changes a province’s fingerprint when one of its narratives changes, but not with the content folder’s path', () => {
    expect(dataSet.narratives.some((n) => n.province === 'hainan')).toBe(true);
    const narrated = (change: (n: DataSet['narratives'][number]) => DataSet['narratives'][number]) =>
      fingerprintsOf({ ...dataSet, narratives: dataSet.narratives.map((n) => (n.province === 'hainan' ? change(n) : n)) });
    const before = fingerprintsOf(dataSet);
    const edited = narrated((n) => ({ ...n, body: `${n.body}\n\n另起一段。` }));
    expect(edited.hainan).not.toBe(before.hainan);
    expect(edited.jiangsu).toBe(before.jiangsu);
    expect(narrated((n) => ({ ...n, title: `${n.title}（修订）` })).hainan).not.toBe(before.hainan);
    expect(narrated((n) => ({ ...n, file: `/elsewhere/${n.file}` })).hainan).toBe(before.hainan);
  });

  it('changes for every province when the catalog changes', () => {
    const before = fingerprintsOf(dataSet);
    const after = fingerprintsOf({ ...dataSet, metrics: dataSet.metrics.map((m, i) => (i === 0 ? { ...m, name: `${m.name}改` } : m)) });
    expect(after.hainan).not.toBe(before.hainan);
    expect(after.jiangsu).not.toBe(before.jiangsu);
  });

  it('refuses a province the data set does not know', () => {
    expect(() => scopeFingerprints(dataSet)({ province: 'atlantis' })).toThrow("no province 'atlantis' to scope a page to");
    expect(() => scopeFingerprints(dataSet)({ source: 'nowhere' })).toThrow("no source 'nowhere' to scope a page to");
  });
});

describe('scopeFingerprints from the digests a build’s load makes', () => {
  const tempDir = useTempDir();

  /** A copy of a site's folders (the fixture site's unless told), to change. */
  function copyOf(site: string): string {
    const dir = tempDir();
    cpSync(site, dir, { recursive: true });
    return dir;
  }
  const copy = () => copyOf(fixtureSite);

  /** The fingerprints of a load through the reading cache in `cache`, as npm run build loads. */
  async function fingerprints(dir: string, cache: string) {
    const { dataSet, digests } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content'), cache: folderReadingCache(cache, join(dir, 'data')) });
    expect(digests?.files.map((f) => f.dataFile)).toContain('observations/more.csv');
    const fingerprint = scopeFingerprints(dataSet, digests);
    return (scope: { province: string } | { source: string } | { metrics: string[] }) => fingerprint(scope);
  }

  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };

  it('are the same whether the files were read or taken from the cache, and from wherever the folder lies', async () => {
    const dir = copy();
    const cache = tempDir();
    const cold = await fingerprints(dir, cache);
    const warm = await fingerprints(dir, cache);
    const elsewhere = await fingerprints(copy(), tempDir());
    for (const scope of [{ province: 'hainan' }, { province: 'jiangsu' }, { source: 'hainan-2020' }]) {
      expect(warm(scope)).toBe(cold(scope));
      expect(elsewhere(scope)).toBe(cold(scope));
    }
  });

  it('change with a row of a file taken from the cache, for its province and source only', async () => {
    const dir = copy();
    const cache = tempDir();
    const before = await fingerprints(dir, cache);
    edit(join(dir, 'data/observations/more.csv'), '问题线索821件', '问题线索821件。');
    const after = await fingerprints(dir, cache);
    expect(after({ province: 'hainan' })).not.toBe(before({ province: 'hainan' }));
    expect(after({ source: 'hainan-2020' })).not.toBe(before({ source: 'hainan-2020' }));
    expect(after({ province: 'jiangsu' })).toBe(before({ province: 'jiangsu' }));
    expect(after({ source: 'hainan-2019' })).toBe(before({ source: 'hainan-2019' }));
    expect(after({ metrics: ['petitions-leads'] })).not.toBe(before({ metrics: ['petitions-leads'] }));
    expect(after({ metrics: ['donations'] })).toBe(before({ metrics: ['donations'] }));
  });

  it('change for a source whose row another file stopped giving first, though the source’s own file did not change', async () => {
    const dir = copy();
    const cache = tempDir();
    // The same figure in two files, each quoting its own source: the store keeps aa.csv's row, read first, and drops zz.csv's.
    const header = 'province,unit,period,metric,value,qualifier,source,quote,note\n';
    writeFileSync(join(dir, 'data/observations/aa.csv'), `${header}hainan,,2020,cases-filed,96,,hainan-2020,立案96件,\n`);
    writeFileSync(join(dir, 'data/observations/zz.csv'), `${header}hainan,,2020,cases-filed,96,,hainan-2019,立案96件,\n`);
    const before = await fingerprints(dir, cache);
    // Without aa.csv's row, zz.csv's is kept, and the source it quotes has one row more.
    writeFileSync(join(dir, 'data/observations/aa.csv'), header);
    const after = await fingerprints(dir, cache);
    expect(after({ source: 'hainan-2019' })).not.toBe(before({ source: 'hainan-2019' }));
  });

  /** A unit return for Hainan 2020 with two unit lines, one quoting the table itself, one the review of 2020 (figures the fixture's files do not give). */
  const table = (dir: string, gonganting = '约300') => {
    mkdirSync(join(dir, 'data/tables/hainan'), { recursive: true });
    writeFileSync(join(dir, 'data/tables/hainan/2020.csv'), `单位,培訓人次,捐款,来源\n省公安厅,${gonganting},12,\n省高院,120,,hainan-2020\n`);
  };

  it('change with a cell of a unit return, for its province and the sources its lines quote only', async () => {
    const dir = copy();
    table(dir);
    const cache = tempDir();
    const before = await fingerprints(dir, cache);
    expect(await fingerprints(copyOf(dir), tempDir()).then((f) => f({ source: 'table-hainan-2020' }))).toBe(before({ source: 'table-hainan-2020' }));
    table(dir, '约310');
    const after = await fingerprints(dir, cache);
    expect(after({ province: 'hainan' })).not.toBe(before({ province: 'hainan' }));
    expect(after({ source: 'table-hainan-2020' })).not.toBe(before({ source: 'table-hainan-2020' }));
    expect(after({ source: 'hainan-2020' })).not.toBe(before({ source: 'hainan-2020' }));
    expect(after({ province: 'jiangsu' })).toBe(before({ province: 'jiangsu' }));
    expect(after({ source: 'hainan-2019' })).toBe(before({ source: 'hainan-2019' }));
    // A table stands in by its bytes: each metric of its columns changes with any of its cells.
    expect(after({ metrics: ['training-attendance'] })).not.toBe(before({ metrics: ['training-attendance'] }));
    expect(after({ metrics: ['donations'] })).not.toBe(before({ metrics: ['donations'] }));
    expect(after({ metrics: ['cases-filed'] })).toBe(before({ metrics: ['cases-filed'] }));
  });

  it('change for a unit return’s source when another file starts giving one of its cells first', async () => {
    const dir = copy();
    table(dir);
    const cache = tempDir();
    const before = await fingerprints(dir, cache);
    // An observation file read before the tables gives the 省公安厅 figure, quoting another source: the table's cell is dropped, the table unchanged.
    writeFileSync(join(dir, 'data/observations/aa.csv'), 'province,unit,period,metric,value,qualifier,source,quote,note\nhainan,省公安厅,2020,培训人次,约300,,hainan-2020,培训约300人次,\n');
    const { problems } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    expect(problems.filter((p) => p.file.endsWith('2020.csv')).map((p) => p.code)).toEqual(['repeated-figure']);
    const after = await fingerprints(dir, cache);
    expect(after({ source: 'table-hainan-2020' })).not.toBe(before({ source: 'table-hainan-2020' }));
  });
});
