/**
 * The searchable text of both editions of a page (src/lib/site/searchText.ts),
 * kept in a folder across builds under the page's hash, which is that of
 * everything the page is made from. A page found unchanged gives the search
 * index its texts from here, so neither of its editions is read from disk or
 * cut down again: at national scale that is two hundred kilobytes of HTML per
 * edition against a few hundred characters of text.
 *
 * The texts of all the pages of a build are kept as one sealed file (sealed.ts),
 * read whole at the first page asked for: a file per page made an incremental
 * national build open and read 3,800 small files, 0.11-0.17 s of its main thread
 * against 0.04-0.06 s for the one file.
 * A file that does not unseal or hold texts of the expected shape is no file: its
 * pages' texts are read from their HTML again, and it counts once as rejected.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processRuns } from '../publishSite.ts';
import { readSealed, writeSealed } from './sealed.ts';

export interface SearchTexts {
  simplified: string;
  traditional: string;
}

export interface SearchTextFolder {
  /** The texts kept for a page hash; undefined when there are none. */
  get(hash: string): SearchTexts | undefined;
  /** Keeps a page's texts under its hash, for `write`. */
  set(hash: string, texts: SearchTexts): void;
  /**
   * Writes the texts of these hashes (the pages of the build that is finishing), kept or set, as the folder's
   * file, and deletes everything else in the folder, so that it does not grow build after build.
   */
  write(hashes: ReadonlySet<string>): void;
  /** 1 when the folder's file was there but not taken (changed, cut short, of another shape); else 0. */
  rejected(): number;
}

/** The name of the file, and the key it is sealed with. */
const fileName = 'texts.json';
const sealKey = 'search-texts';

/** A hash's texts as the file holds them: the simplified edition's, then the Traditional's. */
type Held = [simplified: string, traditional: string];

const isHeld = (value: unknown): value is Held => Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';

/** Whether a file's content is texts by hash. */
const isTexts = (value: unknown): value is Record<string, Held> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isHeld);

export function searchTextFolder(dir: string): SearchTextFolder {
  const path = join(dir, fileName);
  let kept: Map<string, Held> | undefined;
  let rejected = 0;
  /** The kept texts, read at the first asking; a file there that does not read as texts is rejected (no file is a first build, or a cache emptied). */
  const keptTexts = (): Map<string, Held> => {
    if (kept) return kept;
    const texts = readSealed(path, sealKey, isTexts);
    if (!texts && existsSync(path)) rejected = 1;
    kept = new Map(Object.entries(texts ?? {}));
    return kept;
  };
  const added = new Map<string, Held>();
  return {
    get(hash) {
      const held = added.get(hash) ?? keptTexts().get(hash);
      return held && { simplified: held[0], traditional: held[1] };
    },
    set(hash, texts) {
      added.set(hash, [texts.simplified, texts.traditional]);
    },
    write(hashes) {
      const texts: Record<string, Held> = {};
      for (const hash of [...hashes].sort()) {
        const held = added.get(hash) ?? keptTexts().get(hash);
        if (held) texts[hash] = held;
      }
      mkdirSync(dir, { recursive: true });
      writeSealed(path, sealKey, texts);
      // The files of an older way of keeping texts (one per page), and partial files of builds killed while writing this one.
      for (const name of readdirSync(dir)) {
        const writer = /^texts\.json\.(\d+)\.partial$/u.exec(name)?.[1];
        if (name !== fileName && (writer === undefined || !processRuns(Number(writer)))) rmSync(join(dir, name), { recursive: true, force: true });
      }
    },
    rejected: () => rejected,
  };
}
