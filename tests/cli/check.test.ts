import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir();

/** As `npm run check` runs it (package.json). */
async function check(...args: string[]) {
  return run(process.execPath, ['scripts/run.mjs', 'check', ...args], { cwd: repoRoot })
    .then((r) => ({ code: 0, stdout: r.stdout }))
    .catch((e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));
}

describe('npm run check', () => {
  it('passes the bundled data with its warnings, the Hainan rate among them (exit 0)', async () => {
    const { code, stdout } = await check();
    expect(code).toBe(0);
    expect(stdout).toContain('warning data/observations/hainan-2020.csv:44:5 branch-compliance-rate of hainan for 2020 is stated as 89%, but 2387/2824 = 84.5%');
    expect(stdout).toContain('the 3 parts of warning-education-sessions 762场次 (460场 + 345次 + 182次) add up to 987');
    expect(stdout).toContain('0 errors, 20 warnings.');
  });

  it('fails with --strict when there are warnings (exit 1)', async () => {
    expect((await check('--strict')).code).toBe(1);
  });

  it('checks another data set and prints every error with file:line:column and a hint (exit 1)', async () => {
    const dir = tempDir();
    cpSync(fixtureSite, dir, { recursive: true });
    const file = join(dir, 'data/observations/sample.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hainan,,2020,branches-total', 'jiangsuu,,2020,branches-total').replace(',1800余,', ',十八百,'));
    const { code, stdout } = await check('--data', join(dir, 'data'), '--content', join(dir, 'content'));
    expect(code).toBe(1);
    expect(stdout).toContain(`error   ${file}:2:1 unknown province 'jiangsuu' - did you mean jiangsu (江苏)?`);
    expect(stdout).toMatch(new RegExp(`error   ${file}:5:5 cannot read .*'十八百'`, 'u'));
  });

  it('prints JSON for tools', async () => {
    const { stdout } = await check('--json');
    const report = JSON.parse(stdout) as { errors: number; warnings: number; problems: Array<{ code: string }> };
    expect(report).toMatchObject({ errors: 0, warnings: 20 });
    expect(report.problems.map((p) => p.code)).toContain('stated-ratio-differs');
  });
});
