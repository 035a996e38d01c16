/**
 * Hands pages of both editions to the search index while the site is still
 * being built, in an order that does not depend on which page finished first:
 * the index numbers pages in the order it is given them (src/build/searchIndex.ts), and a build must
 * write the same index whether it rendered every page or only changed ones,
 * and whichever of the pages Astro renders at once finished first. The order
 * is that of the site's page list (src/lib/pages/site.ts pagePaths), known
 * before any page renders; a page waits until those before it have come.
 * Pages outside that list (none, so far) follow in path order.
 */
import { traditionalRoot } from '../lib/site/navigation.ts';
import type { SearchTexts } from './incremental/searchTextFolder.ts';

export interface SearchFeed {
  /** The texts of a page, in any order. */
  provide(path: string, texts: SearchTexts): void;
  /** Whether the page's texts were provided. */
  has(path: string): boolean;
  /** Once every page is provided: waits until the index has taken them all; a page of the order with no texts is an error. */
  finish(): Promise<void>;
}

export type AddToIndex = (path: string, searchable: string) => Promise<void>;

/** `order`: the paths of the site's pages, in the order the index takes them. */
export function searchFeed(add: AddToIndex, order: readonly string[]): SearchFeed {
  const listed = new Set(order);
  const waiting = new Map<string, SearchTexts>();
  const provided = new Set<string>();
  let next = 0;
  let added: Promise<void> = Promise.resolve();
  const enqueue = (path: string) => {
    const texts = waiting.get(path) as SearchTexts;
    waiting.delete(path);
    added = added.then(() => add(path, texts.simplified)).then(() => add(`${traditionalRoot}/${path}`, texts.traditional));
  };
  return {
    provide(path, texts) {
      if (provided.has(path)) throw new Error(`search index: ${path} was given twice`);
      provided.add(path);
      waiting.set(path, texts);
      for (let at = order[next]; at !== undefined && waiting.has(at); at = order[++next]) enqueue(at);
    },
    has: (path) => provided.has(path),
    async finish() {
      const missing = order.slice(next).filter((path) => !waiting.has(path));
      if (missing.length > 0) throw new Error(`search index: no text for ${missing.slice(0, 5).join(', ')}`);
      for (const path of [...waiting.keys()].filter((p) => !listed.has(p)).sort()) enqueue(path);
      await added;
    },
  };
}
