/**
 * The charts of a review page, each built only when the review has the
 * figures it needs: peers and coverage always; rates, the case pipeline and
 * figures of one measure word when present.
 */
import { periodLabel } from '../period.ts';
import { categoryLabel } from '../labels.ts';
import type { Figure } from '../schema/figure.ts';
import { comparableGroups } from '../aggregate/comparability.ts';
import { isUsual } from '../aggregate/slot.ts';
import { figureFields } from '../aggregate/reportedFigure.ts';
import { partsDisagree } from '../aggregate/statedRatio.ts';
import type { ChartSpec, CoverageCell, RateRow } from './chartData.ts';
import type { PageContext, Review } from './context.ts';
import { headlineMetricOrder } from './headlines.ts';
import { chartValue, figureStanding } from './views.ts';

/** The family of metrics that are steps of one discipline case, all counted in 件 (data/metrics.csv). */
export const casePipelineFamily = 'case-pipeline';

const approximateNote = '空心标记为约数（余、近、约）。';

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
  const differing = figures.filter(partsDisagree);
  if (differing.length === 0) return undefined;
  const rows: RateRow[] = differing.map((f) => {
    const metric = context.metrics.get(f.metric);
    const parts = f.computed;
    if (!metric || !parts) throw new Error(f.metric);
    const computed = { ...figureFields(f), value: parts.value, qualifier: parts.qualifier, basis: 'ratio_of_parts' as const, observations: parts.observations };
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

export function reviewCharts(context: PageContext, review: Review, figures: readonly Figure[]): ChartSpec[] {
  const prefix = chartPrefix(review);
  const chosen = headlineFigures(figures, review);
  return [
    rateChart(context, review, figures, `${prefix}-rates`),
    pipelineChart(context, review, chosen, `${prefix}-cases`),
    coverageChart(context, review, figures, `${prefix}-coverage`),
  ].filter((c): c is ChartSpec => c !== undefined);
}
