/** A stated rate on a 0-100% scale; where its parts give another, a tick marks the computed one beside the stated bar. */
import * as Plot from '@observablehq/plot';
import type { RateBarsData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight, tickFormat, valueMargin } from './style.ts';

export function rateBarsPlot(data: RateBarsData): Plot.PlotOptions {
  const rows = data.rows.map((r) => ({ label: r.label, ...r.rate }));
  const computed = data.rows.flatMap((r) => (r.computed ? [{ label: r.label, ...r.computed, text: `计算值${r.computed.display}` }] : []));
  return {
    width: chartWidth,
    height: 48 + rows.length * rowHeight * 1.5,
    marginLeft: marginFor(rows.map((r) => r.label)),
    marginRight: valueMargin(rows.map((r) => r.display)),
    marginTop: 24,
    style: { fontSize: `${fontSize}px` },
    x: { domain: [0, 1], grid: true, ticks: 5, tickFormat: tickFormat(true), label: null },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: 0.35 },
    marks: [
      Plot.barX(rows, { x1: 0, x2: 1, y: 'label', fill: '#eef1f4' }),
      Plot.barX(rows, {
        x: 'value',
        y: 'label',
        fill: (r: (typeof rows)[number]) => (r.approximate ? 'white' : palette.base),
        stroke: palette.base,
        strokeWidth: 1.5,
      }),
      // The stated value stands right of the 100% end, where no computed-rate tick can cross it.
      Plot.text(rows, { x: 1, y: 'label', text: 'display', textAnchor: 'start', dx: 6, fontWeight: 600, fill: palette.ink }),
      Plot.tickX(computed, { x: 'value', y: 'label', stroke: palette.highlight, strokeWidth: 3 }),
      Plot.text(computed, { x: 'value', y: 'label', text: 'text', dy: -18, fill: palette.highlight }),
    ],
  };
}
