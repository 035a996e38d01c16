/**
 * A page hands its data, its table and its charts' tables to whoever renders it (src/session.ts),
 * so the downloads are written from the page data the page itself was built from, once, and a
 * build can tell an unchanged page. A page that reads only part of the data set names that part
 * (its scope): when the build knows that part unchanged since the last build, the page's data is
 * not made at all.
 */
import type { ChartSpec } from './chartData.ts';
import type { PageTable } from './pageTables.ts';
import type { Observation } from '../schema/observation.ts';

export interface PublishedPage {
  table: PageTable;
  charts: readonly ChartSpec[];
  /** The page data itself: what the build hashes to tell whether the page changed since the last build. */
  data: unknown;
}

/**
 * The part of the data set a page reads besides the catalog every page reads: one province's rows
 * and narratives, or one source's rows. `beyond`: what else a page of a province reads, as plain
 * data made cheaply (a review's chart of other provinces), hashed with the province's part. A unit
 * page reads less than its province: the rows of the province's units (`unitsOf`), and of its
 * committee only the rows behind the figures it sets beside the units' (`committeeRows`).
 */
export type PartScope = { province: string; beyond?: unknown } | { source: string } | { unitsOf: string; committeeRows: readonly Observation[] };

/**
 * The figures of some metrics across every province and unit: every row of each metric, wherever it stands (a page of
 * one metric reads its own, a ratio's parts and the branch count). `beyond` as for a province's part. Such a page shows
 * only some of what it reads (a figure per 100 branches for the latest periods): made again, it is kept when its data
 * came out the same.
 */
export type MetricsScope = { metrics: readonly string[]; beyond?: unknown };

/** A part, the rows of several provinces, not their narratives (a page comparing two provinces' figures reads both, and nothing else), or the rows of some metrics. */
export type PageScope = PartScope | { provinces: readonly string[] } | MetricsScope;

/** A page of a route that reads only part of the data set: where it goes, and what it reads. */
export interface ScopedPage {
  path: string;
  scope: PageScope;
}

/** The page data with its table and its charts, made from it by `table` and `charts`. */
export function publication<P>(page: P, table: (page: P) => PageTable, charts: (page: P) => readonly ChartSpec[] = () => []): PublishedPage {
  return { table: table(page), charts: charts(page), data: page };
}
