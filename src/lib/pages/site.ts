/**
 * What the site is made of: which pages exist. Each page's data is built by
 * its route when the page renders, one page at a time, so that memory does
 * not grow with the number of pages.
 */
import { latestFigure, pageContext, reportingProvinces, type PageContext, type Review } from './context.ts';
import type { DataSet } from '../schema/dataSet.ts';
import type { Metric } from '../schema/metric.ts';
import type { Province } from '../schema/province.ts';
import type { Source } from '../schema/source.ts';
import type { Unit } from '../schema/unit.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { sharedMetrics } from './comparePages.ts';

export interface SiteIndex {
  context: PageContext;
  reviews: Review[];
  /** Provinces with a page: those with figures or a review. */
  provinces: Province[];
  /** Units with figures: each has a page. */
  units: Unit[];
  metrics: Metric[];
  /** Metrics at least one province reports: each has a compare page. */
  compareMetrics: Metric[];
  /** Pairs of provinces that share a metric, in provinces.csv order. */
  pairs: Array<[Province, Province]>;
  sources: Source[];
  /** The day of the build, YYYY-MM-DD (site/buildDate.ts): the home and methodology pages state it. */
  builtOn?: string;
}

function buildIndex(dataSet: DataSet, builtOn: string | undefined): SiteIndex {
  const context = pageContext(dataSet);
  const reporting = reportingProvinces(context);
  return {
    context,
    reviews: context.reviews,
    provinces: dataSet.provinces.filter((p) => reporting.includes(p) || context.reviews.some((r) => r.province.id === p.id)),
    units: dataSet.units.filter((u) => context.unitFigures.has(`${u.province}/${u.id}`)),
    metrics: dataSet.metrics,
    compareMetrics: dataSet.metrics.filter((m) => reporting.some((p) => latestFigure(context, p.id, m.id))),
    pairs: reporting.flatMap((a, i) => reporting.slice(i + 1).filter((b) => sharedMetrics(context, a.id, b.id).length > 0).map((b): [Province, Province] => [a, b])),
    sources: dataSet.sources,
    ...(builtOn ? { builtOn } : {}),
  };
}

/**
 * The site's index for this data set. It takes seconds for a national data set: a build makes it
 * once and hands it to the pages with its session (src/session.ts).
 */
export function siteIndex(dataSet: DataSet, builtOn?: string): SiteIndex {
  return buildIndex(dataSet, builtOn);
}

/**
 * Pages of one edition, by path: the fixed ones (home, metrics, compare, sources, methodology,
 * search) and one per review, province, unit, metric, compared metric, pair and source. The build
 * renders them in this order (src/build/keptRenderer.ts), and its search feed
 * (src/build/searchFeed.ts) hands each to the search index in this order, a page once those before
 * it have come; the order is fixed by the data alone, so a build writes the same index whichever
 * pages it rendered and whichever finished first. A search lists pages found in this order after
 * those whose title holds the query (src/lib/search/query.ts): reviews first, then provinces,
 * units, sources and comparisons.
 *
 * Pages that read one province's part of the data set (src/session.ts stillToMake) come first,
 * those that read every province's (metrics and compared metrics: their metrics' rows; the
 * indexes, the home page: all of it) last. A build that replaces a site takes most of the first
 * kind over unchanged, and their texts are there before any page renders; it renders the few
 * changed ones first, so the index takes the texts of the thousands after them while the pages of
 * the second kind, which a changed province's figures reach, render. Ordered as Astro's
 * routes (pairs and compared metrics first), it took them only once those pages had rendered: in a
 * CPU profile of a national build after every figure of one province changed, the main thread
 * waited 241 ms for the index at the end, 103 ms in this order.
 */
export function pagePaths(index: SiteIndex): string[] {
  return [
    ...index.reviews.map((r) => sitePaths.review(r.province.id, r.period.id)),
    ...index.provinces.map((p) => sitePaths.province(p.id)),
    ...index.units.map((u) => sitePaths.unit(u.province, u.id)),
    ...index.sources.map((s) => sitePaths.source(s.id)),
    ...index.pairs.map(([a, b]) => sitePaths.comparePair(a.id, b.id)),
    ...index.metrics.map((m) => sitePaths.metric(m.id)),
    ...index.compareMetrics.map((m) => sitePaths.compareMetric(m.id)),
    sitePaths.metrics(),
    sitePaths.compare(),
    sitePaths.sources(),
    sitePaths.methodology(),
    sitePaths.search(),
    sitePaths.home(),
  ];
}

export interface Downloads {
  csv: string;
  json: string;
  /** The same files as paths from the site root: both script editions share one copy of the data. */
  csvRoot: string;
  jsonRoot: string;
}

/** Links from a page to its own table's CSV and JSON files. */
export function pageDownloads(path: string): Downloads {
  const id = path.replace(/\.html$/u, '');
  const csvRoot = sitePaths.pageCsv(id);
  const jsonRoot = sitePaths.pageJson(id);
  return { csv: relativeHref(path, csvRoot), json: relativeHref(path, jsonRoot), csvRoot, jsonRoot };
}
