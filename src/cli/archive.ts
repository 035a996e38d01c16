/**
 * One archive file of a built site (its data package included): a gzipped tar
 * whose entries are sorted and dated alike, so the same site always gives the
 * same bytes, with MANIFEST.sha256 listing the SHA-256 of every file. Written,
 * then read back and verified: its entries are read without extracting any, and
 * anything but a regular file or folder inside the top folder is refused.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as tar from 'tar';
import { OptionError } from './options.ts';

/** Top folder of every archive. */
export const archiveRoot = 'zongshu-site';
export const manifestName = 'MANIFEST.sha256';
const manifestPath = `${archiveRoot}/${manifestName}`;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'))
    .sort();
}

/** `sha256sum` format: the hash, two spaces, the path. */
export function manifestText(hashes: ReadonlyArray<readonly [path: string, hash: string]>): string {
  return hashes.map(([path, hash]) => `${hash}  ${path}\n`).join('');
}

export async function writeArchive(siteDir: string, outFile: string): Promise<{ files: number; manifestHash: string }> {
  if (!existsSync(join(siteDir, 'index.html'))) throw new OptionError(`${siteDir} 里没有生成好的网站（缺少 index.html）：请先运行 npm run build`, `${siteDir} holds no built site: run npm run build first`);
  // A folder given as the archive would fail deep in tar with EISDIR.
  if (existsSync(outFile) && statSync(outFile).isDirectory()) {
    throw new OptionError(`${outFile} 是一个文件夹：--out 要给出归档文件的名字，例如 ${join(outFile, 'zongshu-site.tar.gz')}`, `${outFile} is a folder: give --out the archive's file name, such as ${join(outFile, 'zongshu-site.tar.gz')}`);
  }
  const work = await mkdtemp(join(tmpdir(), 'zongshu-archive-'));
  try {
    const root = join(work, archiveRoot);
    await cp(siteDir, root, { recursive: true });
    const files = await filesOf(root);
    const hashes = await Promise.all(files.map(async (path): Promise<[string, string]> => [path, sha256(await readFile(join(root, path)))]));
    const manifest = manifestText(hashes);
    await writeFile(join(root, manifestName), manifest);
    await mkdir(dirname(outFile), { recursive: true });
    const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
    await tar.create(
      { gzip: { level: 9 }, file: outFile, cwd: work, portable: true, noDirRecurse: true, mtime: new Date(epoch * 1000) },
      [manifestPath, ...files.map((f) => `${archiveRoot}/${f}`)],
    );
    return { files: files.length, manifestHash: sha256(manifest) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Extended-header keywords the tar package reads. Others (GNU.sparse.name, say) some tar programs apply and it skips, so they are refused. */
const knownPaxKeywords = new Set(['path', 'linkpath', 'size', 'mtime', 'atime', 'ctime', 'uid', 'gid', 'uname', 'gname', 'charset', 'comment', 'SCHILY.dev', 'SCHILY.ino', 'SCHILY.nlink']);
/** Entry types tar -x writes as a regular file. */
const regularFileTypes = new Set(['File', 'OldFile', 'ContiguousFile']);
const entryKinds: Record<string, string> = {
  Link: 'a hard link',
  SymbolicLink: 'a symbolic link',
  CharacterDevice: 'a character device',
  BlockDevice: 'a block device',
  FIFO: 'a FIFO (named pipe)',
  GNUDumpDir: 'a GNU incremental dump folder',
};
const rule = `only regular files and folders inside ${archiveRoot}/ belong in a site archive, so do not extract this one: write a new one with npm run archive`;

/** An entry name as printed: quoted when it holds control characters, so it cannot forge a line of the report. */
const shown = (name: string) => (/[\u0000-\u001f\u007f]/u.test(name) ? JSON.stringify(name) : name);

/** Why an entry's name could not be extracted as a file of the site, if it could not. */
function nameProblem(path: string, isFolder: boolean): string | undefined {
  if (path.startsWith('/')) return 'is an absolute path, which tar -x can write outside the folder it unpacks into';
  if (/^[a-z]:/iu.test(path) || path.includes('\\')) return 'has a drive letter or a backslash, which tar programs on Windows read as a path of their own';
  const segments = path.replace(/\/$/u, '').split('/');
  if (segments.includes('..')) return "has a '..' segment, which tar -x can follow out of the folder it unpacks into";
  if (segments.some((s) => s === '' || s === '.')) return "is not a plain path: it has an empty or '.' segment";
  if (segments[0] !== archiveRoot) return `is outside the archive's single top folder ${archiveRoot}/`;
  if (segments.length === 1 && !isFolder) return 'names the top folder but is not a folder';
  return undefined;
}

/** Why an entry the tar package reads may not be in a site archive: its kind, its name, its mode, its extended headers. */
function entryProblems(entry: tar.ReadEntry, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const type: string = entry.type;
  const isFolder = type === 'Directory';
  if (!isFolder && !regularFileTypes.has(type)) {
    const kind = entryKinds[type] ?? `a tar entry of type ${type}`;
    problems.push(`is ${kind}${entry.linkpath ? ` to ${shown(entry.linkpath)}` : ''}`);
  }
  const badName = nameProblem(entry.path, isFolder);
  if (badName) problems.push(badName);
  if (!isFolder && (entry.mode ?? 0) & 0o6000) problems.push(`has the setuid or setgid bit (mode ${(entry.mode ?? 0).toString(8)}), which tar -x run as root keeps`);
  if (headers.length > 1) problems.push(`is named by ${headers.length} extended headers, which tar programs combine differently`);
  const unknown = headers.flatMap((text) => text.split('\n').flatMap((line) => /^\d+ ([^=]*)=/u.exec(line)?.[1] ?? []).filter((k) => !knownPaxKeywords.has(k)));
  if (unknown.length > 0) problems.push(`has the pax keyword ${unknown.map(shown).join(', ')}, which the tar package skips and other tar programs apply`);
  return problems;
}

interface ArchiveContents {
  /** SHA-256 of each regular file, by path. */
  found: Map<string, string>;
  manifest: string | undefined;
  /** One message for each entry refused. */
  refused: string[];
}

/** Reads every entry without writing anything: the hash of each regular file, the manifest's text, and every entry refused. */
async function readArchive(file: string): Promise<ArchiveContents> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const refused: string[] = [];
  const pending: Array<Promise<void>> = [];
  let manifest: string | undefined;
  let headers: string[] = [];
  let globalHeader = false;
  const refuse = (path: string, problems: readonly string[]) => refused.push(`${shown(path)} ${problems.join(', and ')}; ${rule}`);
  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      const problems = entryProblems(entry, headers);
      headers = [];
      if (entry.globalExtended && !globalHeader) {
        globalHeader = true;
        refused.push(`${file} has a global pax header, which some tar programs apply to the name of every entry after it; ${rule}`);
      }
      const path = entry.path.replace(/\/$/u, '');
      if (problems.length === 0 && seen.has(path)) problems.push('appears twice, and tar -x would overwrite the first with the second');
      seen.add(path);
      if (problems.length > 0) refuse(entry.path, problems);
      else if (regularFileTypes.has(entry.type)) {
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        pending.push(
          new Promise((resolve, reject) => {
            entry.on('data', (chunk: Buffer) => {
              hash.update(chunk);
              if (path === manifestPath) chunks.push(chunk);
            });
            entry.on('end', () => {
              found.set(path, hash.digest('hex'));
              if (path === manifestPath) manifest = Buffer.concat(chunks).toString('utf8');
              resolve();
            });
            entry.on('error', reject);
          }),
        );
      }
      entry.resume();
    },
  });
  parser.on('meta', (text: string) => headers.push(text));
  parser.on('ignoredEntry', (entry: tar.ReadEntry) => {
    headers = [];
    refuse(entry.path, [
      entry.meta
        ? `is an extended header (${entry.type}) longer than the tar package reads, which other tar programs apply to the next entry`
        : `is a tar entry of ${entry.type === 'Unsupported' ? 'a type the tar package does not know, which it skips' : `type ${entry.type}, which the tar package skips`}, and other tar programs may extract as a file`,
    ]);
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', resolve);
    const stream = createReadStream(file);
    stream.on('error', reject);
    stream.pipe(parser);
  });
  await Promise.all(pending);
  return { found, manifest, refused };
}

/**
 * Everything wrong with an archive: unreadable; an entry tar -x should not create (a link, a device, a FIFO, a name
 * that leaves the top folder, ...); the manifest missing; a file missing, changed or not listed. Empty when it is sound.
 */
export async function verifyArchive(file: string): Promise<string[]> {
  if (!existsSync(file)) return [`${file} does not exist`];
  let read: ArchiveContents;
  try {
    read = await readArchive(file);
  } catch (error) {
    return [`${file} is not a gzipped tar archive: ${(error as Error).message}`];
  }
  const { found, manifest, refused } = read;
  if (found.size === 0 && refused.length === 0) return [`${file} is not a gzipped tar archive of a site: it holds no files`];
  if (manifest === undefined) return [...refused, `${file} has no ${manifestPath}`];
  const listed = new Map<string, string>(
    manifest
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => [`${archiveRoot}/${line.slice(66)}`, line.slice(0, 64)] as const),
  );
  const problems = [...refused];
  for (const [path, hash] of listed) {
    const actual = found.get(path);
    if (actual === undefined) problems.push(`${shown(path)} is listed in the manifest but missing from the archive`);
    else if (actual !== hash) problems.push(`${shown(path)} has changed: SHA-256 ${actual}, manifest ${hash}`);
  }
  for (const path of found.keys()) {
    if (path !== manifestPath && !listed.has(path)) problems.push(`${shown(path)} is in the archive but not in the manifest`);
  }
  return problems;
}
