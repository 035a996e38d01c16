/** A unit's figures against the other units of its province: one row per metric, one dot per unit. */
import * as Plot from '@observablehq/plot';
import type { UnitStripData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight } from './style.ts';

export function unitStripPlot(data: UnitStripData): Plot.PlotOptions {
  const rows = data.rows.map((r) => {
    const max = Math.max(...r.points.map((p) => p.value), 0);
    return { ...r, label: `${r.metricName}（${r.unitLabel}）`, max };
  });
  const points = rows.flatMap((r) => r.points.map((p) => ({ ...p, label: r.label, relative: r.max > 0 ? p.value / r.max : 0 })));
  const self = points.filter((p) => p.self);
  return {
    width: chartWidth,
    height: 44 + rows.length * rowHeight * 1.4,
    marginLeft: marginFor(rows.map((r) => r.label)),
    marginRight: 30,
    style: { fontSize: `${fontSize}px` },
    x: { domain: [0, 1], grid: true, ticks: [0, 0.5, 1], tickFormat: (v: number) => (v === 1 ? '最大值' : v === 0 ? '0' : '一半'), label: null },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.ruleY(rows, { y: 'label', stroke: palette.line }),
      Plot.dot(
        points.filter((p) => !p.self),
        { x: 'relative', y: 'label', r: 5, stroke: palette.base, fill: (p: (typeof points)[number]) => (p.approximate ? 'white' : palette.base), title: (p: (typeof points)[number]) => `${p.name} ${p.display}` },
      ),
      Plot.dot(self, { x: 'relative', y: 'label', r: 7, stroke: palette.highlight, strokeWidth: 2, fill: (p: (typeof self)[number]) => (p.approximate ? 'white' : palette.highlight) }),
      Plot.text(self, { x: 'relative', y: 'label', text: 'display', dy: -14, fill: palette.highlight, fontSize: fontSize - 2 }),
    ],
  };
}
