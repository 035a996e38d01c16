/**
 * The charts of a review page, each built only when the review has the
 * figures it needs: peers and coverage always; rates, the case pipeline and
 * figures of one measure word when present.
 */
import { periodLabel } from '../period.ts';
import { categoryLabel } from '../labels.ts';
import type { Figure } from '../schema/figure.ts';
import { comparableGroups, rankable } from '../aggregate/comparability.ts';
import { isUsual } from '../aggregate/slot.ts';
import type { ChartSpec, CoverageCell, PeerRow, RateRow } from './chartData.ts';
import { latestFigure, reportingProvinces, type PageContext, type Review } from './context.ts';
import { headlineFirst, headlineMetricOrder } from './headlines.ts';
import { chartValue, figureStanding } from './views.ts';

/** The family of metrics that are steps of one discipline case, all counted in 件 (data/metrics.csv). */
export const casePipelineFamily = 'case-pipeline';

const approximateNote = '空心标记为约数（余、近、约）。';
/** Rows of the peer chart at most: eight rows of thirty-one dots still read, and keep a review page light; metric and compare pages have the rest. */
const peerRowLimit = 8;

function sourceLine(review: Review): string {
  return `来源：${review.sources.map((s) => s.title).join('；') || '本站数据'}。`;
}

function withPeriod(context: PageContext, figure: Figure, review: Review): string {
  const name = context.metrics.get(figure.metric)?.name ?? figure.metric;
  const apart = [...(figure.period.id === review.period.id ? [] : [periodLabel(figure.period)]), ...figureStanding(figure)];
  return apart.length === 0 ? name : `${name}（${apart.join('；')}）`;
}

/**
 * The figure of each metric a review shows first: one of the committee's usual scope and time
 * before any other, then its own period, else the latest (and shortest) within it.
 */
export function headlineFigures(figures: readonly Figure[], review: Review): Map<string, Figure> {
  const preference = (f: Figure) => (isUsual(f) ? 1e7 : 0) + (f.period.id === review.period.id ? 1e6 : 0) + f.period.end * 10 - f.period.years;
  const chosen = new Map<string, Figure>();
  for (const f of figures) {
    const held = chosen.get(f.metric);
    if (!held || preference(f) > preference(held)) chosen.set(f.metric, f);
  }
  return chosen;
}

/**
 * The review's figures beside other provinces' latest figures of the same metric, where the two
 * may be compared (comparability.ts): same scope and counting, flows of equal length, stocks at
 * one point. A metric no other province reports comparably has no row; with no row at all
 * there is no chart.
 */
function peerChart(context: PageContext, review: Review, chosen: Map<string, Figure>, id: string): ChartSpec | undefined {
  const peers = reportingProvinces(context).filter((p) => p.id !== review.province.id);
  const comparablePeers = new Map<string, Array<{ name: string; figure: Figure }>>();
  for (const [metricId, own] of chosen) {
    const others = peers.flatMap((p) => {
      const f = latestFigure(context, p.id, metricId);
      return f && rankable(own, f, context.metrics).comparable ? [{ name: p.name, figure: f }] : [];
    });
    if (others.length > 0) comparablePeers.set(metricId, others);
  }
  // At most a few rows, headline metrics first: a chart, not a table of every metric.
  const metricIds = headlineFirst(comparablePeers.keys(), peerRowLimit);
  if (metricIds.length === 0) return undefined;
  const rows: PeerRow[] = [];
  // The table has a row per province and a column per metric: the chart's dots, read across.
  const cells = new Map<string, string[]>([review.province, ...peers].map((p) => [p.name, []]));
  const headers: string[] = [];
  for (const metricId of metricIds) {
    const own = chosen.get(metricId);
    const metric = context.metrics.get(metricId);
    const others = comparablePeers.get(metricId) ?? [];
    if (!metric || !own) continue;
    const all = [{ name: review.province.name, figure: own, self: true }, ...others.map((o) => ({ ...o, self: false }))];
    const max = Math.max(...all.map((p) => p.figure.value));
    rows.push({
      metricName: metric.name,
      points: all.map((p) => ({ ...chartValue(context, p.figure, metric), name: p.name, self: p.self, relative: max > 0 ? p.figure.value / max : 0 })),
      notReported: peers.filter((p) => !others.some((o) => o.name === p.name)).map((p) => p.name),
    });
    headers.push(`${metric.name}（${periodLabel(own.period)}）`);
    for (const column of cells.values()) column.push('无可比数字');
    for (const p of all) {
      // A province's latest period is named when it is not the period of this review's own figure.
      const period = p.figure.period.id === own.period.id ? '' : `（${periodLabel(p.figure.period)}）`;
      (cells.get(p.name) as string[])[rows.length - 1] = `${chartValue(context, p.figure, metric).display}${period}`;
    }
  }
  const table = [...cells].filter(([, column]) => column.some((c) => c !== '无可比数字')).map(([name, column]) => [name, ...column]);
  return {
    id,
    kind: 'peerStrip',
    title: `${review.province.name}与其他省份的同一指标`,
    caption: `每行一个指标，每个点是一个省份最近一期的数字，按该指标的最大值折算位置；橙色为${review.province.name}。只列口径、计量和期间可比的省份；其余省份未报告此项或数字不可比。${approximateNote}`,
    description: `${review.province.name}本期${rows.length}项指标，与其他省份可比数字的相对位置。`,
    table: { columns: ['省份', ...headers], rows: table },
    data: { selfName: review.province.name, rows },
  };
}

/** Which of the headline metrics (the ones every review is expected to give) this review reports. */
function coverageChart(context: PageContext, review: Review, figures: readonly Figure[], id: string): ChartSpec {
  const headline = headlineMetricOrder.flatMap((metricId) => {
    const metric = context.metrics.get(metricId);
    return metric ? [metric] : [];
  });
  const cells: CoverageCell[] = headline.map((metric) => {
    const own = figures.filter((f) => f.metric === metric.id);
    const status = own.length === 0 ? 'not_reported' : own.some((f) => f.qualifier === 'exact') ? 'reported' : 'approximate';
    return { category: categoryLabel[metric.category], metricName: metric.name, status };
  });
  const reported = cells.filter((c) => c.status !== 'not_reported').length;
  const statusLabel = { reported: '已报告', approximate: '仅有约数', not_reported: '未报告' } as const;
  return {
    id,
    kind: 'coverageMatrix',
    title: `本期报告了哪些主要指标`,
    caption: `主要指标共${cells.length}项，本期报告${reported}项（含其他口径或未注明时间的数字）。实心为已报告，空心为仅有约数，浅色为未报告。${sourceLine(review)}`,
    description: `${review.province.name}${periodLabel(review.period)}报告了${cells.length}项主要指标中的${reported}项。`,
    table: { columns: ['类别', '指标', '状态'], rows: cells.map((c) => [c.category, c.metricName, statusLabel[c.status]]) },
    data: { cells },
  };
}

/** Stated rates whose own parts give another value: the stated bar, and a tick where the parts put it. */
function rateChart(context: PageContext, review: Review, figures: readonly Figure[], id: string): ChartSpec | undefined {
  const differing = figures.filter((f) => f.computed && !f.computed.agrees);
  if (differing.length === 0) return undefined;
  const rows: RateRow[] = differing.map((f) => {
    const metric = context.metrics.get(f.metric);
    if (!metric || !f.computed) throw new Error(f.metric);
    const computed = { ...f, value: f.computed.value, qualifier: f.computed.qualifier, basis: 'ratio_of_parts' as const, observations: f.computed.observations };
    return { label: withPeriod(context, f, review), rate: chartValue(context, f, metric), computed: chartValue(context, computed, metric) };
  });
  return {
    id,
    kind: 'rateBars',
    title: '原文比率与计算值',
    caption: `条形为原文比率；竖线为按原文分子、分母计算的比率。两者不同，页面都予保留。${sourceLine(review)}`,
    description: rows.map((r) => `${r.label}原文${r.rate.display}，计算值${r.computed?.display ?? ''}`).join('，'),
    table: { columns: ['指标', '原文比率', '计算值'], rows: rows.map((r) => [r.label, r.rate.display, r.computed?.display ?? '']) },
    data: { rows },
  };
}

/**
 * The steps of discipline work the review gives, in dictionary order, on one axis: only metrics of
 * the case-pipeline family (all 件), and only figures that may be ranked together.
 */
function pipelineChart(context: PageContext, review: Review, chosen: Map<string, Figure>, id: string): ChartSpec | undefined {
  const inFamily = context.dataSet.metrics.flatMap((m) => {
    const f = chosen.get(m.id);
    return m.family === casePipelineFamily && f ? [f] : [];
  });
  const [figures = []] = comparableGroups(inFamily, (f) => f, context.metrics);
  const steps = figures.flatMap((f) => {
    const metric = context.metrics.get(f.metric);
    return metric ? [{ ...chartValue(context, f, metric), label: withPeriod(context, f, review), unitLabel: metric.unit }] : [];
  });
  if (steps.length < 2) return undefined;
  return {
    id,
    kind: 'casePipeline',
    title: '监督执纪：从线索到审理',
    caption: `按办理顺序排列，均以“件”计。处分、谈话等以“人次”计，不在此图中，见数字表。${sourceLine(review)}`,
    description: steps.map((s) => `${s.label}${s.display}`).join('，'),
    table: { columns: ['环节', '数值', '量词'], rows: steps.map((s) => [s.label, s.display, s.unitLabel]) },
    data: { steps },
  };
}

const chartPrefix = (review: Review) => `${review.province.id}-${review.period.id}`;

/** The one chart of a review that reads other provinces: their latest comparable figures of the review's metrics; none when no other province has one. */
export function reviewPeerChart(context: PageContext, review: Review, figures: readonly Figure[]): ChartSpec | undefined {
  return peerChart(context, review, headlineFigures(figures, review), `${chartPrefix(review)}-peers`);
}

export function reviewCharts(context: PageContext, review: Review, figures: readonly Figure[]): ChartSpec[] {
  const prefix = chartPrefix(review);
  const chosen = headlineFigures(figures, review);
  return [
    reviewPeerChart(context, review, figures),
    rateChart(context, review, figures, `${prefix}-rates`),
    pipelineChart(context, review, chosen, `${prefix}-cases`),
    coverageChart(context, review, figures, `${prefix}-coverage`),
  ].filter((c): c is ChartSpec => c !== undefined);
}
