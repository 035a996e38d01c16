/**
 * Writes files into a site folder, making each folder once: thousands of pages share a few hundred
 * folders. It tells the SHA-256 of what it wrote to each path, for the site's manifest
 * (src/build/incremental/siteManifest.ts), which otherwise reads every file back to hash it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `path`: the file's path within the site folder. */
export type SiteFileWriter = (path: string, content: string) => void;

/** `wrote`: told each path written and the SHA-256 (hex) of its content. */
export function siteFileWriter(siteDir: string, wrote?: (path: string, sha256: string) => void): SiteFileWriter {
  const folders = new Set<string>();
  return (path, content) => {
    const target = join(siteDir, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    // Encoded once, for the file and its hash alike.
    const bytes = Buffer.from(content);
    writeFileSync(target, bytes);
    wrote?.(path, createHash('sha256').update(bytes).digest('hex'));
  };
}
