/** scripts/run.mjs: how npm run build, check and demo start (package.json). */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';

const run = promisify(execFile);
const runner = (...args: string[]) =>
  run(process.execPath, ['scripts/run.mjs', ...args], { cwd: repoRoot })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);

describe('scripts/run.mjs', () => {
  it('runs a script from a bundle named by the sources, with the arguments after its name, as tsx runs it', async () => {
    const args = ['--data', join(fixtureSite, 'data'), '--content', join(fixtureSite, 'content'), '--json'];
    const bundled = await runner('check', ...args);
    const underTsx = await run(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/check.ts', ...args], { cwd: repoRoot });
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(underTsx.stdout));
    expect(readdirSync(join(repoRoot, 'node_modules/.cache/zongshu')).filter((f) => /^check-[0-9a-f]{16}\.mjs$/u.test(f))).toHaveLength(1);
  });

  it('says so when there is no such script (exit 2)', async () => {
    const result = await runner('no-such-script');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run: no script scripts/no-such-script.ts');
  });
});
