import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFileWriter } from '../../../src/build/threads/siteFileWriter.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');

describe('siteFileWriter', () => {
  it('writes each file, making its folders, and tells the SHA-256 of what it wrote', () => {
    const dir = tempDir();
    const written: Array<[string, string]> = [];
    const write = siteFileWriter(dir, (path, hash) => written.push([path, hash]));
    write('data/charts/a.csv', '年份,立案\n2020,78\n');
    write('页面.html', '<p>立案78件</p>');
    expect(readFileSync(join(dir, 'data/charts/a.csv'), 'utf8')).toBe('年份,立案\n2020,78\n');
    expect(written).toEqual([
      ['data/charts/a.csv', sha256('年份,立案\n2020,78\n')],
      ['页面.html', sha256('<p>立案78件</p>')],
    ]);
  });

  it('writes no file whose content the site it replaces has at that path, and tells it as kept; writes one whose content differs, or that is elsewhere there', () => {
    const dir = tempDir();
    const written: string[] = [];
    const kept: Array<[string, string]> = [];
    const previous = new Map([
      ['data/charts/a.csv', sha256('same')],
      ['data/charts/b.csv', sha256('before')],
      ['data/charts/c.csv', sha256('moved')],
    ]);
    const write = siteFileWriter(dir, (path) => written.push(path), () => previous, (path, hash) => kept.push([path, hash]));
    write('data/charts/a.csv', 'same');
    write('data/charts/b.csv', 'after');
    write('data/charts/d.csv', 'moved');
    expect(kept).toEqual([['data/charts/a.csv', sha256('same')]]);
    expect(written).toEqual(['data/charts/b.csv', 'data/charts/d.csv']);
    expect(existsSync(join(dir, 'data/charts/a.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'data/charts/b.csv'), 'utf8')).toBe('after');
    // A path written once is written again, whatever it holds: the last write is the file.
    write('data/charts/b.csv', 'before');
    expect(readFileSync(join(dir, 'data/charts/b.csv'), 'utf8')).toBe('before');
    expect(written).toEqual(['data/charts/b.csv', 'data/charts/d.csv', 'data/charts/b.csv']);
  });
});
