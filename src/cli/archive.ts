/**
 * One archive file of a built site (its data package included): a gzipped tar
 * whose entries are sorted and dated alike, so the same site always gives the
 * same bytes, with MANIFEST.sha256 listing the SHA-256 of every file. Written,
 * then read back and verified.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as tar from 'tar';

/** Top folder of every archive. */
export const archiveRoot = 'zongshu-site';
export const manifestName = 'MANIFEST.sha256';

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
  if (!existsSync(join(siteDir, 'index.html'))) throw new Error(`${siteDir} holds no built site: run npm run build first`);
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
      [`${archiveRoot}/${manifestName}`, ...files.map((f) => `${archiveRoot}/${f}`)],
    );
    return { files: files.length, manifestHash: sha256(manifest) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Everything wrong with an archive: unreadable, manifest missing, a file missing, changed or not listed. Empty when it is sound. */
export async function verifyArchive(file: string): Promise<string[]> {
  if (!existsSync(file)) return [`${file} does not exist`];
  const found = new Map<string, string>();
  const pending: Array<Promise<void>> = [];
  try {
    await tar.list({
      file,
      strict: true,
      onReadEntry: (entry) => {
        if (entry.type !== 'File') {
          entry.resume();
          return;
        }
        const hash = createHash('sha256');
        const path = entry.path;
        pending.push(
          new Promise((resolve, reject) => {
            entry.on('data', (chunk: Buffer) => hash.update(chunk));
            entry.on('end', () => {
              found.set(path, hash.digest('hex'));
              resolve();
            });
            entry.on('error', reject);
          }),
        );
      },
    });
    await Promise.all(pending);
  } catch (error) {
    return [`${file} is not a gzipped tar archive: ${(error as Error).message}`];
  }
  if (found.size === 0) return [`${file} is not a gzipped tar archive of a site: it holds no files`];
  const manifestPath = `${archiveRoot}/${manifestName}`;
  if (!found.has(manifestPath)) return [`${file} has no ${manifestPath}`];
  const manifest = await readManifestFrom(file, manifestPath);
  const listed = new Map<string, string>(
    manifest
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => [`${archiveRoot}/${line.slice(66)}`, line.slice(0, 64)] as const),
  );
  const problems: string[] = [];
  for (const [path, hash] of listed) {
    const actual = found.get(path);
    if (actual === undefined) problems.push(`${path} is listed in the manifest but missing from the archive`);
    else if (actual !== hash) problems.push(`${path} has changed: SHA-256 ${actual}, manifest ${hash}`);
  }
  for (const path of found.keys()) {
    if (path !== manifestPath && !listed.has(path)) problems.push(`${path} is in the archive but not in the manifest`);
  }
  return problems;
}

async function readManifestFrom(file: string, manifestPath: string): Promise<string> {
  let text = '';
  await tar.list({
    file,
    filter: (path) => path === manifestPath,
    onReadEntry: (entry) => {
      entry.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    },
  });
  return text;
}
