import type { Spread } from '../aggregate/spread.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';

/**
 * What each chart shows, as plain data built by the page-data functions. A
 * chart module (src/charts) turns one of these into Plot options; the page
 * shows the same rows as a table and offers them as CSV.
 */

/** The data behind a chart, as the table under it and its CSV download show it. */
export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

interface ChartMeta {
  /** Unique in the site; names the CSV file. */
  id: string;
  title: string;
  /** What is shown and where it comes from. */
  caption: string;
  /** One or two sentences for screen readers. */
  description: string;
  table: ChartTable;
  /** Links from the chart's page to its CSV and JSON files and its drawing as an SVG file; set once the page is known. */
  csvHref?: string;
  jsonHref?: string;
  svgHref?: string;
}

/** A value placed on a chart: `value` in the metric's unit (share 0-1 for ratios), `display` as the page writes it. */
export interface ChartValue {
  value: number;
  display: string;
  /** Approximate (余, 近, 约): drawn hollow. */
  approximate: boolean;
}

export interface Tile {
  id: string;
  name: string;
  /** Grid position: column from the west, row from the north. */
  column: number;
  row: number;
  /** null: not reported (or not comparable: see label), drawn differently from zero. */
  figure: ChartValue | null;
  /** What an empty tile says, when not 未报告 (不可比 for a figure that may not be compared). */
  label?: string;
  /** Relative link to the province page, when it has one. */
  href: string | null;
}

export interface TileGridData {
  metricName: string;
  /** Share 0-1 (ratios) or a count. */
  isShare: boolean;
  periodNote: string;
  tiles: Tile[];
}

export interface Bar extends ChartValue {
  label: string;
  /** The page's own province or unit. */
  highlight: boolean;
}

export interface RankedBarsData {
  /** Measure word or %, for the axis. */
  unitLabel: string;
  isShare: boolean;
  bars: Bar[];
}

export interface TrendPoint extends ChartValue {
  /** Last year of the period: where the point stands on the time axis. */
  year: number;
  periodLabel: string;
  /** Length of the period in years; longer periods are drawn with a different symbol. */
  years: number;
}

export interface TrendData {
  unitLabel: string;
  isShare: boolean;
  series: Array<{ name: string; points: TrendPoint[] }>;
}

export interface CoverageCell {
  category: string;
  metricName: string;
  status: 'reported' | 'approximate' | 'not_reported';
}

export interface CoverageData {
  cells: CoverageCell[];
}

export interface RateRow {
  label: string;
  /** Share 0-1: the rate the review states. */
  rate: ChartValue;
  /** The share its numerator and denominator give, where that differs from the stated one. */
  computed?: ChartValue;
}

export interface RateBarsData {
  rows: RateRow[];
}

export interface PipelineStep extends ChartValue {
  label: string;
  unitLabel: string;
}

export interface CasePipelineData {
  steps: PipelineStep[];
}

/** A unit's figure for one metric among the figures of every unit of its province that reports it. */
export interface UnitStandingRow {
  /** Metric and period: 立案2024年. */
  metricName: string;
  unitLabel: string;
  /** The page's unit. */
  self: ChartValue;
  /** 1 for the largest figure; tied when another unit has the same. */
  rank: number;
  tied: boolean;
  /** The spread of all reporting units' figures, the page's unit included, in the metric's units (shares 0-1). */
  spread: Spread;
  /** The spread's five numbers as the page writes them. */
  spreadDisplay: Record<'min' | 'lowerQuartile' | 'median' | 'upperQuartile' | 'max', string>;
}

export interface UnitStandingData {
  rows: UnitStandingRow[];
}

export type ChartSpec = ChartMeta &
  (
    | { kind: 'tileGrid'; data: TileGridData }
    | { kind: 'rankedBars'; data: RankedBarsData }
    | { kind: 'trendLines'; data: TrendData }
    | { kind: 'coverageMatrix'; data: CoverageData }
    | { kind: 'rateBars'; data: RateBarsData }
    | { kind: 'casePipeline'; data: CasePipelineData }
    | { kind: 'unitStanding'; data: UnitStandingData }
  );

export type ChartKind = ChartSpec['kind'];

/** The charts of a page with links from that page to their CSV, JSON and SVG files. */
export function linkCharts(pagePath: string, charts: ChartSpec[]): ChartSpec[] {
  return charts.map((chart) => ({
    ...chart,
    csvHref: relativeHref(pagePath, sitePaths.chartCsv(chart.id)),
    jsonHref: relativeHref(pagePath, sitePaths.chartJson(chart.id)),
    svgHref: relativeHref(pagePath, sitePaths.chartSvg(chart.id)),
  }));
}

/** Where the figures of a chart that spans several reviews come from. */
export const siteSourceNote = '来源：各省机关工委综述，逐条见“来源”页。';

/** CSV of a chart's table: UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly. */
export function chartCsv(table: ChartTable): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n\r]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
