/**
 * The searchable text of both editions of a page (src/lib/site/searchText.ts),
 * kept in a folder across builds under the page's hash, which is that of
 * everything the page is made from. A page found unchanged gives the search
 * index its texts from here, so neither of its editions is read from disk or
 * cut down again: at national scale that is two hundred kilobytes of HTML per
 * edition against a few kilobytes of text.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SearchTexts {
  simplified: string;
  traditional: string;
}

export interface SearchTextFolder {
  /** The texts kept for a page hash; undefined when there are none. */
  get(hash: string): SearchTexts | undefined;
  set(hash: string, texts: SearchTexts): void;
  /** Deletes the texts of every hash but these (the pages of the site just built), so the folder does not grow build after build. */
  keepOnly(hashes: ReadonlySet<string>): void;
}

export function searchTextFolder(dir: string): SearchTextFolder {
  const path = (hash: string) => join(dir, `${hash}.json`);
  let made = false;
  return {
    get(hash) {
      try {
        return JSON.parse(readFileSync(path(hash), 'utf8')) as SearchTexts;
      } catch {
        return undefined;
      }
    },
    set(hash, texts) {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      // Written aside and renamed: an interrupted build leaves no half file that a later build would read as texts.
      const partial = `${path(hash)}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(texts));
      renameSync(partial, path(hash));
    },
    keepOnly(hashes) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) if (!hashes.has(name.replace(/\.json$/u, ''))) rmSync(join(dir, name), { force: true });
    },
  };
}
