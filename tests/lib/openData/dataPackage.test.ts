import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPackageFiles, provinceResourceName } from '../../../src/lib/openData/dataPackage.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { writeSyntheticDataSet } from '../../../src/cli/synth.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';
import { repoRoot } from '../../helpers/paths.ts';
import { useTempDir } from '../../helpers/tempDir.ts';
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

  it('names the province of every file of observations and figures, and of no other file', async () => {
    const dataSet = await fixtureDataSet();
    for (const file of dataPackageFiles(dataSet)) {
      const part = /^(observations|figures)\/(.+)\.csv$/u.exec(file.path);
      expect(file.province).toBe(part?.[2]);
    }
  });

  it('lists every CSV as a resource of one file: observations and figures one resource per province', async () => {
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

describe('the data package of unit-return tables, read by the Frictionless reference library', () => {
  it('keys each cell of a table row as a row of its own: no error, every figure kept', async () => {
    // The synthetic set keeps every unit's figures in tables: one line of a table holds forty figures.
    const dir = tempDir();
    await writeSyntheticDataSet(dir, { provinces: 2, years: 2, units: 3, lastYear: 2024, seed: 5 });
    const { dataSet } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    expect(dataSet.observations.filter((o) => o.at.dataFile.startsWith('tables/')).length).toBeGreaterThan(100);
    const folder = join(dir, 'package');
    writePackageFiles(folder, dataPackageFiles(dataSet, '2024-01-01'));
    const reading = await readDataPackage(folder);
    expect(reading.errors).toEqual([]);
    expect(dataSet.provinces.reduce((total, p) => total + (reading.rows[provinceResourceName('observations', p.id)] ?? 0), 0)).toBe(dataSet.observations.length);
  });
});
