/** Which metrics of the dictionary a review reports: one row per category, one dot per metric. */
import * as Plot from '@observablehq/plot';
import type { CoverageData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight } from './style.ts';

export function coverageMatrixPlot(data: CoverageData): Plot.PlotOptions {
  const categories = [...new Set(data.cells.map((c) => c.category))];
  const cells = categories.flatMap((category) =>
    data.cells.filter((c) => c.category === category).map((c, index) => ({ ...c, index })),
  );
  const counts = categories.map((category) => {
    const own = cells.filter((c) => c.category === category);
    return { category, index: Math.max(...own.map((c) => c.index)) + 1, label: `${own.filter((c) => c.status !== 'not_reported').length}/${own.length}` };
  });
  const widest = Math.max(...counts.map((c) => c.index));
  return {
    width: chartWidth,
    height: 36 + categories.length * rowHeight,
    marginLeft: marginFor(categories),
    marginRight: 20,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: [-0.5, widest + 1.5] },
    y: { domain: categories, label: null, tickSize: 0 },
    marks: [
      Plot.dot(cells, {
        x: 'index',
        y: 'category',
        r: 7,
        stroke: (c: (typeof cells)[number]) => (c.status === 'not_reported' ? palette.line : palette.base),
        fill: (c: (typeof cells)[number]) => (c.status === 'reported' ? palette.base : 'white'),
        strokeWidth: 1.5,
        title: 'metricName',
      }),
      Plot.text(counts, { x: 'index', y: 'category', text: 'label', textAnchor: 'start', dx: 4, fill: palette.ink }),
    ],
  };
}
