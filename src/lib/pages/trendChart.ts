/** A trend chart of one metric: one line per province or unit over its periods. */
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { ChartSpec } from './chartData.ts';
import type { PageContext } from './context.ts';
import { siteSourceNote } from './chartData.ts';
import { chartValue } from './views.ts';

export function trendChart(
  context: PageContext,
  metric: Metric,
  series: ReadonlyArray<{ name: string; figures: readonly Figure[] }>,
  id: string,
  subject: string,
): ChartSpec {
  const withPoints = series.filter((s) => s.figures.length > 0);
  const rows = withPoints.flatMap((s) => s.figures.map((f) => [s.name, periodLabel(f.period), chartValue(context, f, metric).display]));
  return {
    id,
    kind: 'trendLines',
    title: `${subject}${metric.name}的变化`,
    caption: `横轴为期间的最后一年；方形表示跨多年的期间，其数字不能与单一年度直接比较。空心标记为约数（余、近、约）。${siteSourceNote}`,
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
