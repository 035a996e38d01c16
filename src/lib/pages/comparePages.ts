/**
 * Page data of the compare pages: the overview of who reports what, one page
 * per metric (provinces side by side, raw and per 100 branches), and one page
 * per pair of provinces over every metric they share. Wherever periods or
 * scopes differ, the row says so.
 */
import { branchCountMetric } from '../aggregate/normalise.ts';
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Province } from '../schema/province.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { linkCharts, siteSourceNote, type ChartSpec } from './chartData.ts';
import { latestFigure, reportingProvinces, type PageContext } from './context.ts';
import { latestComparison } from './comparison.ts';
import { metricsShownWith } from './metricPage.ts';
import type { PageScope } from './published.ts';
import { rankable } from '../aggregate/comparability.ts';
import type { Link } from './reviewPage.ts';
import { chartValue, figureCell, perHundredBranchesDisplay } from './views.ts';

export interface CompareCell {
  display: string;
  href: string;
  approximate: boolean;
  periodLabel: string;
  perHundredBranches?: string;
  notes: string[];
  summed?: string;
}

export interface CompareIndexData {
  path: string;
  provinces: Array<Link & { id: string }>;
  rows: Array<{ metricName: string; metricHref: string; compareHref: string; cells: Array<CompareCell | null> }>;
  pairs: Array<Link & { shared: number }>;
  /** The pair the picker opens on: the one sharing the most metrics, so its first answer is never empty. */
  defaultPair?: { a: string; b: string };
}

export interface CompareMetricSection {
  title: string;
  note?: string;
  rows: Array<{ province: Link; cell: CompareCell }>;
  charts: ChartSpec[];
}

export interface CompareMetricData {
  path: string;
  metric: Link;
  name: string;
  sections: CompareMetricSection[];
}

export interface ComparePairData {
  path: string;
  a: Link;
  b: Link;
  rows: Array<{ metricName: string; metricHref: string; a: CompareCell; b: CompareCell; note: string }>;
}

function cell(context: PageContext, figure: Figure, path: string): CompareCell {
  const metric = context.metrics.get(figure.metric);
  if (!metric) throw new Error(`figure of unknown metric ${figure.metric}`);
  // A cell, not a full view: a compare page shows no citations.
  const view = figureCell(context, figure, path);
  const perHundredBranches = perHundredBranchesDisplay(context, figure, metric);
  return {
    display: view.display,
    href: view.href,
    approximate: view.approximate,
    periodLabel: periodLabel(figure.period),
    ...(perHundredBranches ? { perHundredBranches } : {}),
    notes: view.notes,
    ...(view.summed === undefined ? {} : { summed: view.summed }),
  };
}

/** What a reader must know before setting two figures side by side: why they may not be compared, or that their periods differ. */
export function pairNote(context: PageContext, a: Figure, b: Figure): string {
  const verdict = rankable(a, b, context.metrics);
  if (!verdict.comparable) return `不可比：${verdict.label}`;
  return a.period.id === b.period.id ? '' : `期间不同（${periodLabel(a.period)}与${periodLabel(b.period)}），长度相同`;
}

/** Metrics both provinces report, by dictionary order. */
export function sharedMetrics(context: PageContext, a: string, b: string): string[] {
  return context.dataSet.metrics.map((m) => m.id).filter((id) => latestFigure(context, a, id) && latestFigure(context, b, id));
}

export function compareIndexData(context: PageContext): CompareIndexData {
  const path = sitePaths.compare();
  const provinces = reportingProvinces(context);
  const metrics = context.dataSet.metrics.filter((m) => provinces.some((p) => latestFigure(context, p.id, m.id)));
  const pairs = provinces.flatMap((a, i) =>
    provinces.slice(i + 1).map((b) => ({
      a: a.id,
      b: b.id,
      label: `${a.name}与${b.name}`,
      href: relativeHref(path, sitePaths.comparePair(a.id, b.id)),
      shared: sharedMetrics(context, a.id, b.id).length,
    })),
  );
  const best = pairs.reduce<(typeof pairs)[number] | undefined>((held, p) => (p.shared > 0 && (!held || p.shared > held.shared) ? p : held), undefined);
  return {
    path,
    provinces: provinces.map((p) => ({ id: p.id, label: p.name, href: relativeHref(path, sitePaths.province(p.id)) })),
    rows: metrics.map((m) => ({
      metricName: m.name,
      metricHref: relativeHref(path, sitePaths.metric(m.id)),
      compareHref: relativeHref(path, sitePaths.compareMetric(m.id)),
      cells: provinces.map((p) => {
        const f = latestFigure(context, p.id, m.id);
        return f ? cell(context, f, path) : null;
      }),
    })),
    pairs: pairs.filter((p) => p.shared > 0).map(({ label, href, shared }) => ({ label, href, shared })),
    ...(best ? { defaultPair: { a: best.a, b: best.b } } : {}),
  };
}

/** Bars of figures that may be ranked together (the caller's entries are); none for fewer than two. */
function barsChart(context: PageContext, id: string, title: string, caption: string, entries: Array<{ province: Province; figure: Figure }>, normalised: boolean): ChartSpec | undefined {
  const metric = context.metrics.get(entries[0]?.figure.metric ?? '');
  if (!metric || entries.length < 2) return undefined;
  const bars = entries.flatMap(({ province, figure }) => {
    if (!normalised) return [{ ...chartValue(context, figure, metric), label: province.name, highlight: false }];
    const display = perHundredBranchesDisplay(context, figure, metric);
    const branches = context.figures.get(figure.province, null, figure.period, branchCountMetric);
    if (!display || !branches) return [];
    return [{ value: (figure.value / branches.value) * 100, display, approximate: figure.qualifier !== 'exact' || branches.qualifier !== 'exact', label: province.name, highlight: false }];
  });
  if (bars.length < 2) return undefined;
  return {
    id,
    kind: 'rankedBars',
    title,
    caption,
    description: bars.map((b) => `${b.label}${b.display}`).join('，'),
    table: { columns: ['省份', '数值'], rows: bars.map((b) => [b.label, b.display]) },
    data: { unitLabel: normalised ? `${metric.unit}/百个党支部` : metric.unit, isShare: metric.kind === 'ratio', bars },
  };
}

/** What a metric's compare page reads (published.ts): the rows of the metrics its figures are shown with (metricsShownWith), in every province and unit. */
export function compareMetricScope(context: PageContext, metricId: string): PageScope {
  return { metrics: metricsShownWith(context, metricId) };
}

export function compareMetricData(context: PageContext, metricId: string): CompareMetricData {
  const metric = context.metrics.get(metricId);
  if (!metric) throw new Error(`no metric '${metricId}'`);
  const path = sitePaths.compareMetric(metricId);
  const provinces = context.dataSet.provinces;
  type Entry = { province: Province; figure: Figure };
  /** Rows of `shown`; charts of `entries`, which may be ranked together. */
  const section = (title: string, key: string, entries: Entry[], note?: string, perHundred = false, shown: Entry[] = entries): CompareMetricSection => ({
    title,
    ...(note ? { note } : {}),
    rows: shown.map(({ province, figure }) => ({
      province: { label: province.name, href: relativeHref(path, sitePaths.province(province.id)) },
      cell: cell(context, figure, path),
    })),
    charts: linkCharts(path, [
      barsChart(context, `compare-${metricId}-${key}`, `${metric.name}：${title}`, `原始数字。空心条为约数。${note ?? ''}${siteSourceNote}`, entries, false),
      perHundred ? barsChart(context, `compare-${metricId}-${key}-per100`, `${metric.name}每百个党支部：${title}`, `以同一省同一期的党支部数折算；党支部数未报告的省份不列。${siteSourceNote}`, entries, true) : undefined,
    ].filter((c): c is ChartSpec => c !== undefined)),
  });

  const comparison = latestComparison(context, metricId);
  const latest = comparison.compared;
  const periods = [...new Map(latest.map((e) => [e.figure.period.id, e.figure.period])).values()];
  const sections: CompareMetricSection[] = [];
  if (periods.length > 1 || comparison.apart.length > 0) {
    const apartNote = comparison.apart.map((e) => `${e.province.name}${periodLabel(e.figure.period)}：${e.reason}`).join('；');
    const note = [periods.length > 1 ? '各省最近一期的年份不同，期间长度相同。' : '', apartNote ? `不参加比较：${apartNote}。` : ''].join('');
    sections.push(section('各省最近一期', 'latest', latest, note, true, [...latest, ...comparison.apart]));
  }
  // Every period of the metric's committee figures, from the provinces' series: scanning all figures took 50 ms a page.
  const committeeFigures = provinces.flatMap((p) => context.figures.series(p.id, null, metricId));
  const allPeriods = [...new Map(committeeFigures.map((f) => [f.period.id, f.period])).values()].sort(
    (a, b) => b.end - a.end || a.years - b.years,
  );
  for (const [i, period] of allPeriods.entries()) {
    const entries = provinces.flatMap((p) => {
      const figure = context.figures.get(p.id, null, period, metricId);
      return figure ? [{ province: p, figure }] : [];
    });
    // Per 100 branches is charted once: for the latest figures, or the newest period when all share it.
    sections.push(section(periodLabel(period), period.id, entries, period.years > 1 ? '本期跨多年。' : undefined, i === 0 && sections.length === 0));
  }
  return { path, metric: { label: metric.name, href: relativeHref(path, sitePaths.metric(metricId)) }, name: metric.name, sections };
}

export function comparePairData(context: PageContext, a: string, b: string): ComparePairData {
  const pa = context.provinces.get(a);
  const pb = context.provinces.get(b);
  if (!pa || !pb) throw new Error(`no pair '${a}/${b}'`);
  const path = sitePaths.comparePair(a, b);
  return {
    path,
    a: { label: pa.name, href: relativeHref(path, sitePaths.province(a)) },
    b: { label: pb.name, href: relativeHref(path, sitePaths.province(b)) },
    rows: sharedMetrics(context, a, b).map((id) => {
      const metric = context.metrics.get(id);
      const fa = latestFigure(context, a, id);
      const fb = latestFigure(context, b, id);
      if (!metric || !fa || !fb) throw new Error(id);
      return {
        metricName: metric.name,
        metricHref: relativeHref(path, sitePaths.metric(id)),
        a: cell(context, fa, path),
        b: cell(context, fb, path),
        note: pairNote(context, fa, fb),
      };
    }),
  };
}
