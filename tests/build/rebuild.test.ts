/**
 * Builds one after another in one process, as the tests make them: each builds the pages of its
 * own data. Astro imports the pages it bundled from files named by their content; had a second
 * build the same names, it would get the first build's modules back, lists of pages included.
 */
import { appendFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildReport } from '../../src/build/buildSite.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { fixtureSite } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir('all');
let work = '';
const reports: BuildReport[] = [];

async function build(outDir: string): Promise<void> {
  const options = { dataDir: join(work, 'data'), contentDir: join(work, 'content') };
  const { dataSet } = await loadDataSet(options);
  reports.push(await buildSite({ ...options, dataSet, outDir }));
}

beforeAll(async () => {
  work = tempDir();
  cpSync(fixtureSite, work, { recursive: true });
  await build(join(work, 'before'));
  appendFileSync(join(work, 'data/units.csv'), 'jiguangongwei,hainan,省直机关工委,,党政机关\n');
  appendFileSync(join(work, 'data/observations/more.csv'), 'hainan,省直机关工委,2020,sanctions,5,,hainan-2020,处分5人次,\n');
  await build(join(work, 'after'));
});

describe('a second build in the same process', () => {
  it('makes the page of a unit the data gained since the first build', () => {
    expect(existsSync(join(work, 'before/hainan/units/jiguangongwei.html'))).toBe(false);
    expect(existsSync(join(work, 'after/hainan/units/jiguangongwei.html'))).toBe(true);
    expect(reports[1]?.pages).toBe((reports[0]?.pages ?? 0) + 1);
  });
});
