/** A trend chart of one metric: one line per province or unit over its periods. */
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { ChartSpec } from './chartData.ts';
import type { PageContext } from './context.ts';
import { siteSourceNote } from './chartData.ts';
import { chartValue } from './views.ts';
import { changeable } from '../aggregate/comparability.ts';

/**
 * The figures of a series a trend line may join: the longest run from the latest backwards in
 * which each step may be turned into a change (comparability.ts), so a line never joins a
 * two-year total to a one-year figure, nor a running total or an undated figure to anything.
 */
export function trendSeries(context: PageContext, series: readonly Figure[]): Figure[] {
  const run: Figure[] = [];
  for (let i = series.length - 1; i >= 0; i--) {
    const figure = series[i] as Figure;
    const next = run[0];
    if (next && !changeable(figure, next, context.metrics).comparable) break;
    run.unshift(figure);
  }
  return run;
}

/** Lines one chart can tell apart: the palette's eight colours (charts/style.ts). */
export const trendLineLimit = 8;

export function trendChart(
  context: PageContext,
  metric: Metric,
  series: ReadonlyArray<{ name: string; figures: readonly Figure[] }>,
  id: string,
  subject: string,
): ChartSpec {
  const reporting = series.filter((s) => s.figures.length > 0);
  // More lines than colours read as none: the largest latest values are drawn, the page's table has every one.
  const latest = (s: (typeof series)[number]) => s.figures.at(-1)?.value ?? 0;
  const withPoints = reporting.length <= trendLineLimit ? reporting : [...reporting].sort((a, b) => latest(b) - latest(a)).slice(0, trendLineLimit);
  const left = reporting.length - withPoints.length;
  const rows = withPoints.flatMap((s) => s.figures.map((f) => [s.name, periodLabel(f.period), chartValue(context, f, metric).display]));
  return {
    id,
    kind: 'trendLines',
    title: `${subject}${metric.name}的变化`,
    caption: `横轴为期间的最后一年；线上只连接可比的数字（口径、计量相同，流量的期间长度相同）。空心标记为约数（余、近、约）。${left > 0 ? `图中为最近一期数值最大的${trendLineLimit}条线，另有${left}条见本页表格。` : ''}${siteSourceNote}`,
    description: rows.map((r) => `${r[0]}${r[1]}${r[2]}`).join('，'),
    table: { columns: ['名称', '期间', '数值'], rows },
    data: {
      unitLabel: metric.unit,
      isShare: metric.kind === 'ratio',
      series: withPoints.map((s) => ({
        name: s.name,
        points: s.figures.map((f) => ({ ...chartValue(context, f, metric), year: f.period.end, periodLabel: periodLabel(f.period), years: f.period.years })),
      })),
    },
  };
}
