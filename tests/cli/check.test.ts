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
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}

describe('npm run check', () => {
  it('passes the bundled data with its warnings, the Hainan rate among them, said in Chinese (exit 0)', async () => {
    const { code, stdout } = await check();
    expect(code).toBe(0);
    expect(stdout).toContain('警告 data/observations/hainan-2020.csv:44:5 海南 2020年的党支部达标率原文为89%，但 2387/2824 = 84.5%：原文比计算值高4.5个百分点 —— 页面显示原文的比率');
    expect(stdout).toContain('警示教育场次762场次的3个组成部分（460场 + 345次 + 182次）合计987，超过了整体');
    expect(stdout).toContain('错误0个，警告20个。');
    expect(stdout).not.toMatch(/^(?:warning|error) |\d+ errors/mu);
  });

  it('says the same in English with --lang en', async () => {
    const { code, stdout } = await check('--lang', 'en');
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
    const args = ['--data', join(dir, 'data'), '--content', join(dir, 'content')];
    const chinese = await check(...args);
    expect(chinese.code).toBe(1);
    expect(chinese.stdout).toContain(`错误 ${file}:2:1 找不到省份“jiangsuu” —— 是不是 jiangsu（江苏）？`);
    expect(chinese.stdout).toMatch(new RegExp(`错误 ${file}:5:5 读不懂.*“十八百”`, 'u'));
    const english = await check(...args, '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.stdout).toContain(`error   ${file}:2:1 unknown province 'jiangsuu' - did you mean jiangsu (江苏)?`);
    expect(english.stdout).toMatch(new RegExp(`error   ${file}:5:5 cannot read .*'十八百'`, 'u'));
  });

  it('prints JSON for tools, each problem in both languages', async () => {
    const { stdout } = await check('--json');
    const report = JSON.parse(stdout) as { errors: number; warnings: number; problems: Array<{ code: string; message: string; zh: { message: string } }> };
    expect(report).toMatchObject({ errors: 0, warnings: 20 });
    expect(report.problems.map((p) => p.code)).toContain('stated-ratio-differs');
    expect(report.problems.every((p) => p.message !== '' && /\p{Script=Han}/u.test(p.zh.message))).toBe(true);
  });

  it('refuses a language it does not speak, and an unknown option, in Chinese (exit 2)', async () => {
    const { code, stderr } = await check('--lang', 'fr');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('检查失败：--lang 只能是 zh（中文）或 en（英文），不能是“fr”（--lang is zh or en）');
    const unknown = await check('--bogus');
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, '检查失败：不认识的选项 --bogus']);
    const english = await check('--bogus', '--lang', 'en');
    expect(english.stderr).toMatch(/^check failed: Unknown option '--bogus'/u);
  });
});
