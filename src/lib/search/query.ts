/**
 * A search over an edition's index (searchIndex.ts): the pages holding every part of the query,
 * those with every part in their title first, the shortest titles (the closest to the query:
 * 海南 before 海南与青海) foremost, then the others in the order of the site's page list. Never
 * a page without one of the query's words: a run of four or more characters is checked whole
 * in the pages' texts, not only by its threes.
 */
import { searchIndexLayout, type PageRecord } from './searchIndex.ts';
import { fold, foldWithOrigins, queryParts, shardOf, titleTerm, type QueryPart } from './terms.ts';

/** Where the index's files come from: the search page loads them as scripts, tests read them. */
export interface IndexFiles {
  shard(shard: number): Promise<Record<string, number[]>>;
  chunk(chunk: number): Promise<PageRecord[]>;
  /** The length of every page's title, by page number from 1: 3,795 numbers for the national set. */
  titleLengths(): Promise<number[]>;
}

export interface SearchResults {
  parts: QueryPart[];
  /** Page numbers (from 1), best first. */
  pages: number[];
}

/** The pages of a term: its differences summed back into page numbers. */
function pagesOf(differences: readonly number[] | undefined): number[] {
  const pages: number[] = [];
  let page = 0;
  for (const difference of differences ?? []) pages.push((page += difference));
  return pages;
}

/** Ascending lists intersected; undefined stands for every page. */
function intersect(a: number[] | undefined, b: number[]): number[] {
  if (a === undefined) return b;
  const kept = new Set(b);
  return a.filter((page) => kept.has(page));
}

export const chunkOf = (page: number) => Math.floor((page - 1) / searchIndexLayout.pagesPerChunk);

/** The record of a page, its chunk loaded. */
export async function pageRecord(files: IndexFiles, page: number): Promise<PageRecord | undefined> {
  return (await files.chunk(chunkOf(page)))[(page - 1) % searchIndexLayout.pagesPerChunk];
}

export async function search(query: string, files: IndexFiles): Promise<SearchResults> {
  const parts = queryParts(query);
  if (parts.length === 0) return { parts, pages: [] };
  const terms = [...new Set(parts.flatMap((p) => p.terms))];
  const shards = new Map<number, Record<string, number[]>>();
  await Promise.all([...new Set(terms.map((t) => shardOf(t, searchIndexLayout.shards)))].map(async (s) => shards.set(s, await files.shard(s))));
  const listOf = (key: string, term: string) => pagesOf(shards.get(shardOf(term, searchIndexLayout.shards))?.[key]);
  let found: number[] | undefined;
  let titled: number[] | undefined;
  for (const term of terms) {
    found = intersect(found, listOf(term, term));
    titled = intersect(titled, listOf(titleTerm(term), term));
  }
  const whole = parts.filter((p) => p.whole);
  // The threes of a longer run may stand apart on a page: the run is looked for whole.
  const wholeIn = (text: string) => whole.every((p) => text.includes(p.text));
  const titledSet = new Set(titled ?? []);
  // The records of the pages found are read only when a run is looked for whole: a title's length is in a file of its own.
  const toRead = whole.length > 0 ? (found ?? []) : [];
  const records = new Map(await Promise.all(toRead.map(async (page) => [page, await pageRecord(files, page)] as const)));
  const pages = (found ?? []).filter((page) => {
    if (whole.length === 0) return true;
    const record = records.get(page);
    return record !== undefined && wholeIn(fold(`${record[1]} ${record[2]}`));
  });
  const titleOf = (page: number) => records.get(page)?.[1] ?? '';
  const titleHolds = (page: number) => titledSet.has(page) && wholeIn(fold(titleOf(page)));
  const inTitle = pages.filter(titleHolds);
  if (inTitle.length > 1) {
    const lengths = await files.titleLengths();
    inTitle.sort((a, b) => (lengths[a - 1] ?? 0) - (lengths[b - 1] ?? 0) || a - b);
  }
  return { parts, pages: [...inTitle, ...pages.filter((page) => !titleHolds(page))] };
}

export interface ExcerptPiece {
  text: string;
  /** A run of the query, marked. */
  match: boolean;
}

/** Where an excerpt of `length` starts: a quarter of it before the match, so the match has words before it. */
const startBefore = (at: number, length: number) => Math.max(0, at - Math.floor(length / 4));

/**
 * Some words of a page's text around the first place that holds the most parts of the query,
 * the parts marked, as the text is written (not folded). Without any part in the text (found
 * by its title), its beginning.
 */
export function excerpt(text: string, parts: readonly QueryPart[], length = 80): ExcerptPiece[] {
  const { folded, origin } = foldWithOrigins(text);
  const spans: Array<[number, number, number]> = [];
  parts.forEach((part, which) => {
    for (let at = folded.indexOf(part.text); at >= 0; at = folded.indexOf(part.text, at + part.text.length)) spans.push([at, at + part.text.length, which]);
  });
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // The first window holding the most of the query's parts (a few hundred places at most are weighed).
  let from = startBefore(spans[0]?.[0] ?? 0, length);
  let most = 0;
  for (const [start] of spans.slice(0, 300)) {
    const at = startBefore(start, length);
    const held = new Set(spans.filter(([s, e]) => s >= at && e <= at + length).map(([, , which]) => which)).size;
    if (held > most) [most, from] = [held, at];
  }
  const to = Math.min(folded.length, from + length);
  const pieces: ExcerptPiece[] = [];
  const written = (a: number, b: number) => text.slice(origin[a], origin[b]);
  let at = from;
  for (const [start, end] of spans) {
    if (start < at || start >= to) continue;
    if (start > at) pieces.push({ text: written(at, start), match: false });
    pieces.push({ text: written(start, Math.min(end, to)), match: true });
    at = Math.min(end, to);
  }
  if (at < to) pieces.push({ text: written(at, to), match: false });
  if (from > 0) pieces.unshift({ text: '…', match: false });
  if (to < folded.length) pieces.push({ text: '…', match: false });
  return pieces;
}
