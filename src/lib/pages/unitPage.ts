/** Page data of a unit: its figures across periods, set against the other units of its province. */
import { rankFigures } from '../aggregate/ranking.ts';
import { periodLabel } from '../period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import type { ChartSpec, UnitStripRow } from './chartData.ts';
import { byMetricThenPeriod, type PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';
import { siteSourceNote } from './chartData.ts';
import { chartValue, figureView } from './views.ts';

export interface UnitFigureRow {
  metricName: string;
  metricHref: string;
  periodLabel: string;
  display: string;
  href: string;
  approximate: boolean;
  /** The committee's figure for the same metric and period, for scale. */
  committee: { display: string; href: string } | null;
  /** Rank among the province's units that report the metric for the period. */
  rank: string;
  notes: string[];
}

export interface UnitPageData {
  path: string;
  name: string;
  aliases: string[];
  kind: string;
  province: Link;
  rows: UnitFigureRow[];
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
  const peersOf = (metric: string, periodId: string) =>
    provinceUnits.map((u) => ({ key: u, figure: context.unitFigures.get(`${provinceId}/${u.id}`)?.find((f) => f.metric === metric && f.period.id === periodId) }));

  const rows = own.map((f): UnitFigureRow => {
    const view = figureView(context, f, path);
    const committee = context.figures.get(provinceId, null, f.period, f.metric);
    const ranking = rankFigures(peersOf(f.metric, f.period.id));
    const mine = ranking.ranked.find((r) => r.key.id === unitId);
    return {
      metricName: view.metricName,
      metricHref: relativeHref(path, sitePaths.metric(f.metric)),
      periodLabel: view.periodLabel,
      display: view.display,
      href: view.href,
      approximate: view.approximate,
      committee: committee ? (({ display, href }) => ({ display, href }))(figureView(context, committee, path)) : null,
      rank: mine ? `${ranking.ranked.length}个单位中${mine.tied ? '并列' : ''}第${mine.rank}` : '',
      notes: view.notes,
    };
  });

  const stripRows: UnitStripRow[] = own.map((f) => {
    const metric = context.metrics.get(f.metric);
    if (!metric) throw new Error(f.metric);
    return {
      metricName: `${metric.name}${periodLabel(f.period)}`,
      unitLabel: metric.unit,
      points: peersOf(f.metric, f.period.id).flatMap(({ key, figure }) =>
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
    rows,
    charts: stripRows.length > 0 ? [chart] : [],
    siblings: provinceUnits
      .filter((u) => u.id !== unitId && context.unitFigures.has(`${provinceId}/${u.id}`))
      .map((u) => ({ label: u.name, href: relativeHref(path, sitePaths.unit(provinceId, u.id)) })),
  };
}
