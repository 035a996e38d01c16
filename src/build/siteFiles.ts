/** The files of a site folder as site paths, files carried from one site into the next, and the removal of a whole site. */
import { linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Every file under `dir`, as a path within it with `/` between folders, in code-point order. Paths
 * are cut from the folder's own path, not worked out with `relative` (a national site has 23,000
 * files: 0.1 s of resolving paths).
 */
export function siteFilesUnder(dir: string): string[] {
  const root = resolve(dir);
  const files: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const folder = entry.parentPath === root ? '' : `${entry.parentPath.slice(root.length + 1)}${sep}`;
    files.push(`${folder}${entry.name}`.replaceAll('\\', '/'));
  }
  return files.sort();
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

/**
 * Takes files of the previous site into the new one without copying their bytes, over anything
 * written there; false when one is not there. An incremental national build carries ~25k files:
 * one link each, with a folder made once and a file replaced only where there was one, rather
 * than four calls to the file system per file.
 */
export function fileCarrier(previousSite: string, siteDir: string): (path: string) => boolean {
  const folders = new Set<string>();
  return (path) => {
    const from = join(previousSite, path);
    const to = join(siteDir, path);
    const folder = dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      if (code !== 'EEXIST') throw error;
      rmSync(to);
      linkSync(from, to);
    }
    return true;
  };
}
