/** Discipline cases from petitions to sanctions, in the order a case moves, each with its measure word. */
import * as Plot from '@observablehq/plot';
import type { CasePipelineData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight, tickFormat, valueMargin } from './style.ts';

export function casePipelinePlot(data: CasePipelineData): Plot.PlotOptions {
  const steps = data.steps.map((s) => ({ ...s, axisLabel: `${s.label}（${s.unitLabel}）` }));
  return {
    width: chartWidth,
    height: 40 + steps.length * rowHeight,
    marginLeft: marginFor(steps.map((s) => s.axisLabel)),
    marginRight: valueMargin(steps.map((s) => s.display)),
    style: { fontSize: `${fontSize}px` },
    x: { grid: true, nice: true, ticks: 4, tickFormat: tickFormat(false), label: null },
    y: { domain: steps.map((s) => s.axisLabel), label: null, tickSize: 0 },
    marks: [
      Plot.barX(steps, {
        x: 'value',
        y: 'axisLabel',
        fill: (s: (typeof steps)[number]) => (s.approximate ? 'white' : palette.base),
        stroke: palette.base,
        strokeWidth: 1.5,
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.text(steps, { x: 'value', y: 'axisLabel', text: 'display', textAnchor: 'start', dx: 6, fill: palette.ink }),
      Plot.ruleX([0], { stroke: palette.ink }),
    ],
  };
}
