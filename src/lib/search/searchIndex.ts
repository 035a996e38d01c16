/**
 * The search index of one edition of the site, as files: the pages holding each term, in
 * shards by term (terms.ts shardOf), and the pages' titles and texts, in chunks by page number,
 * for the results and their excerpts. A search loads only the shards of its terms and the
 * chunks of the pages it shows. Every file is a script that hands its data to
 * `zongshuSearch(name, data)` (src/browser/searchPage.ts): a page opened from a folder
 * (file://) may load scripts of its own folder, where it may fetch nothing, so the archived
 * site searches as the served one does.
 *
 * The index is made whole from the pages' documents at every build, in the order of the
 * site's page list: it costs a fraction of a second, and what a search finds never depends on
 * which pages a build rendered.
 */
import type { SearchDocument } from './document.ts';
import { fold, indexTerms, shardOf, titleTerm } from './terms.ts';

/** How the files are cut: the search page's script is built with the same numbers. */
export const searchIndexLayout = {
  /** Shards of terms: 128 keep a shard of the national set's index near 20 KB. */
  shards: 128,
  /** Pages per chunk of titles and texts. */
  pagesPerChunk: 50,
} as const;

export interface IndexedPage {
  /** The page's path from the site's root: hainan/2020.html, zh-Hant/hainan/2020.html. */
  path: string;
  document: SearchDocument;
}

/** A page's record in its chunk: path, title, text. The files are t<shard>.js, p<chunk>.js, and l.js (the titles' lengths). */
export type PageRecord = [path: string, title: string, text: string];

export interface IndexFile {
  /** From the edition's index folder: t12.js, p0.js. */
  name: string;
  content: string;
}

/** Pages by term, as the ascending page numbers' differences (1, 3, 4 as 1, 2, 1): shorter files; and the last page added. */
type Postings = Map<string, { differences: number[]; last: number }>;

function addPosting(postings: Postings, term: string, page: number): void {
  const held = postings.get(term);
  if (held) {
    held.differences.push(page - held.last);
    held.last = page;
  } else {
    postings.set(term, { differences: [page], last: page });
  }
}

export const scriptFile = (name: string, data: unknown) => `zongshuSearch(${JSON.stringify(name)},${JSON.stringify(data)});\n`;

/**
 * An edition's index made a page at a time, pages numbered in the order they are added: the build's
 * index thread (src/build/threads/searchIndexWorker.ts) adds them as the build hands them over (while
 * the pages render, in a build that replaces a site; once they are rendered, in a first build), and
 * cuts the files at the end.
 */
export class SearchIndexBuilder {
  readonly #postings: Postings = new Map();
  readonly #pages: IndexedPage[] = [];

  add(page: IndexedPage): void {
    // Numbered from 1, so that the first difference is never 0.
    const number = this.#pages.push(page);
    const inTitle = indexTerms(fold(page.document.title));
    const terms = indexTerms(fold(page.document.text));
    for (const term of inTitle) terms.add(term);
    for (const term of terms) addPosting(this.#postings, term, number);
    for (const term of inTitle) addPosting(this.#postings, titleTerm(term), number);
  }

  /** The files of the index of the pages added so far. */
  files(): IndexFile[] {
    const { shards, pagesPerChunk } = searchIndexLayout;
    const postings = this.#postings;
    const pages = this.#pages;
    const byShard = Array.from({ length: shards }, () => [] as string[]);
    for (const term of postings.keys()) byShard[shardOf(term.startsWith('^') ? term.slice(1) : term, shards)]?.push(term);
    const files: IndexFile[] = byShard.map((terms, shard) => {
      const data: Record<string, number[]> = {};
      for (const term of terms.sort()) data[term] = postings.get(term)?.differences as number[];
      return { name: `t${shard}.js`, content: scriptFile(`t${shard}`, data) };
    });
    // To order the pages with the query in their title, shortest first, without reading their chunks.
    files.push({ name: 'l.js', content: scriptFile('l', pages.map((p) => p.document.title.length)) });
    for (let chunk = 0; chunk * pagesPerChunk < pages.length; chunk++) {
      const records = pages.slice(chunk * pagesPerChunk, (chunk + 1) * pagesPerChunk).map((p): PageRecord => [p.path, p.document.title, p.document.text]);
      files.push({ name: `p${chunk}.js`, content: scriptFile(`p${chunk}`, records) });
    }
    return files;
  }
}

/** The files of an edition's index; page numbers follow `pages`' order. */
export function searchIndexFiles(pages: readonly IndexedPage[]): IndexFile[] {
  const index = new SearchIndexBuilder();
  for (const page of pages) index.add(page);
  return index.files();
}
