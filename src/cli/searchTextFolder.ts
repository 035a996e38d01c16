/**
 * The searchable text of both editions of a page (src/lib/site/searchText.ts),
 * kept in a folder across builds under the page's hash, which is that of
 * everything the page is made from. A page found unchanged gives the search
 * index its texts from here, so neither of its editions is read from disk or
 * cut down again: at national scale that is two hundred kilobytes of HTML per
 * edition against a few kilobytes of text.
 */
import { keyedFiles } from './keyedFiles.ts';

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
  const files = keyedFiles(dir, '.json');
  return {
    get(hash) {
      const text = files.get(hash);
      if (text === undefined) return undefined;
      // A file that is not whole JSON (written by hand, or by another tool) is no texts: the page is read again.
      try {
        return JSON.parse(text) as SearchTexts;
      } catch {
        return undefined;
      }
    },
    set: (hash, texts) => files.set(hash, JSON.stringify(texts)),
    keepOnly: (hashes) => files.keepOnly(hashes),
  };
}
