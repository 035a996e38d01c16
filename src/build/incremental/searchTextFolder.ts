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
  /** Once the texts `set` began to keep are written (keyedFiles.ts). */
  written(): Promise<void>;
  /** Deletes the texts of every hash but these (the pages of the site just built), so the folder does not grow build after build. */
  keepOnly(hashes: ReadonlySet<string>): void;
  /** Kept texts found but not taken (keyedFiles.ts). */
  rejected(): number;
}

function parsed(text: string): SearchTexts | undefined {
  try {
    const texts = JSON.parse(text) as Partial<SearchTexts> | null;
    return typeof texts?.simplified === 'string' && typeof texts.traditional === 'string' ? { simplified: texts.simplified, traditional: texts.traditional } : undefined;
  } catch {
    return undefined;
  }
}

export function searchTextFolder(dir: string): SearchTextFolder {
  // Texts of another shape are no texts: the page is read again.
  const files = keyedFiles(dir, '.json', (text) => parsed(text) !== undefined);
  return {
    get(hash) {
      const text = files.get(hash);
      return text === undefined ? undefined : parsed(text);
    },
    set: (hash, texts) => files.set(hash, JSON.stringify(texts)),
    written: () => files.written(),
    keepOnly: (hashes) => files.keepOnly(hashes),
    rejected: () => files.rejected(),
  };
}
