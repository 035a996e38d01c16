/** A failure in the cache folder says where that folder comes from and what to do. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cacheFolderNote } from '../../src/cli/cacheFolderNote.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { thrown } from '../helpers/thrown.ts';

const run = promisify(execFile);
const tempDir = useTempDir();

describe('cacheFolderNote', () => {
  it('names the folder and ZONGSHU_CACHE when the failing path is in a cache folder the variable named', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    writeFileSync(cache, '');
    const error = thrown(() => mkdirSync(join(cache, 'readings', 'x'), { recursive: true }));
    const zh = cacheFolderNote(error, cache, true, 'zh') as string;
    expect(zh).toContain(`缓存文件夹 ${cache} 里，它由环境变量 ZONGSHU_CACHE 指定`);
    expect(zh).toContain('去掉这个变量');
    expect(cacheFolderNote(error, cache, true, 'en')).toContain(`the cache folder ${cache}, which the environment variable ZONGSHU_CACHE names`);
    // The project's own folder: it may be deleted, or another named.
    expect(cacheFolderNote(error, cache, false, 'zh')).toContain(`项目的缓存文件夹 ${cache} 里：可以把这个文件夹整个删掉`);
  });

  it('says nothing of a path outside the cache folder, or of a folder whose name merely begins alike', () => {
    const dir = tempDir();
    const error = thrown(() => renameSync(join(dir, 'gone'), join(dir, 'there')));
    expect(cacheFolderNote(error, join(dir, 'cache'), true, 'zh')).toBeUndefined();
    const beside = thrown(() => renameSync(join(`${dir}-cache`, 'gone'), join(`${dir}-cache`, 'there')));
    expect(cacheFolderNote(beside, dir, true, 'zh')).toBeUndefined();
    // A move names two paths: the second in the folder is enough.
    expect(cacheFolderNote(error, join(dir, 'there'), true, 'zh')).toBeDefined();
    expect(cacheFolderNote(new Error('no path'), dir, true, 'zh')).toBeUndefined();
    // A file whose name begins with two dots is still in the folder.
    expect(cacheFolderNote(Object.assign(new Error('x'), { path: join(dir, '..kept') }), dir, true, 'zh')).toBeDefined();
    expect(cacheFolderNote(Object.assign(new Error('x'), { path: join(dir, '..', 'elsewhere') }), dir, true, 'zh')).toBeUndefined();
  });

  it('is what npm run build says when ZONGSHU_CACHE names a file, and no output folder is made (exit 2)', async () => {
    const dir = tempDir();
    const cache = join(dir, 'cache-file');
    writeFileSync(cache, '');
    const out = join(dir, 'site');
    const failed = await run(process.execPath, ['scripts/run.mjs', 'build', '--out', out], { cwd: repoRoot, env: { ...process.env, ZONGSHU_CACHE: cache } }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`生成失败：无法创建文件夹 ${cache}`);
    expect(failed?.stderr).toContain(`这个路径在缓存文件夹 ${cache} 里，它由环境变量 ZONGSHU_CACHE 指定`);
    expect(existsSync(out)).toBe(false);
  });
});
