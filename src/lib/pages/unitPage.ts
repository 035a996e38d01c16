/** Page data of a unit: its figures across periods, set against the other units of its province. */
import { rankFigures } from '../aggregate/ranking.ts';
import { comparePeriods, periodLabel } from '../period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import type { Figure } from '../schema/figure.ts';
import { linkCharts, siteSourceNote, type ChartSpec, type UnitStripRow } from './chartData.ts';
import { byMetricThenPeriod, peersKey, type PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';
import { headlineFirst } from './headlines.ts';
import { chartValue, figureView } from './views.ts';

export interface UnitCell {
  display: string;
  href: string;
  approximate: boolean;
}

/** One metric of the unit: its figure in each period, and in the latest one its committee's total and its rank. */
export interface UnitMetricRow {
  metricName: string;
  metricHref: string;
  /** One cell per period column; null: not reported in that period. */
  cells: Array<UnitCell | null>;
  latest: {
    periodLabel: string;
    /** The committee's figure for the same metric and period, for scale. */
    committee: UnitCell | null;
    /** Rank among the province's units that report the metric for the period. */
    rank: string;
  };
  notes: string[];
}

export interface UnitPageData {
  path: string;
  name: string;
  aliases: string[];
  kind: string;
  province: Link;
  periods: string[];
  rows: UnitMetricRow[];
  charts: ChartSpec[];
  siblings: Link[];
}

export function unitPageData(context: PageContext, provinceId: string, unitId: string): UnitPageData {
  const unit = context.units.get(`${provinceId}/${unitId}`);
  const province = context.provinces.get(provinceId);
  if (!unit || !province) throw new Error(`no unit '${provinceId}/${unitId}'`);
  const path = sitePaths.unit(provinceId, unitId);
  const own = [...(context.unitFigures.get(`${provinceId}/${unitId}`) ?? [])].sort(byMetricThenPeriod(context));
  const provinceUnits = context.dataSet.units.filter((u) => u.province === provinceId);
  const unitsById = new Map(provinceUnits.map((u) => [u.id, u]));
  // Only units that report the metric for the period are set against each other.
  const peersOf = (metric: string, period: Figure['period']) =>
    (context.unitPeers.get(peersKey(provinceId, period, metric)) ?? []).flatMap((figure) => {
      const key = unitsById.get(figure.unit ?? '');
      return key ? [{ key, figure }] : [];
    });

  const periods = [...new Map(own.map((f) => [f.period.id, f.period])).values()].sort(comparePeriods);
  const cell = (f: Figure): UnitCell => {
    const view = figureView(context, f, path);
    return { display: view.display, href: view.href, approximate: view.approximate };
  };
  const metricIds = [...new Set(own.map((f) => f.metric))];
  const rows = metricIds.map((metricId): UnitMetricRow => {
    const series = own.filter((f) => f.metric === metricId);
    const last = series.reduce((a, b) => (comparePeriods(a.period, b.period) >= 0 ? a : b));
    const committee = context.figures.get(provinceId, null, last.period, metricId);
    const ranking = rankFigures(peersOf(metricId, last.period));
    const mine = ranking.ranked.find((r) => r.key.id === unitId);
    return {
      metricName: context.metrics.get(metricId)?.name ?? metricId,
      metricHref: relativeHref(path, sitePaths.metric(metricId)),
      cells: periods.map((p) => {
        const f = series.find((s) => s.period.id === p.id);
        return f ? cell(f) : null;
      }),
      latest: {
        periodLabel: periodLabel(last.period),
        committee: committee ? cell(committee) : null,
        rank: mine ? `${ranking.ranked.length}个单位中${mine.tied ? '并列' : ''}第${mine.rank}` : '',
      },
      notes: [...new Set(series.flatMap((f) => figureView(context, f, path).notes))],
    };
  });

  // The chart shows the latest period, at most a dozen metrics, headline ones first; the table has them all.
  const latest = own.reduce((end, f) => Math.max(end, f.period.end), 0);
  const charted = headlineFirst(own.filter((f) => f.period.end === latest).map((f) => f.metric), 12);
  const stripRows: UnitStripRow[] = own.filter((f) => f.period.end === latest && charted.includes(f.metric)).map((f) => {
    const metric = context.metrics.get(f.metric);
    if (!metric) throw new Error(f.metric);
    return {
      metricName: `${metric.name}${periodLabel(f.period)}`,
      unitLabel: metric.unit,
      points: peersOf(f.metric, f.period).flatMap(({ key, figure }) =>
        figure ? [{ ...chartValue(context, figure, metric), name: key.name, self: key.id === unitId }] : [],
      ),
    };
  });
  const chart: ChartSpec = {
    id: `${provinceId}-unit-${unitId}`,
    kind: 'unitStrip',
    title: `${unit.name}与${province.name}其他单位`,
    caption: `每行一个指标，每个点是${province.name}报告了该指标的一个单位，按最大值折算位置；橙色为${unit.name}。空心标记为约数。${siteSourceNote}`,
    description: stripRows.map((r) => `${r.metricName}：${r.points.length}个单位报告`).join('；'),
    table: { columns: ['指标', '单位', '数值'], rows: stripRows.flatMap((r) => r.points.map((p) => [r.metricName, p.name, p.display])) },
    data: { rows: stripRows },
  };

  return {
    path,
    name: unit.name,
    aliases: unit.aliases,
    kind: unit.kind,
    province: { label: province.name, href: relativeHref(path, sitePaths.province(provinceId)) },
    periods: periods.map(periodLabel),
    rows,
    charts: linkCharts(path, stripRows.length > 0 ? [chart] : []),
    siblings: provinceUnits
      .filter((u) => u.id !== unitId && context.unitFigures.has(`${provinceId}/${u.id}`))
      .map((u) => ({ label: u.name, href: relativeHref(path, sitePaths.unit(provinceId, u.id)) })),
  };
}
