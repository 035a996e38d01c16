import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTextFolder } from '../../../src/build/incremental/searchTextFolder.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

describe('searchTextFolder', () => {
  it('gives back the texts kept under a hash, none for a file that is not whole, and forgets the hashes of other builds', () => {
    const dir = tempDir();
    const folder = searchTextFolder(dir);
    folder.set('a', { simplified: '江苏', traditional: '江蘇' });
    folder.set('b', { simplified: '海南', traditional: '海南' });
    expect(folder.get('a')).toEqual({ simplified: '江苏', traditional: '江蘇' });
    writeFileSync(join(dir, 'b.json'), '{"simplified": "海');
    expect(folder.get('b')).toBeUndefined();
    expect(folder.get('c')).toBeUndefined();
    folder.keepOnly(new Set(['a']));
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});
