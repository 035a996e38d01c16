/**
 * A page hands its data, its table and its charts' tables to the build as its
 * route renders, so the downloads are written from the page data the page
 * itself was built from, once, and the build can tell an unchanged page.
 * Nothing is published when no publisher is installed (dev server, tests).
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

const slot = Symbol.for('zongshu.pagePublisher');
type Slots = Record<symbol, PagePublisher | undefined>;

export function installPagePublisher(publisher: PagePublisher | undefined): void {
  (globalThis as Slots)[slot] = publisher;
}

const noCharts = (): readonly ChartSpec[] => [];

/** Returns the page data as it is, after handing its table and its charts (made from it by `table` and `charts`) to the publisher. */
export function published<P>(page: P, table: (page: P) => PageTable, charts: (page: P) => readonly ChartSpec[] = noCharts): P {
  (globalThis as Slots)[slot]?.({ table: table(page), charts: charts(page), data: page });
  return page;
}
