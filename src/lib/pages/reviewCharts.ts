/**
 * The charts of a review page, each built only when the review has the
 * figures it needs: peers and coverage always; rates, the case pipeline and
 * figures of one measure word when present.
 */
import { periodLabel } from '../period.ts';
import { categoryLabel } from '../labels.ts';
import type { Figure } from '../schema/figure.ts';
import type { ChartSpec, CoverageCell, PeerRow, RateRow } from './chartData.ts';
import { latestFigure, reportingProvinces, type PageContext, type Review } from './context.ts';
import { headlineFirst } from './headlines.ts';
import { chartValue } from './views.ts';

/** Steps of a discipline case, in the order a case moves. */
export const casePipelineSteps = [
  'petitions-leads',
  'preliminary-verifications',
  'inquiry-letters',
  'cases-filed',
  'cases-tried',
  'sanctions',
  'first-form-actions',
] as const;

const approximateNote = '空心标记为约数（余、近、约）。';
/** Rows of the peer chart at most: eight rows of thirty-one dots still read, and keep a review page light; metric and compare pages have the rest. */
const peerRowLimit = 8;

function sourceLine(review: Review): string {
  return `来源：${review.sources.map((s) => s.title).join('；') || '本站数据'}。`;
}

function withPeriod(context: PageContext, figure: Figure, review: Review): string {
  const name = context.metrics.get(figure.metric)?.name ?? figure.metric;
  return figure.period.id === review.period.id ? name : `${name}（${periodLabel(figure.period)}）`;
}

/** The figure of each metric a review shows: its own period first, else the latest (and shortest) within it. */
export function headlineFigures(figures: readonly Figure[], review: Review): Map<string, Figure> {
  const preference = (f: Figure) => (f.period.id === review.period.id ? 1e6 : 0) + f.period.end * 10 - f.period.years;
  const chosen = new Map<string, Figure>();
  for (const f of figures) {
    const held = chosen.get(f.metric);
    if (!held || preference(f) > preference(held)) chosen.set(f.metric, f);
  }
  return chosen;
}

function peerChart(context: PageContext, review: Review, chosen: Map<string, Figure>, id: string): ChartSpec {
  const peers = reportingProvinces(context).filter((p) => p.id !== review.province.id);
  const shared = [...chosen.keys()].filter((id) => peers.some((p) => latestFigure(context, p.id, id)));
  // Metrics only this province reports say nothing about peers; they are listed in the caption instead.
  // At most a dozen rows, headline metrics first: a chart, not a table of every metric.
  const metricIds = headlineFirst(shared.length > 0 ? shared : [...chosen.keys()], peerRowLimit);
  const alone = chosen.size - shared.length;
  const rows: PeerRow[] = [];
  // The table has a row per province and a column per metric: the chart's dots, read across.
  const cells = new Map<string, string[]>([review.province, ...peers].map((p) => [p.name, []]));
  const headers: string[] = [];
  for (const metricId of metricIds) {
    const own = chosen.get(metricId);
    const metric = context.metrics.get(metricId);
    if (!metric || !own) continue;
    const others = peers.flatMap((p) => {
      const f = latestFigure(context, p.id, metricId);
      return f ? [{ name: p.name, figure: f, self: false }] : [];
    });
    const all = [{ name: review.province.name, figure: own, self: true }, ...others];
    const max = Math.max(...all.map((p) => p.figure.value));
    rows.push({
      metricName: metric.name,
      points: all.map((p) => ({ ...chartValue(context, p.figure, metric), name: p.name, self: p.self, relative: max > 0 ? p.figure.value / max : 0 })),
      notReported: peers.filter((p) => !others.some((o) => o.name === p.name)).map((p) => p.name),
    });
    headers.push(`${metric.name}（${periodLabel(own.period)}）`);
    for (const column of cells.values()) column.push('未报告');
    for (const p of all) {
      // A province's latest period is named when it is not the period of this review's own figure.
      const period = p.figure.period.id === own.period.id ? '' : `（${periodLabel(p.figure.period)}）`;
      (cells.get(p.name) as string[])[rows.length - 1] = `${chartValue(context, p.figure, metric).display}${period}`;
    }
  }
  const table = [...cells].filter(([, column]) => column.some((c) => c !== '未报告')).map(([name, column]) => [name, ...column]);
  return {
    id,
    kind: 'peerStrip',
    title: `${review.province.name}与其他省份的同一指标`,
    caption: `每行一个指标，每个点是一个省份最近一期的数字，按该指标的最大值折算位置；橙色为${review.province.name}。${shared.length === 0 ? '其他省份均未报告这些指标。' : alone > 0 ? `另有${alone}项指标只有${review.province.name}报告，未列入。` : ''}${shared.length > metricIds.length ? `共有指标${shared.length}项，图中列出${metricIds.length}项，全部见数据表与比较页。` : ''}各省期间与口径不尽相同。${approximateNote}`,
    description: `${review.province.name}本期报告的${rows.length}项指标，与其他省份同一指标的相对位置。`,
    table: { columns: ['省份', ...headers], rows: table },
    data: { selfName: review.province.name, rows },
  };
}

function coverageChart(context: PageContext, review: Review, figures: readonly Figure[], id: string): ChartSpec {
  const cells: CoverageCell[] = context.dataSet.metrics.map((metric) => {
    const own = figures.filter((f) => f.metric === metric.id);
    const status = own.length === 0 ? 'not_reported' : own.some((f) => f.qualifier === 'exact') ? 'reported' : 'approximate';
    return { category: categoryLabel[metric.category], metricName: metric.name, status };
  });
  const reported = cells.filter((c) => c.status !== 'not_reported').length;
  const statusLabel = { reported: '已报告', approximate: '仅有约数', not_reported: '未报告' } as const;
  return {
    id,
    kind: 'coverageMatrix',
    title: `本期报告了指标体系中的哪些指标`,
    caption: `指标体系共${cells.length}项，本期报告${reported}项。实心为已报告，空心为仅有约数，浅色为未报告。${sourceLine(review)}`,
    description: `${review.province.name}${periodLabel(review.period)}报告了${cells.length}项指标中的${reported}项。`,
    table: { columns: ['类别', '指标', '状态'], rows: cells.map((c) => [c.category, c.metricName, statusLabel[c.status]]) },
    data: { cells },
  };
}

function rateChart(context: PageContext, review: Review, figures: readonly Figure[], id: string): ChartSpec | undefined {
  const ratios = figures.filter((f) => context.metrics.get(f.metric)?.kind === 'ratio');
  if (ratios.length === 0) return undefined;
  const rows: RateRow[] = ratios.map((f) => {
    const metric = context.metrics.get(f.metric);
    if (!metric) throw new Error(f.metric);
    const row: RateRow = { label: withPeriod(context, f, review), rate: chartValue(context, f, metric) };
    if (f.stated) {
      const stated = { ...f, value: f.stated.value, qualifier: f.stated.qualifier, basis: 'reported' as const, observations: [f.stated.observation] };
      row.stated = chartValue(context, stated, metric);
    }
    return row;
  });
  return {
    id,
    kind: 'rateBars',
    title: '比率',
    caption: `条形为采用值：分子分母都已知时按两者计算，否则为原文比率；原文比率与计算值不同时以竖线标出原文值。${sourceLine(review)}`,
    description: rows.map((r) => `${r.label}${r.rate.display}${r.stated ? `（原文${r.stated.display}）` : ''}`).join('，'),
    table: { columns: ['指标', '采用值', '原文值'], rows: rows.map((r) => [r.label, r.rate.display, r.stated?.display ?? '']) },
    data: { rows },
  };
}

function pipelineChart(context: PageContext, review: Review, chosen: Map<string, Figure>, id: string): ChartSpec | undefined {
  const steps = casePipelineSteps.flatMap((metricId) => {
    const f = chosen.get(metricId);
    const metric = context.metrics.get(metricId);
    return f && metric ? [{ ...chartValue(context, f, metric), label: withPeriod(context, f, review), unitLabel: metric.unit }] : [];
  });
  if (steps.length < 3) return undefined;
  return {
    id,
    kind: 'casePipeline',
    title: '监督执纪：从线索到处分',
    caption: `按办理顺序排列。件与人次是不同的量词，条形长度只在同一量词之间可比。${sourceLine(review)}`,
    description: steps.map((s) => `${s.label}${s.display}`).join('，'),
    table: { columns: ['环节', '数值', '量词'], rows: steps.map((s) => [s.label, s.display, s.unitLabel]) },
    data: { steps },
  };
}

function measureChart(context: PageContext, review: Review, chosen: Map<string, Figure>, exclude: ReadonlySet<string>, id: string): ChartSpec | undefined {
  const groups = new Map<string, Figure[]>();
  for (const f of chosen.values()) {
    const metric = context.metrics.get(f.metric);
    if (!metric || metric.kind === 'ratio' || exclude.has(f.metric)) continue;
    groups.set(metric.unit, [...(groups.get(metric.unit) ?? []), f]);
  }
  const [unit, figures] = [...groups].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!unit || !figures || figures.length < 2) return undefined;
  const bars = figures.map((f) => {
    const metric = context.metrics.get(f.metric);
    if (!metric) throw new Error(f.metric);
    return { ...chartValue(context, f, metric), label: withPeriod(context, f, review), highlight: false };
  });
  return {
    id,
    kind: 'rankedBars',
    title: `以“${unit}”计的数字`,
    caption: `本期以同一量词“${unit}”报告的各项数字，按大小排列。${approximateNote}${sourceLine(review)}`,
    description: bars.map((b) => `${b.label}${b.display}`).join('，'),
    table: { columns: ['指标', '数值'], rows: bars.map((b) => [b.label, b.display]) },
    data: { unitLabel: unit, isShare: false, bars },
  };
}

const chartPrefix = (review: Review) => `${review.province.id}-${review.period.id}`;

/** The one chart of a review that reads other provinces: their latest figures of the review's headline metrics. */
export function reviewPeerChart(context: PageContext, review: Review, figures: readonly Figure[]): ChartSpec {
  return peerChart(context, review, headlineFigures(figures, review), `${chartPrefix(review)}-peers`);
}

export function reviewCharts(context: PageContext, review: Review, figures: readonly Figure[]): ChartSpec[] {
  const prefix = chartPrefix(review);
  const chosen = headlineFigures(figures, review);
  const pipeline = pipelineChart(context, review, chosen, `${prefix}-cases`);
  const inPipeline = new Set(pipeline ? casePipelineSteps : []);
  return [
    reviewPeerChart(context, review, figures),
    rateChart(context, review, figures, `${prefix}-rates`),
    pipeline,
    measureChart(context, review, chosen, inPipeline, `${prefix}-measure`),
    coverageChart(context, review, figures, `${prefix}-coverage`),
  ].filter((c): c is ChartSpec => c !== undefined);
}
