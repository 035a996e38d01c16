/**
 * A page hands its data, its table and its charts' tables to the build as its
 * route renders, so the downloads are written from the page data the page
 * itself was built from, once, and the build can tell an unchanged page.
 * Nothing is published when no publisher is installed (dev server, tests).
 * A page that reads only part of the data set names that part (its scope):
 * when the build knows that part unchanged since the last build, the page's
 * data is not made at all, and the page is not even rendered when its route
 * leaves it out of its paths (`stillToMake`).
 */
import type { ChartSpec } from './chartData.ts';
import type { PageTable } from './pageTables.ts';

export interface PublishedPage {
  table: PageTable;
  charts: readonly ChartSpec[];
  /** The page data itself: what the build hashes to tell whether the page changed since the last build. */
  data: unknown;
}

export type PagePublisher = (page: PublishedPage) => void;

/**
 * The part of the data set a page reads besides the catalog every page reads: one province's rows
 * and narratives, or one source's rows. `beyond`: what else a page of a province reads, as plain
 * data made cheaply (a review's chart of other provinces), hashed with the province's part.
 */
export type PageScope = { province: string; beyond?: unknown } | { source: string };

/** Whether the page at `path`, which reads only `scope`, is the same as in the last build. */
export type UnchangedScope = (path: string, scope: PageScope) => boolean;

const slot = Symbol.for('zongshu.pagePublisher');
const scopeSlot = Symbol.for('zongshu.unchangedScope');
type Slots = Record<symbol, PagePublisher | UnchangedScope | undefined>;

export function installPagePublisher(publisher: PagePublisher | undefined, unchangedScope?: UnchangedScope): void {
  (globalThis as Slots)[slot] = publisher;
  (globalThis as Slots)[scopeSlot] = unchangedScope;
}

const noCharts = (): readonly ChartSpec[] => [];

/** Returns the page data as it is, after handing its table and its charts (made from it by `table` and `charts`) to the publisher. */
export function published<P>(page: P, table: (page: P) => PageTable, charts: (page: P) => readonly ChartSpec[] = noCharts): P {
  ((globalThis as Slots)[slot] as PagePublisher | undefined)?.({ table: table(page), charts: charts(page), data: page });
  return page;
}

/** As `published`, for a page that reads only `scope`: undefined, and no data made, when the build knows the page unchanged. */
export function publishedWithin<P>(path: string, scope: PageScope, make: () => P, table: (page: P) => PageTable, charts: (page: P) => readonly ChartSpec[] = noCharts): P | undefined {
  if (((globalThis as Slots)[scopeSlot] as UnchangedScope | undefined)?.(path, scope)) return undefined;
  return published(make(), table, charts);
}

/** A page of a route that reads only part of the data set: where it goes, and what it reads. */
export interface ScopedPage {
  path: string;
  scope: PageScope;
}

/**
 * The entries of a route whose pages are still to be made, for its getStaticPaths: a page the
 * build knows unchanged is left out, so Astro spends nothing on it, and the build links its previous
 * HTML in place. Outside a build (dev server, tests) every entry stays.
 */
export function stillToMake<E>(entries: readonly E[], pageOf: (entry: E) => ScopedPage): E[] {
  const unchanged = (globalThis as Slots)[scopeSlot] as UnchangedScope | undefined;
  if (!unchanged) return [...entries];
  return entries.filter((entry) => {
    const { path, scope } = pageOf(entry);
    return !unchanged(path, scope);
  });
}
