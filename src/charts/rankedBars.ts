/** Provinces (or units, or figures of one measure word) on one axis, largest first; approximate values hollow. */
import * as Plot from '@observablehq/plot';
import type { RankedBarsData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight, tickFormat, valueMargin } from './style.ts';

export function rankedBarsPlot(data: RankedBarsData): Plot.PlotOptions {
  const bars = [...data.bars].sort((a, b) => b.value - a.value);
  const colour = (b: (typeof bars)[number]) => (b.highlight ? palette.highlight : palette.base);
  return {
    width: chartWidth,
    height: 44 + bars.length * rowHeight,
    // The axis label (% →, 个 →) under the tick labels, its descenders inside the drawing.
    marginBottom: 34,
    marginLeft: marginFor(bars.map((b) => b.label)),
    marginRight: valueMargin(bars.map((b) => b.display)),
    style: { fontSize: `${fontSize}px` },
    x: { grid: true, nice: true, tickFormat: tickFormat(data.isShare), label: data.unitLabel, labelOffset: 28, ticks: 4, ...(data.isShare ? { domain: [0, 1] } : {}) },
    y: { domain: bars.map((b) => b.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'label',
        fill: (b: (typeof bars)[number]) => (b.approximate ? 'white' : colour(b)),
        stroke: colour,
        strokeWidth: 1.5,
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.text(bars, { x: 'value', y: 'label', text: 'display', textAnchor: 'start', dx: 6, fill: palette.ink }),
      Plot.ruleX([0], { stroke: palette.ink }),
    ],
  };
}
