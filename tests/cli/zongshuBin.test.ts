/** scripts/zongshu.mjs, the `zongshu` command of package.json's "bin": npx zongshu check --json and the like. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';

const run = promisify(execFile);
/** `zongshu ARGS` as npx runs it, from `cwd`. */
const zongshu = (...args: string[]) => zongshuIn(repoRoot, ...args);
const zongshuIn = (cwd: string, ...args: string[]) =>
  run(process.execPath, [join(repoRoot, 'scripts/zongshu.mjs'), ...args], { cwd })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

describe('the zongshu command', () => {
  it('prints nothing but the report with check --json, and exits as check does', async () => {
    const { code, stdout, stderr } = await zongshu('check', '--json', '--data', join(fixtureSite, 'data'), '--content', join(fixtureSite, 'content'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trimStart().startsWith('{')).toBe(true);
    const report = JSON.parse(stdout) as { errors: number; problems: unknown[] };
    expect(report.errors).toBe(0);
  });

  it('runs the other commands under tsx, from any folder, with their exit code', async () => {
    const synth = await zongshuIn(fixtureSite, 'synth', '--lang', 'fr');
    expect(synth.code).toBe(2);
    expect(synth.stderr.trim()).toBe('synth：--lang 只能是 zh（中文）或 en（英文），不能是“fr”（--lang is zh or en）');
  });

  it('lists its commands in Chinese when given none, in English with --lang en', async () => {
    const chinese = await zongshu();
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('用法：npx zongshu 命令 [选项]');
    for (const command of ['check', 'build', 'dev', 'archive', 'extract', 'synth', 'demo']) expect(chinese.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'mu'));
    expect(chinese.stdout).toContain('加 --lang en 输出英文');
    const english = await zongshu('--lang', 'en');
    expect(english.stdout).toContain('usage: npx zongshu COMMAND [options]');
  });

  it('says what a command does and how to run it when asked --help or -h, from its bundle or under tsx, and exits 0', async () => {
    const build = await zongshu('build', '--help');
    expect([build.code, build.stderr]).toEqual([0, '']);
    expect(build.stdout).toContain('用法：npm run build -- [选项]（或 npx zongshu build [选项]）');
    expect(build.stdout).toContain('build：检查数据并生成网站');
    const synth = await zongshu('synth', '-h');
    expect(synth.code).toBe(0);
    expect(synth.stdout).toContain('--provinces 31 --years 10 --units 80');
    const check = await zongshu('check', '--data', 'nowhere', '--help', '--lang', 'en');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('npm run check -- [options]');
    expect(check.stdout).toContain('check reads and checks data/ and content/');
    // The bench is no command of a keeper of the data (not listed), but says its options as the others do.
    const bench = await zongshu('bench', '--help');
    expect([bench.code, bench.stderr]).toEqual([0, '']);
    expect(bench.stdout).toContain('bench：在全国示例数据集上测量');
    expect(bench.stdout).toContain('--quick');
    expect((await zongshu()).stdout).not.toContain('bench');
  });

  it('says so when there is no such command (exit 2)', async () => {
    const { code, stderr } = await zongshu('publish');
    expect(code).toBe(2);
    expect(stderr).toContain('zongshu：没有“publish”这个命令');
  });
});
