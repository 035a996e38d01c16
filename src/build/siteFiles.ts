/** The files of a site folder as site paths, and the removal of a whole site. */
import { readdirSync, rmdirSync, rmSync, unlinkSync, type Dirent } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The entries under `dir` that `take` takes (told apart by the listing, with no stat of their own), as site paths in code-point order. */
function pathsUnder(dir: string, take: (entry: Dirent) => boolean): string[] {
  const root = resolve(dir);
  const paths: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!take(entry)) continue;
    const folder = entry.parentPath === root ? '' : `${entry.parentPath.slice(root.length + 1)}${sep}`;
    paths.push(`${folder}${entry.name}`.replaceAll('\\', '/'));
  }
  return paths.sort();
}

/**
 * Every file under `dir`, as a path within it with `/` between folders, in code-point order. Paths
 * are cut from the folder's own path, not worked out with `relative` (a national site has 23,000
 * files: 0.1 s of resolving paths).
 */
export function siteFilesUnder(dir: string): string[] {
  return pathsUnder(dir, (entry) => entry.isFile());
}

/** Every entry under `dir` that is not a folder (files, and links, which are not followed), as siteFilesUnder gives files. */
export function siteEntriesUnder(dir: string): string[] {
  return pathsUnder(dir, (entry) => !entry.isDirectory());
}

/** Removes the entries of `dir` and then `dir`, each entry told a folder or not by the listing. */
function removeEntries(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeEntries(path);
    else unlinkSync(path);
  }
  rmdirSync(dir);
}

/**
 * Removes a folder and everything in it, as `rm -r` does. Each entry is told a folder or not by
 * the folder's listing, with no stat of its own (fs.rmSync stats every one: 0.6 s of removing a
 * national site of 27,000 files, against 0.3 s). A link is removed, never followed. Should the
 * walk fail (an entry that appeared meanwhile, one that may not be removed), fs.rmSync takes over,
 * and throws what it cannot do.
 */
export function removeFolder(dir: string): void {
  try {
    removeEntries(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}
