/** One metric over periods, one line per province or unit; multi-year periods drawn as squares. */
import * as Plot from '@observablehq/plot';
import type { TrendData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, palette, tickFormat } from './style.ts';

export function trendLinesPlot(data: TrendData): Plot.PlotOptions {
  const points = data.series.flatMap((s) => s.points.map((p) => ({ ...p, series: s.name })));
  const years = points.map((p) => p.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return {
    width: chartWidth,
    height: 260,
    marginLeft: 64,
    marginRight: 40,
    marginTop: 28,
    style: { fontSize: `${fontSize}px` },
    x: {
      domain: [first - 0.5, last + 0.5],
      ticks: Array.from({ length: last - first + 1 }, (_, i) => first + i),
      tickFormat: (y: number) => `${y}`,
      label: null,
    },
    y: { grid: true, nice: true, zero: true, tickFormat: tickFormat(data.isShare), label: data.unitLabel, ticks: 4 },
    color: { domain: data.series.map((s) => s.name), range: palette.series.slice(0, Math.max(1, data.series.length)), legend: false },
    symbol: { domain: ['一年', '多年'], range: ['circle', 'square'] },
    marks: [
      Plot.line(points, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2, z: 'series' }),
      Plot.dot(points, {
        x: 'year',
        y: 'value',
        stroke: 'series',
        fill: (p: (typeof points)[number]) => (p.approximate ? 'white' : p.series),
        symbol: (p: (typeof points)[number]) => (p.years > 1 ? '多年' : '一年'),
        r: 5,
        strokeWidth: 2,
      }),
      Plot.text(points, { x: 'year', y: 'value', text: 'display', dy: -14, fill: palette.ink, fontSize: fontSize - 2 }),
      Plot.text(data.series.length > 1 ? data.series.map((s) => ({ name: s.name, ...s.points.at(-1) })) : [], {
        x: 'year',
        y: 'value',
        text: 'name',
        dx: 10,
        textAnchor: 'start',
        fill: 'name',
      }),
    ],
  };
}
