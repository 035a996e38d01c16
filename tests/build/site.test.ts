/**
 * Builds the small fixture site and reads its HTML; then fails builds on
 * purpose over an existing output folder and checks that nothing changed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/buildSite.ts';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir('all');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, name.name);
      hash.update(path.slice(dir.length));
      if (name.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function buildFixture(outDir: string): Promise<void> {
  const options = { dataDir: join(fixtureSite, 'data'), contentDir: join(fixtureSite, 'content') };
  const { dataSet, problems } = await loadDataSet(options);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  await buildSite({ ...options, dataSet, outDir });
}

describe('the fixture site', () => {
  let out = '';
  beforeAll(async () => {
    out = join(tempDir(), 'dist');
    await buildFixture(out);
  });

  it('has a home page listing reported and unreported provinces', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('href="./hainan.html"');
    expect(html).toContain('href="./jiangsu.html"');
    expect(html).toMatch(/未报告[\s\S]*西藏/u);
    expect(existsSync(join(out, 'xizang.html'))).toBe(false);
  });

  it('shows a province page with its figures, their basis and quotes', () => {
    const html = readFileSync(join(out, 'hainan.html'), 'utf8');
    expect(html).toContain('2387个');
    // Computed from its parts, with the stated figure beside it.
    expect(html).toContain('84.5%');
    expect(html).toContain('原文：89%，比计算值高4.5个百分点');
    expect(html).toContain('1800余人次');
    // The committee total of cases is summed from two units.
    expect(html).toContain('12件');
    expect(html).toContain('各单位合计');
    expect(html).toContain('「省高院立案5件」');
    expect(html).toContain('省高级人民法院');
  });

  it('renders the narrative with every placeholder replaced', () => {
    const html = readFileSync(join(out, 'hainan.html'), 'utf8');
    expect(html).toContain('达标党支部2387个，达标率84.5%，培训1800余人次。');
    expect(html).toContain('各单位立案合计12件，其中省高院5件。');
    expect(html).not.toContain('{{');
  });

  it('keeps the Traditional-script input as the same province', () => {
    const html = readFileSync(join(out, 'jiangsu.html'), 'utf8');
    expect(html).toContain('约7.5万人次');
    expect(html).toContain('2021年');
  });

  it('leaves the previous site untouched when the data have errors', async () => {
    const before = treeHash(out);
    const broken = tempDir();
    cpSync(fixtureSite, broken, { recursive: true });
    const file = join(broken, 'data/observations/sample.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hainan,,2020,branches-total', 'hainann,,2020,branches-total'));
    const result = await run(tsx, ['scripts/build.ts', '--data', join(broken, 'data'), '--content', join(broken, 'content'), '--out', out], { cwd: repoRoot }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toContain("unknown province 'hainann'");
    expect(treeHash(out)).toBe(before);
  });

  it('leaves the previous site untouched when the page build itself fails', async () => {
    const before = treeHash(out);
    const parent = join(out, '..');
    const unusable = { provinces: null } as unknown as DataSet;
    await expect(buildSite({ dataSet: unusable, dataDir: '', contentDir: '', outDir: out })).rejects.toThrow();
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(parent).filter((name) => name.startsWith('.zongshu-'))).toEqual([]);
  });
});
