/**
 * A folder of files kept across builds, one per key (a hash of what the file
 * was made from): the drawn charts and the pages' search texts. A file is
 * written aside and renamed into place, so an interrupted build leaves no half
 * file that a later build would take for a whole one. Deleting the folder is
 * always safe.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyedFiles {
  /** The text kept under a key; undefined when there is none. */
  get(key: string): string | undefined;
  set(key: string, text: string): void;
  /** Deletes the files of every key but these, so the folder does not grow build after build. */
  keepOnly(keys: ReadonlySet<string>): void;
}

/** `extension` with its dot: `.svg`. */
export function keyedFiles(dir: string, extension: string): KeyedFiles {
  const path = (key: string) => join(dir, `${key}${extension}`);
  let made = false;
  return {
    get(key) {
      try {
        return readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(key, text) {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const partial = `${path(key)}.${process.pid}.partial`;
      writeFileSync(partial, text);
      renameSync(partial, path(key));
    },
    keepOnly(keys) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) if (!(name.endsWith(extension) && keys.has(name.slice(0, -extension.length)))) rmSync(join(dir, name), { force: true });
    },
  };
}
