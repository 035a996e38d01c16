/**
 * A folder of files kept across builds, one per key (a hash of what the file was made from): the
 * drawn charts and the pages' search texts. Each file is sealed (sealed.ts) and read back only when
 * its key and content still hold, and `accept` may refuse a content of the wrong shape: anything
 * else is a miss, counted in `rejected`, and made again. A file is written aside and renamed into
 * place, so an interrupted build leaves no half file. Deleting the folder is always safe.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal, unseal } from './sealed.ts';

export interface KeyedFiles {
  /** The text kept under a key; undefined when there is none, or none that holds. */
  get(key: string): string | undefined;
  set(key: string, text: string): void;
  /** Deletes the files of every key but these, so the folder does not grow build after build. */
  keepOnly(keys: ReadonlySet<string>): void;
  /** Entries found but not taken: changed, cut short, of another key or shape. */
  rejected(): number;
}

/** `extension` with its dot: `.svg`; `accept`: whether a sealed text has the shape its users expect. */
export function keyedFiles(dir: string, extension: string, accept: (text: string) => boolean = () => true): KeyedFiles {
  const path = (key: string) => join(dir, `${key}${extension}`);
  let made = false;
  let rejected = 0;
  return {
    get(key) {
      let entry: string;
      try {
        entry = readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
      const text = unseal(key, entry);
      if (text !== undefined && accept(text)) return text;
      rejected++;
      return undefined;
    },
    set(key, text) {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const partial = `${path(key)}.${process.pid}.partial`;
      writeFileSync(partial, seal(key, text));
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
    rejected: () => rejected,
  };
}
