/** Writes files into a site folder, making each folder once: thousands of pages share a few hundred folders. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `path`: the file's path within the site folder. */
export type SiteFileWriter = (path: string, content: string) => void;

export function siteFileWriter(siteDir: string): SiteFileWriter {
  const folders = new Set<string>();
  return (path, content) => {
    const target = join(siteDir, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, content);
  };
}
