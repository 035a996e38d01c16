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
 * search) and one per review, province, unit, metric, compared metric, pair and source. In the
 * order Astro 6 renders them (deepest routes first, each route's pages as its getStaticPaths
 * lists them), so that the build's search feed (src/build/searchFeed.ts), which takes pages in
 * this order, hands each on soon after it renders. The order is fixed by the data alone, so a
 * build writes the same index whichever page finished first; another order, another index.
 */
export function pagePaths(index: SiteIndex): string[] {
  return [
    ...index.pairs.map(([a, b]) => sitePaths.comparePair(a.id, b.id)),
    ...index.compareMetrics.map((m) => sitePaths.compareMetric(m.id)),
    sitePaths.compare(),
    sitePaths.methodology(),
    ...index.metrics.map((m) => sitePaths.metric(m.id)),
    sitePaths.metrics(),
    sitePaths.search(),
    ...index.sources.map((s) => sitePaths.source(s.id)),
    sitePaths.sources(),
    ...index.units.map((u) => sitePaths.unit(u.province, u.id)),
    ...index.reviews.map((r) => sitePaths.review(r.province.id, r.period.id)),
    ...index.provinces.map((p) => sitePaths.province(p.id)),
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
