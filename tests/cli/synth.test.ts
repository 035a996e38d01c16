/** npm run synth writes the same data set for the same options, in data format v1, and every page built from it says it is made up. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { writeSyntheticDataSet } from '../../src/cli/synth.ts';
import { syntheticNotice } from '../../src/lib/synth/national.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { htmlFiles } from '../helpers/linkCheck.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();
const small = { provinces: 3, years: 2, units: 5, lastYear: 2024, seed: 7 };

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
    hash.update(relative(dir, entry)).update(readFileSync(entry));
  }
  return hash.digest('hex');
}

describe('the synthetic national data set', () => {
  it('is the same for the same options and seed, and another for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await writeSyntheticDataSet(a, small);
    await writeSyntheticDataSet(b, small);
    await writeSyntheticDataSet(c, { ...small, seed: 8 });
    expect(hashTree(a)).toBe(hashTree(b));
    expect(hashTree(a)).not.toBe(hashTree(c));
  });

  it('writes over a data set it wrote before, and refuses a file or a folder of anything else, touching nothing', async () => {
    const dir = tempDir();
    await writeSyntheticDataSet(dir, small);
    writeFileSync(join(dir, 'synth-options.json'), '{}');
    await writeSyntheticDataSet(dir, { ...small, seed: 8 });
    const other = tempDir();
    writeFileSync(join(other, 'notes.txt'), 'mine');
    mkdirSync(join(other, 'data'));
    await expect(writeSyntheticDataSet(other, small)).rejects.toMatchObject({ zh: expect.stringContaining('不是以前生成的示例数据集') });
    await expect(writeSyntheticDataSet(join(other, 'notes.txt'), small)).rejects.toMatchObject({ zh: expect.stringContaining('是一个文件，不是文件夹') });
    expect(readdirSync(other).sort()).toEqual(['data', 'notes.txt']);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('reads without errors, with approximate values, unit-return tables and metrics not reported', async () => {
    const dir = tempDir();
    const written = await writeSyntheticDataSet(dir, small);
    const { dataSet, problems, files } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(dataSet.observations).toHaveLength(written.rows);
    expect(dataSet.provinces.map((p) => p.name)).toEqual(['北京', '天津', '河北']);
    expect(dataSet.units).toHaveLength(15);
    expect(files.some((f) => f.file.includes('/tables/'))).toBe(true);
    expect(dataSet.observations.some((o) => o.qualifier !== 'exact')).toBe(true);
    // Every metric of a unit's year-end return appears somewhere; the dictionary has more, from reviews' prose.
    const reported = new Set(dataSet.observations.map((o) => o.metric));
    expect(reported.size).toBeGreaterThanOrEqual(40);
    expect(reported.size).toBeLessThan(dataSet.metrics.length);
    for (const id of ['branches-total', 'branch-compliance-rate', 'training-attendance', 'cases-filed', 'members-developed', 'relief-funds']) expect(reported.has(id), id).toBe(true);
    // Shaped as real reviews: the committee's figures quoted from prose, the units' only in unit-return tables.
    const committee = dataSet.observations.filter((o) => o.unit === null);
    const ofUnits = dataSet.observations.filter((o) => o.unit !== null);
    expect(committee.length).toBeGreaterThanOrEqual(small.provinces * small.years * 20);
    expect(committee.every((o) => o.at.dataFile.startsWith('observations/') && o.quote.includes(o.written))).toBe(true);
    expect(ofUnits.length).toBeGreaterThan(committee.length);
    expect(ofUnits.every((o) => o.at.dataFile.startsWith('tables/'))).toBe(true);
    for (const province of dataSet.provinces) {
      for (const year of ['2023', '2024']) {
        const stated = committee.filter((o) => o.province === province.id && o.period.id === year).map((o) => o.metric);
        expect(stated, `${province.id} ${year}`).toEqual(expect.arrayContaining(['branches-total', 'training-attendance', 'cases-filed']));
      }
    }
    expect(dataSet.site).toEqual({ synthetic: true, notice: syntheticNotice });
    expect(dataSet.sources.every((s) => s.title.includes(syntheticNotice))).toBe(true);
  });

  it('builds pages that all say the data are made up', async () => {
    const dir = tempDir();
    await writeSyntheticDataSet(dir, { ...small, provinces: 2, units: 3 });
    const options = { dataDir: join(dir, 'data'), contentDir: join(dir, 'content') };
    const { dataSet } = await loadDataSet(options);
    const out = join(dir, 'dist');
    await buildSite({ ...options, dataSet, outDir: out });
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html.includes(syntheticNotice) || html.includes('示例數據，非真實統計'), page).toBe(true);
    }
  });
});
