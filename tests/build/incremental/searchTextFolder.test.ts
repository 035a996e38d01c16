import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTextFolder } from '../../../src/build/incremental/searchTextFolder.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

describe('searchTextFolder', () => {
  it('gives back the texts kept under a hash, none for a file that is not whole, and forgets the hashes of other builds', async () => {
    const dir = tempDir();
    const folder = searchTextFolder(dir);
    folder.set('a', { simplified: '江苏', traditional: '江蘇' });
    folder.set('b', { simplified: '海南', traditional: '海南' });
    await folder.written();
    expect(folder.get('a')).toEqual({ simplified: '江苏', traditional: '江蘇' });
    writeFileSync(join(dir, 'b.json'), '{"simplified": "海');
    expect(folder.get('b')).toBeUndefined();
    expect(folder.get('c')).toBeUndefined();
    folder.keepOnly(new Set(['a']));
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('writes every text it was given in the background, and says when one could not be written', async () => {
    const dir = tempDir();
    const folder = searchTextFolder(dir);
    for (let i = 0; i < 300; i++) folder.set(`h${i}`, { simplified: `第${i}页`, traditional: `第${i}頁` });
    await folder.written();
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toHaveLength(300);
    expect(readdirSync(dir).some((name) => name.endsWith('.partial'))).toBe(false);
    expect(folder.get('h299')).toEqual({ simplified: '第299页', traditional: '第299頁' });
    // A hash kept again while its first write may still be going on is written once more, whole, with its last texts.
    for (let i = 0; i < 20; i++) for (let round = 0; round < 10; round++) folder.set(`again${i}`, { simplified: `第${round}次`, traditional: `第${round}次` });
    await folder.written();
    for (let i = 0; i < 20; i++) expect(folder.get(`again${i}`)).toEqual({ simplified: '第9次', traditional: '第9次' });
    expect(readdirSync(dir).some((name) => name.endsWith('.partial'))).toBe(false);
    // A folder where the file should go: its write fails, and the failure is not lost.
    mkdirSync(join(dir, `blocked.json.${process.pid}.partial`));
    folder.set('blocked', { simplified: '海南', traditional: '海南' });
    await expect(folder.written()).rejects.toThrow();
  });
});
