/**
 * All page data of one build, computed once and shared by every page and by
 * the chart CSV files. Pages ask for theirs by path.
 */
import type { DataSet } from '../schema/dataSet.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import type { ChartSpec } from './chartData.ts';
import { compareIndexData, compareMetricData, comparePairData, type CompareIndexData, type CompareMetricData, type ComparePairData } from './comparePages.ts';
import { latestFigure, pageContext, reportingProvinces, type PageContext } from './context.ts';
import { homePageData, type HomePageData } from './homePage.ts';
import { metricPageData, type MetricPageData } from './metricPage.ts';
import { metricsIndexData, type MetricsIndexData } from './metricsIndex.ts';
import { provincePageData, type ProvincePageData } from './provincePage.ts';
import { reviewPageData, type ReviewPageData } from './reviewPage.ts';
import { sourcesPageData, type SourcesPageData } from './sourcesPage.ts';
import { sharedMetrics } from './comparePages.ts';
import {
  compareIndexTable, compareMetricTable, comparePairTable, homeTable, metricTable, metricsIndexTable, provinceTable, reviewTable, sourcesTable, unitTable, type PageTable,
} from './pageTables.ts';
import { unitPageData, type UnitPageData } from './unitPage.ts';

export interface SitePages {
  context: PageContext;
  home: HomePageData;
  metricsIndex: MetricsIndexData;
  compareIndex: CompareIndexData;
  sources: SourcesPageData;
  reviews: ReviewPageData[];
  provinces: ProvincePageData[];
  units: UnitPageData[];
  metrics: MetricPageData[];
  compareMetrics: CompareMetricData[];
  comparePairs: ComparePairData[];
  /** Every chart of the site, for its CSV and JSON files. */
  charts: ChartSpec[];
  /** The table behind each page, for its CSV and JSON files. */
  tables: PageTable[];
  /** Links from each page (by path) to its own table's files. */
  downloads: Map<string, { csv: string; json: string }>;
}

export function buildSitePages(dataSet: DataSet): SitePages {
  const context = pageContext(dataSet);
  const provinces = reportingProvinces(context);
  const withReviews = dataSet.provinces.filter((p) => provinces.includes(p) || context.reviews.some((r) => r.province.id === p.id));
  const reportedMetrics = dataSet.metrics.filter((m) => provinces.some((p) => latestFigure(context, p.id, m.id)));
  const pages = {
    context,
    home: homePageData(context),
    metricsIndex: metricsIndexData(context),
    compareIndex: compareIndexData(context),
    sources: sourcesPageData(context),
    reviews: context.reviews.map((r) => reviewPageData(context, r)),
    provinces: withReviews.map((p) => provincePageData(context, p.id)),
    units: dataSet.units.filter((u) => context.unitFigures.has(`${u.province}/${u.id}`)).map((u) => unitPageData(context, u.province, u.id)),
    metrics: dataSet.metrics.map((m) => metricPageData(context, m.id)),
    compareMetrics: reportedMetrics.map((m) => compareMetricData(context, m.id)),
    comparePairs: provinces.flatMap((a, i) => provinces.slice(i + 1).filter((b) => sharedMetrics(context, a.id, b.id).length > 0).map((b) => comparePairData(context, a.id, b.id))),
  };
  const chartsByPage: Array<[string, ChartSpec[]]> = [
    [pages.home.path, pages.home.charts],
    ...pages.reviews.map((p): [string, ChartSpec[]] => [p.path, p.charts]),
    ...pages.provinces.map((p): [string, ChartSpec[]] => [p.path, p.charts]),
    ...pages.units.map((p): [string, ChartSpec[]] => [p.path, p.charts]),
    ...pages.metrics.map((p): [string, ChartSpec[]] => [p.path, p.charts]),
    ...pages.compareMetrics.map((p): [string, ChartSpec[]] => [p.path, p.sections.flatMap((s) => s.charts)]),
  ];
  const seen = new Set<string>();
  for (const [path, charts] of chartsByPage) {
    for (const chart of charts) {
      if (seen.has(chart.id)) throw new Error(`two charts share the id '${chart.id}'`);
      seen.add(chart.id);
      chart.csvHref = relativeHref(path, sitePaths.chartCsv(chart.id));
      chart.jsonHref = relativeHref(path, sitePaths.chartJson(chart.id));
    }
  }
  const tables: Array<[string, PageTable]> = [
    [pages.home.path, homeTable(pages.home)],
    [pages.metricsIndex.path, metricsIndexTable(pages.metricsIndex)],
    [pages.compareIndex.path, compareIndexTable(pages.compareIndex)],
    [pages.sources.path, sourcesTable(pages.sources)],
    ...pages.reviews.map((p): [string, PageTable] => [p.path, reviewTable(p)]),
    ...pages.provinces.map((p): [string, PageTable] => [p.path, provinceTable(p)]),
    ...pages.units.map((p): [string, PageTable] => [p.path, unitTable(p)]),
    ...pages.metrics.map((p): [string, PageTable] => [p.path, metricTable(p)]),
    ...pages.compareMetrics.map((p): [string, PageTable] => [p.path, compareMetricTable(p)]),
    ...pages.comparePairs.map((p): [string, PageTable] => [p.path, comparePairTable(p)]),
  ];
  const downloads = new Map(
    tables.map(([path, table]) => [path, { csv: relativeHref(path, sitePaths.pageCsv(table.id)), json: relativeHref(path, sitePaths.pageJson(table.id)) }]),
  );
  return { ...pages, charts: chartsByPage.flatMap(([, charts]) => charts), tables: tables.map(([, t]) => t), downloads };
}

const built = new WeakMap<DataSet, SitePages>();

/** The site's page data for this data set, built on first use. */
export function sitePages(dataSet: DataSet): SitePages {
  let pages = built.get(dataSet);
  if (!pages) {
    pages = buildSitePages(dataSet);
    built.set(dataSet, pages);
  }
  return pages;
}
