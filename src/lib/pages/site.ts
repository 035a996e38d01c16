/**
 * What the site is made of: which pages exist, and each page's data built
 * when it is asked for, one page at a time, so that memory does not grow with
 * the number of pages. Routes ask for their own page; the publishing step
 * walks every page once more to write its tables and charts' data.
 */
import { latestFigure, pageContext, reportingProvinces, type PageContext, type Review } from './context.ts';
import type { DataSet } from '../schema/dataSet.ts';
import type { Metric } from '../schema/metric.ts';
import type { Province } from '../schema/province.ts';
import type { Source } from '../schema/source.ts';
import type { Unit } from '../schema/unit.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import type { ChartSpec } from './chartData.ts';
import { compareIndexData, compareMetricData, comparePairData, sharedMetrics } from './comparePages.ts';
import { homePageData } from './homePage.ts';
import { metricPageData } from './metricPage.ts';
import { metricsIndexData } from './metricsIndex.ts';
import {
  compareIndexTable, compareMetricTable, comparePairTable, homeTable, metricTable, metricsIndexTable, provinceTable, reviewTable, sourcesTable, sourceTable, unitTable, type PageTable,
} from './pageTables.ts';
import { provincePageData } from './provincePage.ts';
import { reviewPageData } from './reviewPage.ts';
import { sourcePageData, sourcesIndexData } from './sourcesPage.ts';
import { unitPageData } from './unitPage.ts';

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
}

function buildIndex(dataSet: DataSet): SiteIndex {
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
  };
}

const built = new WeakMap<DataSet, SiteIndex>();

/** The site's index for this data set, built on first use. */
export function siteIndex(dataSet: DataSet): SiteIndex {
  let index = built.get(dataSet);
  if (!index) {
    index = buildIndex(dataSet);
    built.set(dataSet, index);
  }
  return index;
}

/** Pages of one edition: the fixed ones (home, metrics, compare, sources, methodology, search) and one per review, province, unit, metric, compared metric, pair and source. */
export function pageCount(index: SiteIndex): number {
  return 6 + index.reviews.length + index.provinces.length + index.units.length + index.metrics.length + index.compareMetrics.length + index.pairs.length + index.sources.length;
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

export interface BuiltPage {
  path: string;
  charts: ChartSpec[];
  table: PageTable;
}

/** Every page that has a table (and perhaps charts), built one at a time. */
export function* builtPages(index: SiteIndex): Generator<BuiltPage> {
  const { context } = index;
  const home = homePageData(context);
  yield { path: home.path, charts: home.charts, table: homeTable(home) };
  const metrics = metricsIndexData(context);
  yield { path: metrics.path, charts: [], table: metricsIndexTable(metrics) };
  const compare = compareIndexData(context);
  yield { path: compare.path, charts: [], table: compareIndexTable(compare) };
  const sources = sourcesIndexData(context);
  yield { path: sources.path, charts: [], table: sourcesTable(sources) };
  for (const source of index.sources) {
    const page = sourcePageData(context, source.id);
    yield { path: page.path, charts: [], table: sourceTable(page) };
  }
  for (const review of index.reviews) {
    const page = reviewPageData(context, review);
    yield { path: page.path, charts: page.charts, table: reviewTable(page) };
  }
  for (const province of index.provinces) {
    const page = provincePageData(context, province.id);
    yield { path: page.path, charts: page.charts, table: provinceTable(page) };
  }
  for (const unit of index.units) {
    const page = unitPageData(context, unit.province, unit.id);
    yield { path: page.path, charts: page.charts, table: unitTable(page) };
  }
  for (const metric of index.metrics) {
    const page = metricPageData(context, metric.id);
    yield { path: page.path, charts: page.charts, table: metricTable(page) };
  }
  for (const metric of index.compareMetrics) {
    const page = compareMetricData(context, metric.id);
    yield { path: page.path, charts: page.sections.flatMap((s) => s.charts), table: compareMetricTable(page) };
  }
  for (const [a, b] of index.pairs) {
    const page = comparePairData(context, a.id, b.id);
    yield { path: page.path, charts: [], table: comparePairTable(page) };
  }
}
