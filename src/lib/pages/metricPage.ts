/** Page data of a metric: its definition (指标解释), ranking across provinces, trend, and who does not report it. */
import { rankFigures } from '../aggregate/ranking.ts';
import { categoryLabel, kindLabel } from '../labels.ts';
import { periodLabel } from '../period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { linkCharts, type ChartSpec } from './chartData.ts';
import { reportingProvinces, type PageContext } from './context.ts';
import { latestComparison } from './comparison.ts';
import { countsLabel } from '../aggregate/comparability.ts';
import { trendSeries } from './trendChart.ts';
import type { Link } from './reviewPage.ts';
import { tileChart } from './tileChart.ts';
import type { PageScope } from './published.ts';
import { branchCountMetric, givenPerHundredBranches } from '../aggregate/normalise.ts';
import { trendChart } from './trendChart.ts';
import { siteSourceNote } from './chartData.ts';
import { chartValue, figureView } from './views.ts';

export interface RankingRow {
  rank: number;
  tied: boolean;
  province: Link;
  display: string;
  href: string;
  approximate: boolean;
  periodLabel: string;
  notes: string[];
  summed?: string;
}

export interface MetricPageData {
  path: string;
  id: string;
  name: string;
  nameHant: string;
  unit: string;
  kind: string;
  category: string;
  definition: string;
  aliases: string[];
  /** What the metric counts (人数, 人次…) and whether a value per 100 branches is shown. */
  counts: string;
  parts?: { numerator: Link; denominator: Link };
  ranking: RankingRow[];
  /** Provinces whose latest figure may not be ranked with the others, with why. */
  apart: Array<{ province: Link; display: string; href: string; periodLabel: string; reason: string; summed?: string }>;
  notReported: string[];
  charts: ChartSpec[];
  compare?: Link;
}

/**
 * The metrics whose figures the pages of a metric show (its page and its compare page): its own; a ratio's numerator
 * and denominator, which a computed ratio is made of and a stated one is set beside; and the branch count, by which
 * the figures of a count are given per 100 branches. Those in the catalog: a page's scope names only metrics the data
 * set knows.
 */
export function metricsShownWith(context: PageContext, metricId: string): string[] {
  const metric = context.metrics.get(metricId);
  const parts = metric?.kind === 'ratio' ? [metric.numerator, metric.denominator] : [];
  const branches = metric && givenPerHundredBranches(metric) ? [branchCountMetric] : [];
  return [...new Set([metricId, ...parts, ...branches])].filter((id) => context.metrics.has(id));
}

/** What a metric's page reads (published.ts): the rows of the metrics it shows, in every province and unit, and which provinces its tiles link to. */
export function metricPageScope(context: PageContext, metricId: string): PageScope {
  return { metrics: metricsShownWith(context, metricId), beyond: reportingProvinces(context).map((p) => p.id) };
}

export function metricPageData(context: PageContext, metricId: string): MetricPageData {
  const metric = context.metrics.get(metricId);
  if (!metric) throw new Error(`no metric '${metricId}'`);
  const path = sitePaths.metric(metricId);
  const comparison = latestComparison(context, metricId);
  const ranking = rankFigures(comparison.compared.map((e) => ({ key: e.province, figure: e.figure })));
  const rows = ranking.ranked.map((r): RankingRow => {
    const view = figureView(context, r.figure, path);
    return {
      rank: r.rank,
      tied: r.tied,
      province: { label: r.key.name, href: relativeHref(path, sitePaths.province(r.key.id)) },
      display: view.display,
      href: view.href,
      approximate: view.approximate,
      periodLabel: view.periodLabel,
      notes: view.notes,
      ...(view.summed === undefined ? {} : { summed: view.summed }),
    };
  });
  const charts: ChartSpec[] = [tileChart(context, metric, `metric-${metricId}-tiles`, path)].filter((c): c is ChartSpec => c !== undefined);
  if (ranking.ranked.length >= 2) {
    charts.push({
      id: `metric-${metricId}-ranking`,
      kind: 'rankedBars',
      title: `${metric.name}：各省最近一期`,
      caption: `按数值从大到小排列，数字为各省最近一期，只列口径、计量和期间可比的省份。空心条为约数（余、近、约）。${siteSourceNote}`,
      description: rows.map((r) => `${r.province.label}${r.display}（${r.periodLabel}）`).join('，'),
      table: { columns: ['名次', '省份', '数值', '期间'], rows: rows.map((r) => [r.rank, r.province.label, r.display, r.periodLabel]) },
      data: {
        unitLabel: metric.unit,
        isShare: metric.kind === 'ratio',
        bars: ranking.ranked.map((r) => ({ ...chartValue(context, r.figure, metric), label: `${r.key.name}（${periodLabel(r.figure.period)}）`, highlight: false })),
      },
    });
  }
  const series = context.dataSet.provinces
    .map((p) => ({ name: p.name, figures: trendSeries(context, context.figures.series(p.id, null, metricId)) }))
    .filter((s) => s.figures.length > 0);
  if (series.some((s) => s.figures.length >= 2)) charts.push(trendChart(context, metric, series, `metric-${metricId}-trend`, '各省'));
  const part = (id: string): Link => ({ label: context.metrics.get(id)?.name ?? id, href: relativeHref(path, sitePaths.metric(id)) });
  return {
    path,
    id: metric.id,
    name: metric.name,
    nameHant: metric.name_hant,
    unit: metric.unit,
    kind: kindLabel[metric.kind],
    category: categoryLabel[metric.category],
    definition: metric.definition,
    aliases: metric.aliases,
    counts: `${countsLabel[metric.counts]}${metric.per_branch ? '；另给出每百个党支部的数' : ''}`,
    ...(metric.kind === 'ratio' ? { parts: { numerator: part(metric.numerator), denominator: part(metric.denominator) } } : {}),
    ranking: rows,
    apart: comparison.apart.map((e) => {
      const view = figureView(context, e.figure, path);
      return { province: { label: e.province.name, href: relativeHref(path, sitePaths.province(e.province.id)) }, display: view.display, href: view.href, periodLabel: view.periodLabel, reason: e.reason, ...(view.summed === undefined ? {} : { summed: view.summed }) };
    }),
    notReported: comparison.notReported.map((p) => p.name),
    charts: linkCharts(path, charts),
    ...(rows.length > 0 ? { compare: { label: `各省${metric.name}对比`, href: relativeHref(path, sitePaths.compareMetric(metricId)) } } : {}),
  };
}
