// Plain JavaScript, so that scripts/run.mjs can use it before anything TypeScript is loaded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The installed dependencies as a checkout fixes them: the lock file, and the patches `npm install`
 * applies to them (patches/, by patch-package). Every code hash takes both in.
 * @type {readonly string[]}
 */
export const lockedDependencies = ['package-lock.json', 'patches'];

/**
 * SHA-256 (hex) over files under `root`: every file of each folder in `paths`, and each file
 * named there, by its path from the root and its bytes, in name order. What a build keeps in its
 * caches, or runs from a bundle, is keyed by such a hash of the code it came from.
 * @param {string} root
 * @param {readonly string[]} paths
 * @returns {string}
 */
export function treeHash(root, paths) {
  const hash = createHash('sha256');
  /** @param {string} path */
  const add = (path) => {
    if (statSync(join(root, path)).isDirectory()) {
      for (const name of readdirSync(join(root, path)).sort()) add(join(path, name));
    } else {
      hash.update(path).update('\0').update(readFileSync(join(root, path))).update('\0');
    }
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}
