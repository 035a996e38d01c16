/** The tile grid of one metric: each province's latest figure placed roughly where the province lies. */
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { tilePosition } from '../site/tileLayout.ts';
import type { ChartSpec } from './chartData.ts';
import { latestFigure, type PageContext } from './context.ts';
import { siteSourceNote } from './chartData.ts';
import { chartValue, notReportedDisplay } from './views.ts';

export function tileChart(context: PageContext, metric: Metric, id: string, pagePath: string): ChartSpec {
  const provinces = context.dataSet.provinces;
  const positions = tilePosition(provinces.map((p) => p.id));
  const entries = provinces.map((p) => ({ province: p, figure: latestFigure(context, p.id, metric.id) }));
  const periods = [...new Set(entries.flatMap((e) => (e.figure ? [periodLabel(e.figure.period)] : [])))];
  const reported = entries.filter((e) => e.figure).length;
  const periodNote = periods.length > 1 ? `各省最近一期的期间不同（${periods.join('、')}）。` : periods.length === 1 ? `期间：${periods[0]}。` : '';
  return {
    id,
    kind: 'tileGrid',
    title: `各省${metric.name}`,
    caption: `每个方块是一个省（区、市），大致按地理位置排列；颜色越深数值越大；灰底为有其他数据但未报告此项，虚线框为尚无数据，两者都不是零。${periodNote}数字为各省最近一期。${siteSourceNote}`,
    description: `${provinces.length}个省级单位中有${reported}个报告了${metric.name}。`,
    table: {
      columns: ['省份', '数值', '期间'],
      rows: entries.map((e) => [e.province.name, e.figure ? chartValue(context, e.figure, metric).display : notReportedDisplay, e.figure ? periodLabel(e.figure.period) : '']),
    },
    data: {
      metricName: metric.name,
      isShare: metric.kind === 'ratio',
      periodNote,
      tiles: entries.map((e) => {
        const [column, row] = positions.get(e.province.id) ?? [0, 0];
        const hasPage = (context.committeeFigures.get(e.province.id)?.length ?? 0) > 0;
        return {
          id: e.province.id,
          name: e.province.name,
          column,
          row,
          figure: e.figure ? chartValue(context, e.figure, metric) : null,
          href: hasPage ? relativeHref(pagePath, sitePaths.province(e.province.id)) : null,
        };
      }),
    },
  };
}
