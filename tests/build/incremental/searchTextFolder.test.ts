import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTextFolder } from '../../../src/build/incremental/searchTextFolder.ts';
import { seal } from '../../../src/build/incremental/sealed.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();
const texts = (i: number) => ({ simplified: `第${i}页 海南`, traditional: `第${i}頁 海南` });

describe('searchTextFolder', () => {
  it('gives back the texts kept under a hash by an earlier build, and keeps those of the hashes written and no others', () => {
    const dir = tempDir();
    const first = searchTextFolder(dir);
    for (let i = 0; i < 300; i++) first.set(`h${i}`, texts(i));
    // Set and not yet written: given back to the same build.
    expect(first.get('h7')).toEqual(texts(7));
    first.write(new Set(Array.from({ length: 200 }, (_, i) => `h${i}`)));
    const second = searchTextFolder(dir);
    expect(second.get('h199')).toEqual(texts(199));
    expect(second.get('h200')).toBeUndefined();
    expect(second.get('other')).toBeUndefined();
    // What the next build writes: texts kept by the last one and texts set by it, for its own pages.
    second.set('new', texts(1000));
    second.write(new Set(['h3', 'new', 'gone']));
    const third = searchTextFolder(dir);
    expect([third.get('h3'), third.get('new'), third.get('gone'), third.get('h4')]).toEqual([texts(3), texts(1000), undefined, undefined]);
    expect(third.rejected()).toBe(0);
    expect(readdirSync(dir)).toEqual(['texts.json']);
  });

  it('takes no texts from a file that is cut short, changed, sealed under another key or of another shape, and counts it once', () => {
    const dir = tempDir();
    const writer = searchTextFolder(dir);
    writer.set('a', texts(1));
    writer.write(new Set(['a']));
    const whole = readFileSync(join(dir, 'texts.json'), 'utf8');
    const content = whole.slice(whole.indexOf('\n') + 1);
    const broken = [
      // Cut short, and changed: the seal does not hold.
      whole.slice(0, -5),
      whole.replace('海南', '江苏'),
      // Whole, but sealed under another key.
      seal('other-texts', content),
      // Whole and sealed, but not texts by hash.
      seal('search-texts', '["not", "texts"]'),
      seal('search-texts', '{"a": ["海南"]}'),
    ];
    for (const entry of broken) {
      writeFileSync(join(dir, 'texts.json'), entry);
      const reader = searchTextFolder(dir);
      expect(reader.get('a')).toBeUndefined();
      expect(reader.get('b')).toBeUndefined();
      expect(reader.rejected()).toBe(1);
    }
    // No file at all is no rejection: a first build.
    const empty = searchTextFolder(tempDir());
    expect([empty.get('a'), empty.rejected()]).toEqual([undefined, 0]);
  });

  it('removes the files of the older way of keeping texts (one per page), and fails when its file cannot be written', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${'a'.repeat(64)}.json`), 'old');
    writeFileSync(join(dir, 'texts.json.999999999.partial'), 'left by a killed build');
    const folder = searchTextFolder(dir);
    folder.set('a', texts(1));
    folder.write(new Set(['a']));
    expect(readdirSync(dir)).toEqual(['texts.json']);
    // A folder where the partial file should go: the write fails, and says so.
    mkdirSync(join(dir, `texts.json.${process.pid}.partial`));
    expect(() => folder.write(new Set(['a']))).toThrow();
  });
});
