/**
 * npm run archive: one file with a SHA-256 manifest, verified after writing; a tampered archive fails verification,
 * and so does one with an entry tar -x should not create (a link, a device, a FIFO, a name outside the top folder).
 */
import { execFile } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveRoot, verifyArchive, writeArchive } from '../../src/cli/archive.ts';
import { buildSite } from '../../src/build/buildSite.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir('all');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
let site = '';

describe('archive', () => {
  beforeAll(async () => {
    site = join(tempDir(), 'dist');
    await buildSite({ dataSet: await fixtureDataSet(), outDir: site });
  });

  it('writes the same bytes for the same site, and verifies them', async () => {
    const dir = tempDir();
    const a = await writeArchive(site, join(dir, 'a.tar.gz'));
    await writeArchive(site, join(dir, 'b.tar.gz'));
    expect(readFileSync(join(dir, 'a.tar.gz')).equals(readFileSync(join(dir, 'b.tar.gz')))).toBe(true);
    expect(a.files).toBeGreaterThan(50);
    expect(await verifyArchive(join(dir, 'a.tar.gz'))).toEqual([]);
  });

  it('finds a changed, a missing and an unlisted file', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.tar.gz');
    await writeArchive(site, good);
    const unpacked = join(dir, 'x');
    mkdirSync(unpacked);
    await tar.extract({ file: good, cwd: unpacked });
    const root = join(unpacked, archiveRoot);
    writeFileSync(join(root, 'index.html'), 'changed');
    writeFileSync(join(root, 'extra.txt'), 'extra');
    const files = readFileSync(join(root, 'MANIFEST.sha256'), 'utf8').split('\n').filter(Boolean).map((l) => `${archiveRoot}/${l.slice(66)}`);
    const kept = files.filter((f) => f !== `${archiveRoot}/sources.html`);
    const bad = join(dir, 'bad.tar.gz');
    await tar.create({ gzip: true, file: bad, cwd: unpacked, portable: true }, [`${archiveRoot}/MANIFEST.sha256`, `${archiveRoot}/extra.txt`, ...kept]);
    const problems = await verifyArchive(bad);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.stringMatching(/^zongshu-site\/index\.html has changed/u));
    expect(problems).toContain('zongshu-site/sources.html is listed in the manifest but missing from the archive');
    expect(problems).toContain('zongshu-site/extra.txt is in the archive but not in the manifest');
  });

  it('runs as npm run archive, and --verify exits 1 on a bad archive', async () => {
    const dir = tempDir();
    const out = join(dir, 'site.tar.gz');
    const written = await run(tsx, ['scripts/archive.ts', '--lang', 'en', '--site', site, '--out', out], { cwd: repoRoot });
    expect(written.stdout).toContain('every file matches its SHA-256 in the manifest');
    cpSync(join(fixtureSite, 'data/units.csv'), join(dir, 'junk.tar.gz'));
    const failed = await run(tsx, ['scripts/archive.ts', '--lang', 'en', '--verify', join(dir, 'junk.tar.gz')], { cwd: repoRoot }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stderr).toContain('is not a gzipped tar archive');
  });

  it('says in Chinese, with exit 2, when there is no site to archive or --out names a folder', async () => {
    const dir = tempDir();
    const misuse = (...args: string[]) => run(tsx, ['scripts/archive.ts', ...args], { cwd: repoRoot }).catch((e: { code: number; stderr: string }) => e);
    const noSite = await misuse('--site', join(dir, 'nothing'), '--out', join(dir, 'a.tar.gz'));
    expect(['code' in noSite ? noSite.code : 0, noSite.stderr.trim()]).toEqual([2, `归档失败：${join(dir, 'nothing')} 里没有生成好的网站（缺少 index.html）：请先运行 npm run build`]);
    const folder = await misuse('--site', site, '--out', dir);
    expect(['code' in folder ? folder.code : 0, folder.stderr.trim()]).toEqual([2, `归档失败：${dir} 是一个文件夹：--out 要给出归档文件的名字，例如 ${join(dir, 'zongshu-site.tar.gz')}`]);
  });
});

/** A site of three files (one empty, one in a folder), archived by writeArchive and unpacked beside it. */
function smallArchive(dir: string): { good: Promise<string>; unpacked: string; files: string[] } {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'sub'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>index</h1>');
  writeFileSync(join(site, 'sub/page.html'), '<h1>page</h1>');
  writeFileSync(join(site, 'empty.txt'), '');
  const unpacked = join(dir, 'unpacked');
  mkdirSync(unpacked);
  const good = join(dir, 'good.tar.gz');
  const files = ['MANIFEST.sha256', 'empty.txt', 'index.html', 'sub/page.html'].map((f) => `${archiveRoot}/${f}`);
  return { good: writeArchive(site, good).then(() => tar.extract({ file: good, cwd: unpacked })).then(() => good), unpacked, files };
}

/** One raw tar entry: its 512-byte header, then its data padded to a whole block. */
function entry(header: Partial<tar.Header> & { path: string }, data = Buffer.alloc(0)): Buffer {
  const block = Buffer.alloc(512);
  new tar.Header({ type: 'File', mode: 0o644, mtime: new Date(0), uid: 0, gid: 0, ...header, size: data.length }).encode(block);
  return Buffer.concat([block, data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A file entry whose type flag is `flag`, one the tar package may not know: the header's checksum counted again. */
function withTypeFlag(raw: Buffer, flag: string): Buffer {
  raw.write(flag, 156, 'latin1');
  raw.fill(0x20, 148, 156);
  const sum = raw.subarray(0, 512).reduce((a, b) => a + b, 0);
  raw.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return raw;
}

/** A pax extended header ('x', or 'g' for a global one) of these records, written by hand so any keyword goes in. */
function pax(records: Array<[string, string]>, type: 'ExtendedHeader' | 'GlobalExtendedHeader' = 'ExtendedHeader'): Buffer {
  const body = records
    .map(([key, value]) => {
      const rest = Buffer.byteLength(` ${key}=${value}\n`);
      let length = rest + 1;
      while (String(length).length + rest !== length) length = String(length).length + rest;
      return `${length} ${key}=${value}\n`;
    })
    .join('');
  return entry({ path: 'PaxHeader/x', type }, Buffer.from(body));
}

/** The good archive with these raw entries added before its end. */
function withEntries(good: string, out: string, ...added: Buffer[]): string {
  let raw = gunzipSync(readFileSync(good));
  while (raw.length >= 512 && raw.subarray(-512).every((b) => b === 0)) raw = raw.subarray(0, -512);
  writeFileSync(out, gzipSync(Buffer.concat([raw, ...added, Buffer.alloc(1024)])));
  return out;
}

describe('archive --verify refuses an entry tar -x should not create', () => {
  const dirs = useTempDir('each');
  const rule = 'only regular files and folders inside zongshu-site/ belong in a site archive, so do not extract this one: write a new one with npm run archive';
  const ok = entry({ path: `${archiveRoot}/ok.txt` }, Buffer.from('ok'));

  it('takes an archive repacked by system tar, folders and all', async () => {
    const dir = dirs();
    const { good, unpacked } = smallArchive(dir);
    await good;
    await run('tar', ['-czf', join(dir, 'repacked.tar.gz'), '-C', unpacked, archiveRoot]);
    expect(await verifyArchive(join(dir, 'repacked.tar.gz'))).toEqual([]);
  });

  it('refuses a symbolic link to /etc/passwd, as npm run archive -- --verify, exit 1', async () => {
    const dir = dirs();
    const { good, unpacked, files } = smallArchive(dir);
    await good;
    symlinkSync('/etc/passwd', join(unpacked, archiveRoot, 'passwd'));
    const bad = join(dir, 'bad.tar.gz');
    await tar.create({ gzip: true, file: bad, cwd: unpacked, portable: true }, [...files, `${archiveRoot}/passwd`]);
    const message = `zongshu-site/passwd is a symbolic link to /etc/passwd; ${rule}`;
    expect(await verifyArchive(bad)).toEqual([message]);
    const failed = await run(tsx, ['scripts/archive.ts', '--lang', 'en', '--verify', bad], { cwd: repoRoot }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stderr).toBe(`error   ${message}\n`);
    expect(failed.stdout).toContain('1 problem; do not extract or publish it: write a new archive with npm run archive');
  });

  it('refuses a hard link and a second top folder', async () => {
    const dir = dirs();
    const { good, unpacked, files } = smallArchive(dir);
    await good;
    linkSync(join(unpacked, archiveRoot, 'index.html'), join(unpacked, archiveRoot, 'copy.html'));
    mkdirSync(join(unpacked, 'other'));
    writeFileSync(join(unpacked, 'other/x.txt'), 'x');
    const bad = join(dir, 'bad.tar.gz');
    await tar.create({ gzip: true, file: bad, cwd: unpacked, portable: true }, [...files, `${archiveRoot}/copy.html`, 'other/x.txt']);
    expect(await verifyArchive(bad)).toEqual([
      `zongshu-site/copy.html is a hard link to zongshu-site/index.html; ${rule}`,
      `other/x.txt is outside the archive's single top folder zongshu-site/; ${rule}`,
    ]);
  });

  const dotDot = "has a '..' segment, which tar -x can follow out of the folder it unpacks into";
  it.each([
    ['an absolute path', [entry({ path: '/etc/x' })], '/etc/x is an absolute path, which tar -x can write outside the folder it unpacks into'],
    ["top/../x", [entry({ path: `${archiveRoot}/../x` })], `zongshu-site/../x ${dotDot}`],
    ["top/a/../../x", [entry({ path: `${archiveRoot}/a/../../x` })], `zongshu-site/a/../../x ${dotDot}`],
    ["a '..' folder", [entry({ path: '../', type: 'Directory' })], `../ ${dotDot}`],
    ['a path outside the top folder', [entry({ path: 'x.txt' })], "x.txt is outside the archive's single top folder zongshu-site/"],
    ["a '.' segment", [entry({ path: `./${archiveRoot}/x.txt` })], "./zongshu-site/x.txt is not a plain path: it has an empty or '.' segment"],
    ['a backslash', [entry({ path: `${archiveRoot}\\..\\..\\x` })], 'zongshu-site\\..\\..\\x has a drive letter or a backslash, which tar programs on Windows read as a path of their own'],
    ['the top folder as a file', [entry({ path: archiveRoot })], 'zongshu-site names the top folder but is not a folder'],
    ['a hard link out of the archive', [entry({ path: `${archiveRoot}/shadow`, type: 'Link', linkpath: '/etc/shadow' })], 'zongshu-site/shadow is a hard link to /etc/shadow'],
    ['a character device', [entry({ path: `${archiveRoot}/tty`, type: 'CharacterDevice', devmaj: 5, devmin: 0 })], 'zongshu-site/tty is a character device'],
    ['a block device', [entry({ path: `${archiveRoot}/sda`, type: 'BlockDevice', devmaj: 8, devmin: 0 })], 'zongshu-site/sda is a block device'],
    ['a FIFO', [entry({ path: `${archiveRoot}/pipe`, type: 'FIFO' })], 'zongshu-site/pipe is a FIFO (named pipe)'],
    ['a setuid file', [entry({ path: `${archiveRoot}/run`, mode: 0o4755 }, Buffer.from('#!/bin/sh'))], 'zongshu-site/run has the setuid or setgid bit (mode 4755), which tar -x run as root keeps'],
    ['a file twice', [entry({ path: `${archiveRoot}/index.html` }, Buffer.from('other'))], 'zongshu-site/index.html appears twice, and tar -x would overwrite the first with the second'],
    ['a link with a bad name', [entry({ path: '/tmp/l', type: 'SymbolicLink', linkpath: '/etc/passwd' })], '/tmp/l is a symbolic link to /etc/passwd, and is an absolute path, which tar -x can write outside the folder it unpacks into'],
    ['a pax path with ..', [pax([['path', `${archiveRoot}/../../x`]]), ok], `zongshu-site/../../x ${dotDot}`],
    ['a GNU long name with ..', [entry({ path: '././@LongLink', type: 'NextFileHasLongPath' }, Buffer.from(`${archiveRoot}/../../x\0`)), ok], `zongshu-site/../../x ${dotDot}`],
    ['a pax keyword the tar package skips', [pax([['GNU.sparse.name', '../../x']]), ok], 'zongshu-site/ok.txt has the pax keyword GNU.sparse.name, which the tar package skips and other tar programs apply'],
    ['two names for one entry', [entry({ path: '././@LongLink', type: 'NextFileHasLongPath' }, Buffer.from(`${archiveRoot}/ok.txt`)), pax([['path', '../x']]), ok], "../x has a '..' segment, which tar -x can follow out of the folder it unpacks into, and is named by 2 extended headers, which tar programs combine differently"],
    ['a type the tar package skips', [withTypeFlag(entry({ path: `${archiveRoot}/s.txt` }, Buffer.from('s')), 'S')], 'zongshu-site/s.txt is a tar entry of type SparseFile, which the tar package skips, and other tar programs may extract as a file'],
    ['an unknown type', [withTypeFlag(entry({ path: `${archiveRoot}/z.txt` }, Buffer.from('z')), 'Z')], 'zongshu-site/z.txt is a tar entry of a type the tar package does not know, which it skips, and other tar programs may extract as a file'],
    ['a control character in a name', [entry({ path: `${archiveRoot}/a\nerror   b/../../x` })], `"zongshu-site/a\\nerror   b/../../x" ${dotDot}`],
  ])('refuses %s, naming the entry', async (_, added, expected) => {
    const dir = dirs();
    const { good } = smallArchive(dir);
    expect(await verifyArchive(withEntries(await good, join(dir, 'bad.tar.gz'), ...added))).toEqual([`${expected}; ${rule}`]);
  });

  it('refuses a global pax header, which other tar programs apply to every name after it', async () => {
    const dir = dirs();
    const { good } = smallArchive(dir);
    const bad = withEntries(await good, join(dir, 'bad.tar.gz'), pax([['path', '../../x']], 'GlobalExtendedHeader'), ok);
    expect(await verifyArchive(bad)).toEqual([`${bad} has a global pax header, which some tar programs apply to the name of every entry after it; ${rule}`, 'zongshu-site/ok.txt is in the archive but not in the manifest']);
  });

  it('still checks the manifest beside a refused entry', async () => {
    const dir = dirs();
    const { good } = smallArchive(dir);
    const bad = withEntries(await good, join(dir, 'bad.tar.gz'), entry({ path: `${archiveRoot}/sub/page.html`, type: 'SymbolicLink', linkpath: '/etc/passwd' }), ok);
    const problems = await verifyArchive(bad);
    expect(problems).toEqual([`zongshu-site/sub/page.html is a symbolic link to /etc/passwd; ${rule}`, 'zongshu-site/ok.txt is in the archive but not in the manifest']);
  });
});
