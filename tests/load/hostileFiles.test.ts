/**
 * What a hostile tester threw at the bundled data, through the real commands: 130,000 bad rows,
 * a 1 MB field, links to nowhere, a folder named x.csv, a zero-filled file. Each is a problem
 * naming its file, with a hint, and exit 1 from `check` and `build` alike; never a stack trace,
 * never output that grows with the file. The inputs are made here, not committed. Times are
 * only a sanity bound.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/schema/problem.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir();
const header = 'province,unit,period,metric,value,qualifier,source,quote,note\n';

/** The bundled data and content in a folder of their own, with `write` adding to them. */
function bundledWith(write: (data: string) => void): { data: string; content: string; root: string } {
  const root = tempDir();
  cpSync(join(repoRoot, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  write(join(root, 'data'));
  return { data: join(root, 'data'), content: join(root, 'content'), root };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** As npm runs them (package.json); a build keeps its cache in a folder of the test's. */
async function command(name: 'check' | 'build', args: string[], cacheDir?: string): Promise<Run> {
  const started = Date.now();
  const flags = name === 'build' ? ['--expose-gc', '--heap-growing-percent=20'] : [];
  const env = cacheDir ? { ...process.env, ZONGSHU_CACHE: cacheDir } : process.env;
  const result = await run(process.execPath, [...flags, 'scripts/run.mjs', name, '--lang', 'en', ...args], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

/** No stack trace, no overflow, in either stream. */
function expectNoStack(result: Run): void {
  for (const text of [result.stdout, result.stderr]) {
    expect(text).not.toContain('RangeError');
    expect(text).not.toMatch(/^\s+at /mu);
    expect(text).not.toContain('ENOENT');
    expect(text).not.toContain('EISDIR');
  }
}

describe('hostile files, through check and build', () => {
  it('lists ten of 130,000 bad rows and counts the rest, in text and JSON (exit 1)', async () => {
    const set = bundledWith((data) => writeFileSync(join(data, 'observations/bad.csv'), header + 'hainan,2020\n'.repeat(130_000)));
    const args = ['--data', set.data, '--content', set.content];

    const text = await command('check', args);
    expectNoStack(text);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n').filter((line) => line.startsWith('error') && line.includes('bad.csv:'));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/^error {3}\S+bad\.csv:12 … and 129,990 more rows like this \(column-count\) - only the first 10/u);
    expect(text.stdout).toContain('130000 errors, 20 warnings.');
    expect(text.stdout.length).toBeLessThan(50_000);
    expect(text.seconds).toBeLessThan(60);

    const json = await command('check', [...args, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { errors: number; warnings: number; problems: Problem[] };
    expect(report).toMatchObject({ errors: 130_000, warnings: 20 });
    const summary = report.problems.filter((p) => p.omitted !== undefined);
    expect(summary).toEqual([expect.objectContaining({ code: 'column-count', line: 12, omitted: 129_990 })]);
    expect(report.problems.filter((p) => p.file.endsWith('bad.csv'))).toHaveLength(11);

    const out = join(set.root, 'site');
    const build = await command('build', [...args, '--out', out], join(set.root, 'cache'));
    expectNoStack(build);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain('… and 129,990 more rows like this (column-count)');
    expect(build.stdout).toContain('130000 errors, 20 warnings.');
    expect(build.stderr).toContain(`build stopped: fix the errors above; ${out} is unchanged.`);
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('quotes 80 characters of a 1 MB field and says how long it is (exit 1)', async () => {
    const set = bundledWith((data) => writeFileSync(join(data, 'observations/long.csv'), `${header}hainan,,2020,branches-total,2824,,hainan-2020,"${'长'.repeat(1 << 20)}",\n`));
    const result = await command('check', ['--data', set.data, '--content', set.content]);
    expectNoStack(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`long.csv:2:8 quote '${'长'.repeat(79)}…' (1,048,576 characters) is 1,048,576 characters long`);
    expect(result.stdout.length).toBeLessThan(20_000);
  }, 60_000);

  it('names links to nowhere, folders named like files and zero-filled files, with hints, in check and build (exit 1)', async () => {
    const set = bundledWith((data) => {
      symlinkSync(join(data, 'observations/moved-away.csv'), join(data, 'observations/gone.csv'));
      mkdirSync(join(data, 'observations/x.csv'));
      writeFileSync(join(data, 'observations/hainan-2020.csv'), Buffer.alloc(64 * 1024));
      mkdirSync(join(data, 'tables/hainan'), { recursive: true });
      symlinkSync('nowhere.csv', join(data, 'tables/hainan/2020.csv'));
      mkdirSync(join(data, 'tables/jiangsu/2022.csv'), { recursive: true });
    });
    const args = ['--data', set.data, '--content', set.content];
    const expected = [
      /gone\.csv this is a symbolic link to '\S+moved-away\.csv', which does not exist - restore the file it points to, or delete the link/u,
      /observations\/x\.csv this is a folder, not a file - a folder is not read as data: rename it/u,
      /hainan-2020\.csv:1 the file holds NUL \(zero\) bytes on line 1: it is zero-filled or binary, not CSV text; reading stopped there - restore the file/u,
      /tables\/hainan\/2020\.csv this is a symbolic link to 'nowhere\.csv', which does not exist/u,
      /tables\/jiangsu\/2022\.csv this is a folder, not a file/u,
    ];
    const check = await command('check', args);
    const build = await command('build', [...args, '--out', join(set.root, 'site')], join(set.root, 'cache'));
    for (const result of [check, build]) {
      expectNoStack(result);
      expect(result.code).toBe(1);
      for (const line of expected) expect(result.stdout).toMatch(new RegExp(`^error {3}\\S*${line.source}`, 'mu'));
    }
  }, 120_000);

  it('reads a 16 MB field left open by a stray quote in linear time, and reports it in a line', async () => {
    const set = bundledWith((data) => writeFileSync(join(data, 'observations/open.csv'), `${header}hainan,,2020,branches-total,2824,,hainan-2020,"${'a,b\n'.repeat(4 << 20)}`));
    const started = Date.now();
    const { problems } = await loadDataSet({ dataDir: set.data, contentDir: set.content });
    expect((Date.now() - started) / 1000).toBeLessThan(30);
    const own = problems.filter((p) => p.file.endsWith('open.csv'));
    expect(own.map((p) => p.code)).toEqual(['csv-syntax']);
    expect(JSON.stringify(own).length).toBeLessThan(1000);
  }, 60_000);
});
