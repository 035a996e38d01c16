/** The tile grid of one metric: each province's latest comparable figure placed roughly where the province lies. */
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { tilePosition } from '../site/tileLayout.ts';
import type { ChartSpec } from './chartData.ts';
import { siteSourceNote } from './chartData.ts';
import { latestComparison } from './comparison.ts';
import { reportingProvinces, type PageContext } from './context.ts';
import { chartValue, notReportedDisplay } from './views.ts';

/** Tiles of provinces whose figure may not be set against the coloured ones. */
const apartDisplay = '不可比';

/**
 * Only figures that may be compared are coloured (comparison.ts); a province whose latest figure
 * differs in scope, counting or time is marked 不可比 with the reason in the table. Undefined when
 * no two figures may be compared: a map of one value says nothing.
 */
export function tileChart(context: PageContext, metric: Metric, id: string, pagePath: string): ChartSpec | undefined {
  const provinces = context.dataSet.provinces;
  const positions = tilePosition(provinces.map((p) => p.id));
  const { compared, apart } = latestComparison(context, metric.id);
  if (compared.length < 2) return undefined;
  const figureOf = new Map(compared.map((e) => [e.province.id, e.figure]));
  const reasonOf = new Map(apart.map((e) => [e.province.id, e]));
  // A tile links to the page of a province with committee figures: a metric page reads which those are beyond its metrics' rows (metricPageScope).
  const linked = new Set(reportingProvinces(context).map((p) => p.id));
  const periods = [...new Set(compared.map((e) => periodLabel(e.figure.period)))];
  const periodNote = periods.length > 1 ? `各省最近一期的期间不同（${periods.join('、')}），长度相同。` : `期间：${periods[0]}。`;
  return {
    id,
    kind: 'tileGrid',
    title: `各省${metric.name}`,
    caption: `每个方块是一个省（区、市），大致按地理位置排列；颜色越深数值越大。白底为未报告此项，灰底为数字不可比（口径、计量或期间不同，见表），虚线框为尚无该省数据；都不是零。${periodNote}${siteSourceNote}`,
    description: `${provinces.length}个省级单位中有${compared.length}个报告了可比的${metric.name}${apart.length > 0 ? `，另有${apart.length}个的数字不可比` : ''}。`,
    table: {
      columns: ['省份', '数值', '期间', '说明'],
      rows: provinces.map((p) => {
        const figure = figureOf.get(p.id);
        const other = reasonOf.get(p.id);
        if (figure) return [p.name, chartValue(context, figure, metric).display, periodLabel(figure.period), ''];
        if (other) return [p.name, chartValue(context, other.figure, metric).display, periodLabel(other.figure.period), `不可比：${other.reason}`];
        return [p.name, notReportedDisplay, '', ''];
      }),
    },
    data: {
      metricName: metric.name,
      isShare: metric.kind === 'ratio',
      periodNote,
      tiles: provinces.map((p) => {
        const [column, row] = positions.get(p.id) ?? [0, 0];
        const figure = figureOf.get(p.id);
        return {
          id: p.id,
          name: p.name,
          column,
          row,
          figure: figure ? chartValue(context, figure, metric) : null,
          ...(reasonOf.has(p.id) ? { label: apartDisplay } : {}),
          href: linked.has(p.id) ? relativeHref(pagePath, sitePaths.province(p.id)) : null,
        };
      }),
    },
  };
}
