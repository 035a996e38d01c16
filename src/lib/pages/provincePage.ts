/** Page data of a province: its reviews, every metric across periods with its change, trends, and its units. */
import { changesAlong } from '../aggregate/change.ts';
import { comparePeriods, periodLabel } from '../period.ts';
import type { Period } from '../schema/period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { describeChange } from './change.ts';
import { linkCharts, type ChartSpec } from './chartData.ts';
import type { PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';
import { trendChart } from './trendChart.ts';
import { figureView } from './views.ts';

export interface MetricRow {
  metricName: string;
  metricHref: string;
  unit: string;
  /** One cell per period column; null: not reported in that period. */
  cells: Array<{ display: string; href: string; approximate: boolean } | null>;
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
  const metricIds = context.dataSet.metrics.map((m) => m.id).filter((id) => figures.some((f) => f.metric === id));
  const rows = metricIds.map((id): MetricRow => {
    const metric = context.metrics.get(id);
    if (!metric) throw new Error(id);
    const series = context.figures.series(provinceId, null, id);
    return {
      metricName: metric.name,
      metricHref: relativeHref(path, sitePaths.metric(id)),
      unit: metric.unit,
      cells: periods.map((p) => {
        const f = context.figures.get(provinceId, null, p, id);
        if (!f) return null;
        const v = figureView(context, f, path);
        return { display: v.display, href: v.href, approximate: v.approximate };
      }),
      changes: changesAlong(series, metric).map(describeChange),
    };
  });
  const charts = metricIds
    .filter((id) => context.figures.series(provinceId, null, id).length >= 2)
    .slice(0, 6)
    .map((id) => {
      const metric = context.metrics.get(id);
      if (!metric) throw new Error(id);
      return trendChart(context, metric, [{ name: province.name, figures: context.figures.series(provinceId, null, id) }], `${provinceId}-trend-${id}`, province.name);
    });
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
