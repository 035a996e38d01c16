/** Rates on a 0-100% scale; where the article states a different rate, a tick marks it beside the computed bar. */
import * as Plot from '@observablehq/plot';
import type { RateBarsData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight, tickFormat } from './style.ts';

export function rateBarsPlot(data: RateBarsData): Plot.PlotOptions {
  const rows = data.rows.map((r) => ({ label: r.label, ...r.rate, stated: r.stated }));
  const stated = rows.flatMap((r) => (r.stated ? [{ label: r.label, ...r.stated, text: `原文${r.stated.display}` }] : []));
  return {
    width: chartWidth,
    height: 48 + rows.length * rowHeight * 1.5,
    marginLeft: marginFor(rows.map((r) => r.label)),
    marginRight: 80,
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
      // Long bars carry their value inside, so a stated-rate tick just beyond the end stays readable.
      Plot.text(
        rows.filter((r) => r.value > 0.2),
        { x: 'value', y: 'label', text: 'display', textAnchor: 'end', dx: -6, fontWeight: 600, fill: (r: (typeof rows)[number]) => (r.approximate ? palette.ink : 'white') },
      ),
      Plot.text(
        rows.filter((r) => r.value <= 0.2),
        { x: 'value', y: 'label', text: 'display', textAnchor: 'start', dx: 6, fontWeight: 600, fill: palette.ink },
      ),
      Plot.tickX(stated, { x: 'value', y: 'label', stroke: palette.highlight, strokeWidth: 3 }),
      Plot.text(stated, { x: 'value', y: 'label', text: 'text', dy: -18, fill: palette.highlight, fontSize: fontSize - 2 }),
    ],
  };
}
