import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, siteEntriesUnder, siteFilesUnder } from '../../src/build/siteFiles.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zongshu-site-files-'));
  made.push(dir);
  for (const path of ['index.html', 'hainan/2020.html', 'zh-Hant/hainan/2020.html', 'data/package/rows.csv', '.zongshu-site.json']) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), path);
  }
  mkdirSync(join(dir, 'empty/folder'), { recursive: true });
  return dir;
}

describe('siteFilesUnder', () => {
  it('lists every file, not folders, as site paths in code-point order', () => {
    expect(siteFilesUnder(site())).toEqual(['.zongshu-site.json', 'data/package/rows.csv', 'hainan/2020.html', 'index.html', 'zh-Hant/hainan/2020.html']);
  });

  it('gives the same paths for the folder named with a trailing slash or relatively', () => {
    const dir = site();
    const listed = siteFilesUnder(dir);
    expect(siteFilesUnder(`${dir}/`)).toEqual(listed);
    expect(siteFilesUnder(relative(process.cwd(), dir))).toEqual(listed);
    expect(siteFilesUnder(join(dir, 'hainan', '..'))).toEqual(listed);
  });
});

describe('siteEntriesUnder', () => {
  it('lists files and links (a link to a folder not followed), not folders, in code-point order', () => {
    const dir = site();
    symlinkSync(join(dir, 'hainan'), join(dir, 'data/linked-folder'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(siteEntriesUnder(dir)).toEqual(['.zongshu-site.json', 'dangling', 'data/linked-folder', 'data/package/rows.csv', 'hainan/2020.html', 'index.html', 'zh-Hant/hainan/2020.html']);
    expect(siteFilesUnder(dir)).not.toContain('dangling');
  });
});

describe('removeFolder', () => {
  it('removes a site with every file and folder in it, and a link in it without following it', () => {
    const dir = site();
    const outside = mkdtempSync(join(tmpdir(), 'zongshu-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'keep.txt'), 'kept');
    symlinkSync(outside, join(dir, 'hainan', 'linked-folder'));
    symlinkSync(join(outside, 'keep.txt'), join(dir, 'linked-file.txt'));
    symlinkSync(join(outside, 'gone'), join(dir, 'dangling'));
    removeFolder(dir);
    expect(existsSync(dir)).toBe(false);
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('does nothing to a folder that is not there', () => {
    const dir = join(site(), 'none');
    expect(() => removeFolder(dir)).not.toThrow();
    expect(existsSync(dir)).toBe(false);
  });
});
