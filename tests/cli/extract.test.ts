import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../helpers/gb18030.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir();
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const unseen = join(repoRoot, 'tests/fixtures/extract/unseen-sichuan-2023.txt');

async function extract(...args: string[]) {
  return run(tsx, ['scripts/extract.ts', ...args], { cwd: repoRoot })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}

describe('npm run extract', () => {
  it('writes candidate rows as CSV to stdout, the province named in either script, short or in full', async () => {
    const { code, stdout, stderr } = await extract(unseen, '--province', '四川', '--period', '2023', '--source', 'sichuan-2023');
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(27);
    expect(rows[0]).toMatchObject({ province: 'sichuan', period: '2023', metric: 'training-classes', value: '126', measure_word: '期', source: 'sichuan-2023', quote: '全年举办各类培训班126期' });
    expect(stderr).toContain('找到27个候选数字');
    const full = await extract(unseen, '--province', '四川省', '--period', '2023', '--source', 'sichuan-2023', '--out', join(tempDir(), 'c.csv'), '--lang', 'en');
    expect(full.stderr).toContain('27 candidates, ');
    expect(full.stderr).toContain(', written to ');
  });

  it('writes to --out, and names the source it assumed when none is given', async () => {
    const out = join(tempDir(), 'candidates.csv');
    const { code, stderr } = await extract(unseen, '--province', 'sichuan', '--period', '2023', '--out', out);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('sichuan,,2023,cases-filed,37,exact,sichuan-2023,立案37件');
    expect(stderr).toContain(`已写入 ${out}`);
    expect(stderr).toContain('请把来源“sichuan-2023”加入 sources.csv，或者用 --source 指定');
  });

  it('with --against, says which figures match, disagree with or are new to the data', async () => {
    const text = join(tempDir(), 'hainan.txt');
    writeFileSync(text, '共有2387个党支部达标，占全部在职党支部2824个的89%。培训1900人次。表彰优秀共产党员312名。');
    const { code, stdout } = await extract(text, '--province', 'hainan', '--period', '2020', '--against', join(fixtureSite, 'data'));
    expect(code).toBe(0);
    expect(stdout).toContain('与已有数据不符 (disagrees): 1');
    expect(stdout).toContain('training-attendance 2020 1900人次  「培训1900人次」  已有：1800余');
    expect(stdout).toContain('与已有数据一致 (matches): 3');
    expect(stdout).toContain('新数字 (new): 1');
  });

  it('reads a review saved as GB18030, as copied into a Chinese editor', async () => {
    const file = join(tempDir(), 'review-gbk.txt');
    writeFileSync(file, encodeGb18030(readFileSync(unseen, 'utf8')));
    const { code, stdout } = await extract(file, '--province', 'sichuan', '--period', '2023');
    expect(code).toBe(0);
    expect(stdout).toContain('sichuan,,2023,cases-filed,37,exact,sichuan-2023,立案37件');
    expect(stdout).not.toContain('\uFFFD');
  });

  it('refuses an unknown province or a malformed period, saying how to fix it (exit 2)', async () => {
    const unknown = await extract(unseen, '--province', 'sichaun', '--period', '2023');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到省份“sichaun” —— 是不是 sichuan（四川）？');
    const period = await extract(unseen, '--province', 'sichuan', '--period', '23');
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('“23”不是期间：请写 2020 或 2019-2020');
    const missing = await extract('no-such-review.txt', '--province', 'sichuan', '--period', '2023');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'extract：找不到文件 no-such-review.txt']);
    const english = await extract(unseen, '--province', 'sichaun', '--period', '2023', '--lang', 'en');
    expect([english.code, english.stderr]).toEqual([2, expect.stringContaining("extract: unknown province 'sichaun' - did you mean sichuan")]);
  });
});
