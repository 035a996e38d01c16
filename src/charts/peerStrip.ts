/**
 * A review's figures set against the other provinces that report the same
 * metric: each row is a metric, each dot a province, placed as a share of the
 * largest value so metrics of different sizes can share one axis.
 */
import * as Plot from '@observablehq/plot';
import type { PeerStripData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, marginFor, palette, rowHeight } from './style.ts';

export function peerStripPlot(data: PeerStripData): Plot.PlotOptions {
  const points = data.rows.flatMap((row) => row.points.map((p) => ({ ...p, metricName: row.metricName })));
  const missing = data.rows.map((row) => ({
    metricName: row.metricName,
    note: row.notReported.length > 0 ? `${row.notReported.length}省未报告` : '',
  }));
  const self = points.filter((p) => p.self);
  return {
    width: chartWidth,
    height: 44 + data.rows.length * rowHeight * 1.4,
    marginLeft: marginFor(data.rows.map((r) => r.metricName)),
    marginRight: 110,
    style: { fontSize: `${fontSize}px` },
    x: { domain: [0, 1], grid: true, ticks: [0, 0.5, 1], tickFormat: (v: number) => (v === 1 ? '最大值' : v === 0 ? '0' : '一半'), label: null },
    y: { domain: data.rows.map((r) => r.metricName), label: null, tickSize: 0 },
    marks: [
      Plot.ruleY(data.rows, { y: 'metricName', stroke: palette.line }),
      // Exact and approximate figures as two marks with one fill each: the colour is written once, not on every dot.
      ...[false, true].map((approximate) =>
        Plot.dot(
          points.filter((p) => !p.self && p.approximate === approximate),
          { x: 'relative', y: 'metricName', r: 5, stroke: palette.base, fill: approximate ? 'white' : palette.base, title: (p: (typeof points)[number]) => `${p.name} ${p.display}` },
        ),
      ),
      Plot.dot(self, { x: 'relative', y: 'metricName', r: 7, stroke: palette.highlight, strokeWidth: 2, fill: (p: (typeof self)[number]) => (p.approximate ? 'white' : palette.highlight) }),
      Plot.text(self, { x: 'relative', y: 'metricName', text: 'display', dy: -14, fill: palette.highlight, fontSize: fontSize - 2 }),
      Plot.text(missing, { x: 1, y: 'metricName', text: 'note', dx: 16, textAnchor: 'start', fill: palette.muted, fontSize: fontSize - 2 }),
    ],
  };
}
