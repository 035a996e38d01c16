/**
 * Where a unit stands among the units of its province: one row per metric, a
 * line from the smallest to the largest figure, a box over the middle half
 * (lower to upper quartile), a tick at the median, and the unit's own figure
 * as a dot labelled with its rank. Positions are shares of the row's largest
 * figure, so metrics of different sizes share one axis. A box and a dot per
 * row, rather than a dot per unit: the page stays light when a province has
 * eighty units, and the spread reads at a glance.
 */
import * as Plot from '@observablehq/plot';
import type { UnitStandingData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight, textWidth } from './style.ts';

export function unitStandingPlot(data: UnitStandingData): Plot.PlotOptions {
  const rows = data.rows.map((r) => {
    const relative = (value: number) => (r.spread.max > 0 ? value / r.spread.max : 0);
    const shown = r.spreadDisplay;
    return {
      label: `${r.metricName}（${r.unitLabel}）`,
      min: relative(r.spread.min),
      lowerQuartile: relative(r.spread.lowerQuartile),
      median: relative(r.spread.median),
      upperQuartile: relative(r.spread.upperQuartile),
      max: relative(r.spread.max),
      self: relative(r.self.value),
      approximate: r.self.approximate,
      standing: `${r.self.display} · ${r.tied ? '并列' : ''}第${r.rank}/${r.spread.count}`,
      spreadTitle: `${r.spread.count}个单位：最小${shown.min}，四分位${shown.lowerQuartile}至${shown.upperQuartile}，中位数${shown.median}，最大${shown.max}`,
    };
  });
  type Row = (typeof rows)[number];
  const band = rowHeight * 1.4;
  // The box is a third of the band high, centred; the label sits above it.
  const boxInset = band / 3;
  const marginLeft = marginFor(rows.map((r) => r.label));
  // Room for half of the 最大值 tick label, centred on the axis's end.
  const marginRight = 2 + Math.ceil((fontSize * 3) / 2) + 6;
  const frame = chartWidth - marginLeft - marginRight;
  /**
   * Each label runs from its dot to the side with room for it, so none is cut off; where neither
   * side has room (a long label, a dot near the middle) it ends at the drawing's right edge.
   */
  const placed = rows.map((r) => {
    const at = marginLeft + r.self * frame;
    const width = textWidth(r.standing) + 6;
    if (at + width <= chartWidth - 2) return { ...r, anchor: 'start' as const, x: r.self, dx: 6 };
    if (at - width >= 2) return { ...r, anchor: 'end' as const, x: r.self, dx: -6 };
    return { ...r, anchor: 'end' as const, x: 1, dx: marginRight - 2 };
  });
  return {
    width: chartWidth,
    height: 44 + rows.length * band,
    marginLeft,
    marginRight,
    style: { fontSize: `${fontSize}px` },
    x: { domain: [0, 1], grid: true, ticks: [0, 0.5, 1], tickFormat: (v: number) => (v === 1 ? '最大值' : v === 0 ? '0' : '一半'), label: null },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: 0 },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'min', x2: 'max', stroke: palette.muted, strokeWidth: 1.5 }),
      Plot.barX(rows, { y: 'label', x1: 'lowerQuartile', x2: 'upperQuartile', fill: palette.base, fillOpacity: 0.2, stroke: palette.base, insetTop: boxInset, insetBottom: boxInset, title: 'spreadTitle' }),
      Plot.tickX(rows, { y: 'label', x: 'median', stroke: palette.base, strokeWidth: 2, insetTop: boxInset, insetBottom: boxInset }),
      Plot.dot(rows, { x: 'self', y: 'label', r: 6, stroke: palette.highlight, strokeWidth: 2, fill: (r: Row) => (r.approximate ? 'white' : palette.highlight) }),
      ...(['start', 'end'] as const).flatMap((anchor) =>
        [...new Set(placed.filter((r) => r.anchor === anchor).map((r) => r.dx))].map((dx) =>
          Plot.text(placed.filter((r) => r.anchor === anchor && r.dx === dx), { x: 'x', y: 'label', text: 'standing', textAnchor: anchor, dx, dy: -band / 3 - 2, fill: palette.highlight }),
        ),
      ),
    ],
  };
}
