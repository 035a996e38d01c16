/**
 * Writes files into a site folder, making each folder once: thousands of pages share a few hundred
 * folders. It tells the SHA-256 of what it wrote to each path, for the site's manifest
 * (src/build/incremental/siteManifest.ts), which otherwise reads every file back to hash it.
 *
 * Given the files of the site it replaces that were found as their manifest has them (`previous`:
 * site path → SHA-256), it writes no file whose content is the one there, and tells it instead: the
 * build keeps that file where it is (pageReuse.ts carryOverFile). A page made again because something
 * it shows changed mostly has charts and tables that did not: after every figure of one province
 * changed, 2,950 of the 5,958 files a national rebuild wrote were byte for byte those it replaced, each
 * opened, written, and moved in place of its twin.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `path`: the file's path within the site folder. */
export type SiteFileWriter = (path: string, content: string) => void;

/** Files of the site being replaced, found intact, by site path: their SHA-256 (hex). */
export type PreviousFiles = ReadonlyMap<string, string>;

/**
 * `wrote`: told each path written and the SHA-256 (hex) of its content; `kept`: told each path not written because
 * `previous()` has it with that content.
 */
export function siteFileWriter(siteDir: string, wrote?: (path: string, sha256: string) => void, previous?: () => PreviousFiles, kept?: (path: string, sha256: string) => void): SiteFileWriter {
  const folders = new Set<string>();
  /** Paths written here: one written again is written whatever it holds, so that the last write is the file, as without `previous`. */
  const writtenHere = new Set<string>();
  return (path, content) => {
    // Encoded once, for the file and its hash alike.
    const bytes = Buffer.from(content);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (kept && !writtenHere.has(path) && previous?.().get(path) === sha256) {
      kept(path, sha256);
      return;
    }
    writtenHere.add(path);
    const target = join(siteDir, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, bytes);
    wrote?.(path, sha256);
  };
}
