import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { slotOf } from '../../../src/lib/aggregate/slot.ts';
import { dataPackageFiles, provinceResourceName } from '../../../src/lib/openData/dataPackage.ts';
import { unitReturnKeys } from '../../../src/lib/openData/unitReturns.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { writeSyntheticDataSet } from '../../../src/cli/synth.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';
import { fixtureSite, repoRoot } from '../../helpers/paths.ts';
import { useTempDir } from '../../helpers/tempDir.ts';
import { corpusCase } from '../../helpers/corpusCase.ts';
import { readDataPackage, writePackageFiles, type PackageReading } from './frictionless.ts';

const tempDir = useTempDir('all');

describe('dataPackageFiles', () => {
  it('gives every CSV as chunks of whole lines: the header, then one line per row', async () => {
    const dataSet = await fixtureDataSet();
    const parts = dataPackageFiles(dataSet).filter((f) => f.path.startsWith('observations/'));
    expect(parts.map((f) => f.path)).toEqual(dataSet.provinces.map((p) => `observations/${p.id}.csv`));
    let rows = 0;
    for (const part of parts) {
      const chunks = [...part.chunks()];
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
      const lines = chunks.join('').split('\n');
      expect(lines[0]).toBe('row,province,unit,period,metric,value,measure,qualifier,written,source,quote,note,id,part_of,scope,time,undated,unit_province');
      // Quotes never hold a line break here, so every row is one line, and the text ends with a newline.
      expect(lines.slice(1, -1).every((line) => line.split(',')[1] === part.province)).toBe(true);
      rows += lines.length - 2;
    }
    expect(rows).toBe(dataSet.observations.length);
  });

  it("makes a province's files the same whether they are the only ones asked for (an incremental build) or come after others", async () => {
    const dataSet = await fixtureDataSet();
    const text = (file: { chunks: () => Iterable<string> }) => [...file.chunks()].join('');
    const inOrder = new Map(dataPackageFiles(dataSet).map((f) => [f.path, text(f)]));
    for (const province of dataSet.provinces) {
      // Each of a province's files asked for first, then every file.
      const files = dataPackageFiles(dataSet);
      const own = files.filter((f) => f.province === province.id);
      expect(own.length).toBeGreaterThan(1);
      for (const file of own) expect(text(file), file.path).toBe(inOrder.get(file.path));
      for (const file of files) expect(text(file), file.path).toBe(inOrder.get(file.path));
    }
  });

  it('names the province of every file of observations, figures and unit returns, and of no other file', async () => {
    const dataSet = await fixtureDataSet();
    for (const file of dataPackageFiles(dataSet)) {
      const part = /^(observations|figures|unit-returns)\/(.+)\.csv$/u.exec(file.path);
      expect(file.province).toBe(part?.[2]);
    }
  });

  it('lists every CSV as a resource of one file: observations and figures one resource per province, and no unit returns without tables', async () => {
    const dataSet = await fixtureDataSet();
    const files = dataPackageFiles(dataSet);
    const descriptor = JSON.parse([...(files[0]?.chunks() ?? [])].join('')) as { resources: Array<{ name: string; path: unknown }> };
    const csvs = files.filter((f) => f.path.endsWith('.csv')).map((f) => f.path);
    expect(descriptor.resources.map((r) => r.path)).toEqual(csvs);
    const perProvince = (table: string) => dataSet.provinces.map((p) => provinceResourceName(table, p.id));
    expect(descriptor.resources.map((r) => r.name)).toEqual(['provinces', 'units', 'metrics', 'sources', ...perProvince('observations'), ...perProvince('figures')]);
  });
});

describe('the data package of the bundled data set, read by the Frictionless reference library', () => {
  let dataSet: DataSet;
  let folder = '';
  let reading: PackageReading;

  beforeAll(async () => {
    const loaded = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') });
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    dataSet = loaded.dataSet;
    folder = join(tempDir(), 'package');
    writePackageFiles(folder, dataPackageFiles(dataSet, '2024-01-01'));
    reading = await readDataPackage(folder);
  });

  it('reads every row of every resource with no error: types, constraints, primary and foreign keys', () => {
    expect(reading.errors).toEqual([]);
    const sum = (table: string) => dataSet.provinces.reduce((total, p) => total + (reading.rows[provinceResourceName(table, p.id)] ?? 0), 0);
    expect({ provinces: reading.rows.provinces, units: reading.rows.units, metrics: reading.rows.metrics, sources: reading.rows.sources, observations: sum('observations'), figures: sum('figures') }).toEqual({
      provinces: dataSet.provinces.length,
      units: dataSet.units.length,
      metrics: dataSet.metrics.length,
      sources: dataSet.sources.length,
      observations: dataSet.observations.length,
      figures: dataSet.figures.length,
    });
    // Every resource is one file, which every Frictionless tool reads.
    expect(Object.values(reading.paths).every((path) => typeof path === 'string')).toBe(true);
  });

  it('reads booleans as booleans and empty fields as missing, and joins a unit row to its unit', () => {
    const rows = reading.data[provinceResourceName('observations', 'hainan')] ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => typeof row.undated === 'boolean')).toBe(true);
    expect(rows.some((row) => row.undated === true)).toBe(true);
    const committee = rows.find((row) => row.unit === null);
    expect(committee?.unit_province).toBe(null);
    // With relations, a foreign key's fields hold the row they lead to.
    const unitRow = rows.find((row) => row.unit !== null);
    expect(unitRow?.unit).toMatchObject({ province: 'hainan' });
    expect((reading.data.metrics ?? []).every((row) => typeof row.per_branch === 'boolean')).toBe(true);
  });

  it('finds a unit named under another province, and an unknown metric', async () => {
    const broken = join(tempDir(), 'broken');
    writePackageFiles(broken, dataPackageFiles(dataSet));
    const file = join(broken, 'observations/hainan.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // The first five columns (row, province, unit, period, metric) are ids, and never quoted; unit_province is the last.
    const at = lines.findIndex((line) => /^[^,]+,hainan,[a-z]/u.test(line));
    const unit = lines[at]?.split(',')[2] ?? '';
    const elsewhere = dataSet.provinces.find((p) => !dataSet.units.some((u) => u.province === p.id && u.id === unit))?.id ?? '';
    lines[at] = (lines[at] ?? '').replace(/,hainan$/u, `,${elsewhere}`);
    const cells = (lines[at + 1] ?? '').split(',');
    lines[at + 1] = [...cells.slice(0, 4), 'no-such-metric', ...cells.slice(5)].join(',');
    writeFileSync(file, lines.join('\n'));
    const { errors } = await readDataPackage(broken);
    expect(errors).toEqual([`observations-hainan: Foreign key "unit_province,unit" violation in row ${at + 1}`, `observations-hainan: Foreign key "metric" violation in row ${at + 2}`]);
  });
});

/** The cells of unit-return tables (data/tables/) in the model. */
const tableCells = (dataSet: DataSet) => dataSet.observations.filter((o) => o.at.dataFile.startsWith('tables/'));
/** A cell as the package names it: its line's label (a row of unit-returns) and its metric. */
const cellKey = (line: string, metric: string) => `${line}|${metric}`;
const lineOf = (o: Observation) => `${o.at.dataFile}:${o.at.line}`;
const figureKey = (f: Figure) => `${f.province}|${f.unit ?? ''}|${f.period.id}|${slotOf(f)}`;

/** The package's unit-returns cells, by cellKey, as the library read them. */
function unitReturnCells(reading: PackageReading, dataSet: DataSet): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const keys = new Set<string>(unitReturnKeys);
  for (const p of dataSet.provinces) {
    for (const row of reading.data[provinceResourceName('unit-returns', p.id)] ?? []) {
      for (const [field, value] of Object.entries(row)) if (!keys.has(field) && value !== null) cells.set(cellKey(String(row.row), field), value);
    }
  }
  return cells;
}

/** Every resource's rows of a per-province table, all provinces. */
const allRows = (reading: PackageReading, dataSet: DataSet, table: string) => dataSet.provinces.flatMap((p) => reading.data[provinceResourceName(table, p.id)] ?? []);

describe('the data package of unit-return tables, read by the Frictionless reference library', () => {
  let dataSet: DataSet;
  let reading: PackageReading;

  beforeAll(async () => {
    // The synthetic set keeps every unit's figures in tables: one line of a table holds forty figures, a few of them approximate.
    const dir = tempDir();
    await writeSyntheticDataSet(dir, { provinces: 2, years: 2, units: 6, lastYear: 2024, seed: 5 });
    dataSet = (await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') })).dataSet;
    const folder = join(dir, 'package');
    writePackageFiles(folder, dataPackageFiles(dataSet, '2024-01-01'));
    reading = await readDataPackage(folder);
  });

  it('reads every resource with no error, unit returns with their primary and foreign keys', () => {
    expect(tableCells(dataSet).length).toBeGreaterThan(500);
    expect(reading.errors).toEqual([]);
    // One row of unit-returns per line of a table, each province a resource.
    const lines = new Set(tableCells(dataSet).map(lineOf));
    expect(dataSet.provinces.map((p) => reading.paths[provinceResourceName('unit-returns', p.id)])).toEqual(dataSet.provinces.map((p) => `unit-returns/${p.id}.csv`));
    expect(allRows(reading, dataSet, 'unit-returns').map((row) => row.row).sort()).toEqual([...lines].sort());
    // With relations, the unit's key holds the unit it leads to, and the source's the source.
    const row = allRows(reading, dataSet, 'unit-returns')[0];
    expect(row?.unit).toMatchObject({ province: dataSet.provinces[0]?.id });
    expect(row?.source).toMatchObject({ province: dataSet.provinces[0]?.id });
  });

  it('writes each cell of a table once: a number of unit-returns, or a row of observations, and no figure that only repeats it', () => {
    const inUnitReturns = unitReturnCells(reading, dataSet);
    const inObservations = allRows(reading, dataSet, 'observations').map((row) => String(row.row)).filter((row) => row.startsWith('tables/'));
    const cells = tableCells(dataSet);
    // Some cells are approximate (约, 余, 近): those stay rows of observations.
    expect(inObservations.length).toBeGreaterThan(0);
    expect(inUnitReturns.size + inObservations.length).toBe(cells.length);
    const written = [...inUnitReturns.keys(), ...inObservations];
    expect(new Set(written).size).toBe(written.length);
    expect(new Set([...cells.map((o) => (o.qualifier === 'exact' && o.note === '' ? cellKey(lineOf(o), o.metric) : `${lineOf(o)}:${o.at.column}`))])).toEqual(new Set(written));
    // A figure of figures/ that rests on one table cell as reported says more than the cell: a computed rate beside a stated one, or the cell is in observations.
    const observationRows = new Set(inObservations);
    const repeats = allRows(reading, dataSet, 'figures').filter((f) => f.basis === 'reported' && f.computed_value === null && /^tables\/[^;]*$/u.test(String(f.rows)) && !observationRows.has(String(f.rows)));
    expect(repeats).toEqual([]);
    // Every figure of the model is a row of figures, or one cell of unit-returns with its value.
    const figureRows = new Set(allRows(reading, dataSet, 'figures').map((f) => String(f.key)));
    const byId = new Map(dataSet.observations.map((o) => [o.id, o]));
    const left = dataSet.figures.filter((f) => !figureRows.has(figureKey(f)));
    expect(left.length).toBeGreaterThan(0);
    for (const f of left) {
      const o = byId.get(f.observations[0] ?? '') as Observation;
      expect({ basis: f.basis, rows: f.observations.length, value: inUnitReturns.get(cellKey(lineOf(o), f.metric)) }).toEqual({ basis: 'reported', rows: 1, value: f.value });
    }
  });

  it('reads back from unit-returns the numbers of the model, ratios as shares', () => {
    const inUnitReturns = unitReturnCells(reading, dataSet);
    const model = new Map(tableCells(dataSet).filter((o) => o.qualifier === 'exact').map((o) => [cellKey(lineOf(o), o.metric), o.value]));
    expect(inUnitReturns.size).toBeGreaterThan(500);
    for (const [key, value] of inUnitReturns) expect(value, key).toBe(model.get(key));
    const rate = [...inUnitReturns].find(([key]) => key.endsWith('|branch-compliance-rate'));
    expect(rate?.[1]).toBeLessThanOrEqual(1);
  });

  it("makes a province's unit returns from its own rows alone, so a build writes its file again only when they change", () => {
    const [first, second] = dataSet.provinces;
    const text = (set: DataSet) => [...(dataPackageFiles(set).find((f) => f.path === `unit-returns/${first?.id}.csv`)?.chunks() ?? [])].join('');
    const without = { ...dataSet, observations: dataSet.observations.filter((o) => o.province !== second?.id), figures: dataSet.figures.filter((f) => f.province !== second?.id) };
    expect(text(dataSet).length).toBeGreaterThan(1000);
    expect(text(without)).toBe(text(dataSet));
    expect(dataPackageFiles(without).some((f) => f.path === `unit-returns/${second?.id}.csv`)).toBe(false);
  });
});

describe('a unit return with an approximate cell and a note, in the data package', () => {
  let dataSet: DataSet;
  let folder = '';
  let reading: PackageReading;

  beforeAll(async () => {
    const dir = tempDir();
    cpSync(join(fixtureSite, 'data'), join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'data/tables/hainan'), { recursive: true });
    // Line 2: the court, one approximate cell; line 3: a note on every cell of the line; line 4: the committee's own figures.
    writeFileSync(join(dir, 'data/tables/hainan/2021.csv'), '单位,党支部数,达标党支部数,党支部达标率,培训人次,备注\n省高院,30,27,90%,约40,\n省公安厅,50,45,,1200,含派出机构\n,80,72,,1240,\n');
    const loaded = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    dataSet = loaded.dataSet;
    folder = join(dir, 'package');
    writePackageFiles(folder, dataPackageFiles(dataSet, '2024-01-01'));
    reading = await readDataPackage(folder);
  });

  it('keeps the approximate cell and the noted line in observations, with their words, and the exact cells in unit-returns', () => {
    expect(reading.errors).toEqual([]);
    const observations = (reading.data[provinceResourceName('observations', 'hainan')] ?? []).filter((row) => String(row.row).startsWith('tables/'));
    expect(observations.map((row) => [row.row, row.value, row.qualifier, row.written, row.note])).toEqual([
      ['tables/hainan/2021.csv:2:5', 40, 'about', '约40', null],
      ['tables/hainan/2021.csv:3:2', 50, 'exact', '50', '含派出机构'],
      ['tables/hainan/2021.csv:3:3', 45, 'exact', '45', '含派出机构'],
      ['tables/hainan/2021.csv:3:5', 1200, 'exact', '1200', '含派出机构'],
    ]);
    const header = readFileSync(join(folder, 'unit-returns/hainan.csv'), 'utf8').split('\n');
    expect(header.slice(0, 4)).toEqual([
      'row,province,period,unit,unit_province,source,branches-total,branches-compliant,branch-compliance-rate,training-attendance',
      'tables/hainan/2021.csv:2,hainan,2021,gaoyuan,hainan,table-hainan-2021,30,27,0.9,',
      'tables/hainan/2021.csv:4,hainan,2021,,,table-hainan-2021,80,72,,1240',
      '',
    ]);
    expect(dataPackageFiles(dataSet).some((f) => f.path === 'unit-returns/jiangsu.csv')).toBe(false);
  });

  it('describes each metric column with its name and unit, a ratio as a share', () => {
    const descriptor = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as { resources: Array<{ name: string; description?: string; schema: { fields: Array<{ name: string; title: string; unit?: string }> } }> };
    const unitReturns = descriptor.resources.find((r) => r.name === 'unit-returns-hainan');
    expect(unitReturns?.schema.fields.slice(6).map((f) => [f.name, f.title, f.unit])).toEqual([
      ['branches-total', '党支部数', '个'],
      ['branches-compliant', '达标党支部数', '个'],
      ['branch-compliance-rate', '党支部达标率', 'share (0-1)'],
      ['training-attendance', '培训人次', '人次'],
    ]);
    expect(descriptor.resources.find((r) => r.name === 'observations-hainan')?.description).toContain('approximate');
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toMatch(/read from one cell of its unit return, as is[^]*cell in unit-returns\/ and has no row/u);
  });

  it("shows in figures only what a cell alone does not say, its rows naming the table's cells", () => {
    const figures = (reading.data[provinceResourceName('figures', 'hainan')] ?? []).filter((f) => String(f.rows).includes('tables/'));
    expect(figures.map((f) => [f.key, f.basis, f.value, f.rows, f.computed_value]).sort()).toEqual([
      // The stated rate, with the rate its parts give beside it.
      ['hainan|gaoyuan|2021|branch-compliance-rate', 'reported', 0.9, 'tables/hainan/2021.csv:2:4', 0.9],
      // The noted line's cells, and the approximate one: rows of observations too.
      ['hainan|gaoyuan|2021|training-attendance', 'reported', 40, 'tables/hainan/2021.csv:2:5', null],
      // The noted line's rate computed from its cells, which are rows of observations.
      ['hainan|gonganting|2021|branch-compliance-rate', 'ratio_of_parts', 0.9, 'tables/hainan/2021.csv:3:3;tables/hainan/2021.csv:3:2', null],
      ['hainan|gonganting|2021|branches-compliant', 'reported', 45, 'tables/hainan/2021.csv:3:3', null],
      ['hainan|gonganting|2021|branches-total', 'reported', 50, 'tables/hainan/2021.csv:3:2', null],
      ['hainan|gonganting|2021|training-attendance', 'reported', 1200, 'tables/hainan/2021.csv:3:5', null],
      // The committee's rate, from its own line's cells: columns 2 and 3 of line 4 of unit-returns.
      ['hainan||2021|branch-compliance-rate', 'ratio_of_parts', 0.9, 'tables/hainan/2021.csv:4:3;tables/hainan/2021.csv:4:2', null],
    ]);
  });
});

describe('a metric named like a key column of unit-returns', () => {
  it('keeps its cells rows of observations, so no table has two columns of one name', async () => {
    const dir = tempDir();
    const folders = corpusCase(dir, '52-wide-table');
    // data/metrics.csv allows the id `source`: training attendance goes by it here, in the catalog, the rows and the narrative.
    for (const path of [join(folders.dataDir, 'metrics.csv'), join(folders.dataDir, 'observations/base.csv'), join(folders.contentDir, 'hainan/2020.md')]) {
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('training-attendance', 'source'));
    }
    const { dataSet, problems } = await loadDataSet(folders);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // 省高院's 培训人次 120 (line 2) says all: with any other id it would be a number of unit-returns.
    const cell = dataSet.observations.find((o) => o.at.dataFile === 'tables/hainan/2020.csv' && o.at.line === 2);
    expect(cell?.metric).toBe('source');
    const folder = join(dir, 'package');
    writePackageFiles(folder, dataPackageFiles(dataSet, '2024-01-01'));
    const reading = await readDataPackage(folder);
    expect(reading.errors).toEqual([]);
    expect(readFileSync(join(folder, 'observations/hainan.csv'), 'utf8')).toMatch(/^tables\/hainan\/2020\.csv:2:\d+,hainan,gaoyuan,2020,source,120,/mu);
  });
});
