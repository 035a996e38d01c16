/**
 * The data table behind each page, as the page shows it, for its CSV and JSON
 * downloads: derived from the page data alone, so the download never says
 * more or less than the page.
 */
import type { ChartTable } from './chartData.ts';
import type { CompareIndexData, CompareMetricData, ComparePairData } from './comparePages.ts';
import type { HomePageData } from './homePage.ts';
import type { MetricPageData } from './metricPage.ts';
import type { MetricsIndexData } from './metricsIndex.ts';
import type { ProvincePageData } from './provincePage.ts';
import type { ReviewPageData } from './reviewPage.ts';
import type { SourcePageData, SourcesIndexData } from './sourcesPage.ts';
import type { UnitPageData } from './unitPage.ts';

/** A page's table, named by its page: `hainan/2020` for hainan/2020.html. */
export interface PageTable extends ChartTable {
  id: string;
  title: string;
}

const idOf = (path: string) => path.replace(/\.html$/u, '');

export function homeTable(page: HomePageData): PageTable {
  return {
    id: idOf(page.path),
    title: '各省最近一期要点',
    columns: ['省份', '期间', ...page.glance.areas.flatMap((a) => [`${a}指标`, `${a}数值`])],
    rows: page.glance.rows.map((r) => [r.name, r.review.label, ...r.cells.flatMap((c) => (c ? [c.label, c.display] : ['', '未报告']))]),
  };
}

export function reviewTable(page: ReviewPageData): PageTable {
  return {
    id: idOf(page.path),
    title: page.title,
    columns: ['类别', '指标', '期间', '数值', '依据', '原文引语', '数据行', '注'],
    rows: page.groups.flatMap((g) =>
      g.rows.map((r) => [g.category, r.metricName, r.periodLabel, r.display, r.basis, r.citations.map((c) => (c.fromTable ? `单位报表：${c.quote}` : c.quote)).join('；') + (r.citationCount > r.citations.length ? `；等${r.citationCount}条` : ''), r.citations.map((c) => c.row).join('；'), r.notes.join('；')]),
    ),
  };
}

export function provinceTable(page: ProvincePageData): PageTable {
  return {
    id: idOf(page.path),
    title: `${page.name}各期数字`,
    columns: ['指标', ...page.periods, '变化'],
    rows: page.rows.map((r) => [r.metricName, ...r.cells.map((c) => c?.display ?? '未报告'), r.changes.join('；')]),
  };
}

export function unitTable(page: UnitPageData): PageTable {
  return {
    id: idOf(page.path),
    title: `${page.province.label}${page.name}`,
    columns: ['指标', ...page.periods, '最近一期', page.committeeHeading, '在各单位中'],
    rows: page.rows.map((r) => [r.metricName, ...r.cells.map((c) => c?.display ?? '未报告'), r.latest.periodLabel, r.latest.committee?.display ?? '未报告', r.latest.rank]),
  };
}

export function metricTable(page: MetricPageData): PageTable {
  return {
    id: idOf(page.path),
    title: `${page.name}：各省排名`,
    columns: ['名次', '省份', '数值', '期间', '注'],
    rows: [...page.ranking.map((r) => [r.rank, r.province.label, r.display, r.periodLabel, r.notes.join('；')]), ...page.notReported.map((name) => ['', name, '未报告', '', ''])],
  };
}

export function metricsIndexTable(page: MetricsIndexData): PageTable {
  return {
    id: idOf(page.path),
    title: '指标体系',
    columns: ['类别', '指标', '量词', '类型', '报告省份数', '指标解释'],
    rows: page.groups.flatMap((g) => g.metrics.map((m) => [g.category, m.name, m.unit, m.kind, m.reporting, m.definition])),
  };
}

export function compareIndexTable(page: CompareIndexData): PageTable {
  return {
    id: idOf(page.path),
    title: '各省最近一期',
    columns: ['指标', ...page.provinces.flatMap((p) => [p.label, `${p.label}期间`])],
    rows: page.rows.map((r) => [r.metricName, ...r.cells.flatMap((c) => (c ? [c.display, c.periodLabel] : ['未报告', '']))]),
  };
}

export function compareMetricTable(page: CompareMetricData): PageTable {
  return {
    id: idOf(page.path),
    title: `各省${page.name}`,
    columns: ['分组', '省份', '数值', '每百个党支部', '期间', '口径与注'],
    rows: page.sections.flatMap((s) => s.rows.map((r) => [s.title, r.province.label, r.cell.display, r.cell.perHundredBranches ?? '', r.cell.periodLabel, r.cell.notes.join('；')])),
  };
}

export function comparePairTable(page: ComparePairData): PageTable {
  return {
    id: idOf(page.path),
    title: `${page.a.label}与${page.b.label}`,
    columns: ['指标', page.a.label, `${page.a.label}期间`, page.b.label, `${page.b.label}期间`, '比较时注意'],
    rows: page.rows.map((r) => [r.metricName, r.a.display, r.a.periodLabel, r.b.display, r.b.periodLabel, r.note]),
  };
}

export function sourcesTable(page: SourcesIndexData): PageTable {
  return {
    id: idOf(page.path),
    title: '来源',
    columns: ['来源', '省份', '期间', '发布者', '发布日期', '原文链接', '数据行数'],
    rows: page.sources.map((s) => [s.title, s.provinceName, s.periodLabel, s.publisher, s.published, s.url, s.rowCount]),
  };
}

/**
 * A source's rows of prose. Its unit returns, shown on the page as their files lay them out, are
 * downloaded from the data package, where each line is written once (the page links there).
 */
export function sourceTable(page: SourcePageData): PageTable {
  return {
    id: idOf(page.path),
    title: page.title,
    columns: ['指标', '对象', '期间', '原文写法', '采用值', '原文引语', '注', '数据行'],
    rows: page.rows.map((r) => [r.metricName, r.subject, r.periodLabel, r.written, r.display, r.quote, r.note, r.row]),
  };
}

/**
 * JSON of a table: its title, its columns, and its rows as arrays in the columns' order, a row a
 * line, as a CSV file lays them out. Rows as arrays rather than objects keyed by column take a
 * third of the bytes, and the page tables and chart data of a national site run to thousands of files.
 */
export function tableJson(table: ChartTable & { title?: string }): string {
  const rows = table.rows.map((row) => JSON.stringify(table.columns.map((_, i) => row[i] ?? null)));
  return `{"title":${JSON.stringify(table.title ?? '')},"columns":${JSON.stringify(table.columns)},"rows":[\n${rows.join(',\n')}\n]}\n`;
}
