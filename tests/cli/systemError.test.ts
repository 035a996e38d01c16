/** The system's errors said in Chinese: what could not be done to which path, why, what to do, and the system's words. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/cli/options.ts';
import { systemErrorZh } from '../../src/cli/systemError.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { thrown } from '../helpers/thrown.ts';

const tempDir = useTempDir();

describe('systemErrorZh', () => {
  it('says a folder that cannot be made under a file in Chinese, with the path and the system message after it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cache'), '');
    const path = join(dir, 'cache', 'readings');
    const error = thrown(() => mkdirSync(path, { recursive: true }));
    const said = systemErrorZh(error) as string;
    expect(said).toMatch(new RegExp(`^无法创建文件夹 ${path.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}：路径中有一级是文件，不是文件夹（ENOTDIR: .*）。请`, 'u'));
    expect(errorMessage(error, 'zh')).toBe(said);
    // English keeps the system's own words.
    expect(errorMessage(error, 'en')).toBe((error as Error).message);
  });

  it('names both paths of a move, and a missing one', () => {
    const dir = tempDir();
    const error = thrown(() => renameSync(join(dir, 'gone'), join(dir, 'there')));
    expect(systemErrorZh(error)).toBe(`无法移动或改名 ${join(dir, 'gone')} → ${join(dir, 'there')}：路径不存在（${(error as Error).message}）。请确认路径写对了，它上面的各级文件夹都在`);
  });

  it('says a code it has no words for with the call and the system message', () => {
    const error = Object.assign(new Error('EWEIRD: something odd, frob \'/x\''), { code: 'EWEIRD', syscall: 'frob', path: '/x' });
    expect(systemErrorZh(error)).toBe(`无法执行 frob /x（EWEIRD: something odd, frob '/x'）。请检查这个位置，然后再试`);
  });

  it('leaves other errors to their own words: one with Chinese of its own, one without a system code', () => {
    expect(systemErrorZh(new Error('plain'))).toBeUndefined();
    expect(systemErrorZh(Object.assign(new Error('odd'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeUndefined();
    expect(systemErrorZh('ENOENT')).toBeUndefined();
    expect(errorMessage(Object.assign(new Error('x'), { code: 'ENOENT', zh: '自己的中文' }), 'zh')).toBe('自己的中文');
    expect(errorMessage(new Error('plain'), 'zh')).toBe('plain');
  });
});
