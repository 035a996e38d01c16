/**
 * A folder of files kept across builds, one per key (a hash of what the file was made from): the
 * drawn charts. Each file is sealed (sealed.ts) and read back only when its key and content still
 * hold, and `accept` may refuse a content of the wrong shape: anything else is a miss, counted in
 * `rejected`, and made again. A file is written aside and renamed into
 * place, so an interrupted build leaves no half file. Deleting the folder is always safe.
 *
 * Files are written in the background, a few at a time, on libuv's threads: a national build keeps
 * thousands of them, and written one by one on the thread that renders pages they took seconds of
 * it. `written()` waits for them and says the first that failed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seal, unseal } from './sealed.ts';

/** Files being written at once: enough to keep the disk busy, few enough to stay far below any limit of open files. */
const writesAtOnce = 8;

export interface KeyedFiles {
  /** The text kept under a key; undefined when there is none, or none that holds. */
  get(key: string): string | undefined;
  /** Keeps a text under a key: written in the background (see `written`). */
  set(key: string, text: string): void;
  /** Once every file `set` began is written; rejects with the first write that failed. */
  written(): Promise<void>;
  /** Deletes the files of every key but these, so the folder does not grow build after build. Only after `written`. */
  keepOnly(keys: ReadonlySet<string>): void;
  /** Entries found but not taken: changed, cut short, of another key or shape. */
  rejected(): number;
}

/** `extension` with its dot: `.svg`; `accept`: whether a sealed text has the shape its users expect. */
export function keyedFiles(dir: string, extension: string, accept: (text: string) => boolean = () => true): KeyedFiles {
  const path = (key: string) => join(dir, `${key}${extension}`);
  let made = false;
  let rejected = 0;
  // Sealed texts waiting to be written, by key (a key set again before its write began is written once, with its last text),
  // and the keys being written: a key is never written twice at once, as both writes would share one partial file.
  const waiting = new Map<string, string>();
  const writing = new Set<string>();
  let failure: unknown;
  let idle: Array<() => void> = [];
  const write = async (key: string, sealed: string) => {
    const partial = `${path(key)}.${process.pid}.partial`;
    await writeFile(partial, sealed);
    await rename(partial, path(key));
  };
  const next = () => {
    for (const [key, sealed] of waiting) {
      if (writing.size >= writesAtOnce) break;
      if (writing.has(key)) continue;
      waiting.delete(key);
      writing.add(key);
      write(key, sealed)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          writing.delete(key);
          next();
        });
    }
    if (writing.size === 0 && waiting.size === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
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
      waiting.delete(key);
      waiting.set(key, seal(key, text));
      next();
    },
    async written() {
      if (writing.size > 0 || waiting.size > 0) await new Promise<void>((resolve) => idle.push(resolve));
      if (failure !== undefined) throw failure;
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
