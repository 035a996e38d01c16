/** Page data of a province: its reviews, every metric across periods with its change, trends, and its units. */
import { changesAlong } from '../aggregate/change.ts';
import { comparePeriods, periodLabel } from '../period.ts';
import type { Period } from '../schema/period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { describeChange } from './change.ts';
import { linkCharts, type ChartSpec } from './chartData.ts';
import { inMetricThenPeriodOrder, type PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';
import { trendChart, trendSeries } from './trendChart.ts';
import { figureStanding, figureView } from './views.ts';
import { slotOf } from '../aggregate/slot.ts';

export interface MetricRow {
  metricName: string;
  metricHref: string;
  unit: string;
  /**
   * One cell per period column; null: not reported in that period. `summed`: the figure is made
   * from units' figures (FigureCell.summed). `change`: from the metric's figure before it, or why
   * there is none: 较上期增加3.2% when that figure is in the column just before, else 较2015年….
   */
  cells: Array<{ display: string; href: string; approximate: boolean; summed?: string; change?: string } | null>;
  /** The changes in full (较2015年增加3.2%), for the page's table of data. */
  changes: string[];
}

export interface ProvincePageData {
  path: string;
  name: string;
  reviews: Link[];
  periods: string[];
  /** Said when the columns mix one-year and multi-year periods. */
  periodNote?: string;
  rows: MetricRow[];
  charts: ChartSpec[];
  units: Link[];
}

export function provincePageData(context: PageContext, provinceId: string): ProvincePageData {
  const province = context.provinces.get(provinceId);
  if (!province) throw new Error(`no province '${provinceId}'`);
  const path = sitePaths.province(provinceId);
  const figures = context.committeeFigures.get(provinceId) ?? [];
  const periods: Period[] = [...new Map(figures.map((f) => [f.period.id, f.period])).values()].sort(comparePeriods);
  // One row per slot (slot.ts): a metric's usual figures, then each other scope, running total or undated figure apart.
  const slots = [...new Map(inMetricThenPeriodOrder(context, figures).map((f) => [slotOf(f), f])).entries()];
  const rows = slots.map(([slot, first]): MetricRow => {
    const metric = context.metrics.get(first.metric);
    if (!metric) throw new Error(first.metric);
    const series = context.figures.series(provinceId, null, slot);
    // Each change by the period it leads to: its cell says it.
    const changes = new Map(changesAlong(series, metric).map((change) => [change.to.period.id, change]));
    const standing = figureStanding(first);
    return {
      metricName: `${metric.name}${standing.length > 0 ? `（${standing.join('；')}）` : ''}`,
      metricHref: relativeHref(path, sitePaths.metric(metric.id)),
      unit: metric.unit,
      cells: periods.map((p, column) => {
        const f = context.figures.get(provinceId, null, p, slot);
        if (!f) return null;
        const v = figureView(context, f, path);
        const change = changes.get(p.id);
        const since = change && change.from.period.id === periods[column - 1]?.id ? '较上期' : undefined;
        return {
          display: v.display,
          href: v.href,
          approximate: v.approximate,
          ...(v.summed === undefined ? {} : { summed: v.summed }),
          ...(change ? { change: describeChange(change, since) } : {}),
        };
      }),
      changes: [...changes.values()].map((change) => describeChange(change)),
    };
  });
  const charts = context.dataSet.metrics
    .map((metric) => ({ metric, series: trendSeries(context, context.figures.series(provinceId, null, metric.id)) }))
    .filter((t) => t.series.length >= 2)
    .slice(0, 6)
    .map(({ metric, series }) => trendChart(context, metric, [{ name: province.name, figures: series }], `${provinceId}-trend-${metric.id}`, province.name));
  const lengths = new Set(periods.map((p) => p.years));
  return {
    path,
    name: province.name,
    reviews: context.reviews
      .filter((r) => r.province.id === provinceId)
      .map((r) => ({ label: `${periodLabel(r.period)}综述`, href: relativeHref(path, sitePaths.review(provinceId, r.period.id)) })),
    periods: periods.map(periodLabel),
    ...(lengths.size > 1 ? { periodNote: '各列期间长度不同：跨多年的累计数不能与单一年度的数字直接比较。' } : {}),
    rows,
    charts: linkCharts(path, charts),
    units: context.dataSet.units
      .filter((u) => u.province === provinceId && context.unitFigures.has(`${provinceId}/${u.id}`))
      .map((u) => ({ label: u.name, href: relativeHref(path, sitePaths.unit(provinceId, u.id)) })),
  };
}
