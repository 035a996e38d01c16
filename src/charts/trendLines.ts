/**
 * One metric over periods, one line per province or unit; multi-year periods drawn as squares.
 * One line is labelled at every point; several lines only by name at their ends, the names moved
 * apart so that none covers another (the values are in the chart's table).
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { TrendData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, palette, tickFormat, valueMargin } from './style.ts';

const height = 260;
const marginTop = 32;
const marginBottom = 30;

/**
 * Heights (in the y scale's units) for labels wanted at `wanted`, at least one line apart and
 * within the frame: each is pushed down below the one above it, then the stack is pushed up as
 * a whole where it runs out at the bottom.
 */
function spreadLabels(wanted: readonly number[], top: number): number[] {
  const pixels = scaleLinear().domain([0, top]).range([height - marginBottom, marginTop]);
  const gap = fontSize + 2;
  const order = wanted.map((value, index) => ({ index, y: pixels(value) })).sort((a, b) => a.y - b.y);
  for (let i = 0; i < order.length; i++) order[i]!.y = Math.max(order[i]!.y, i === 0 ? marginTop + gap / 2 : order[i - 1]!.y + gap);
  for (let i = order.length - 1; i >= 0; i--) order[i]!.y = Math.min(order[i]!.y, i === order.length - 1 ? height - marginBottom - gap / 2 : order[i + 1]!.y - gap);
  const placed: number[] = [];
  for (const o of order) placed[o.index] = pixels.invert(o.y);
  return placed;
}

export function trendLinesPlot(data: TrendData): Plot.PlotOptions {
  const points = data.series.flatMap((s) => s.points.map((p) => ({ ...p, series: s.name })));
  const years = points.map((p) => p.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  // The y domain fixed here, as Plot would make it (from zero, nice), so the end labels can be placed in it.
  const top = scaleLinear().domain([0, Math.max(...points.map((p) => p.value), data.isShare ? 0 : 1)]).nice(4).domain()[1] ?? 1;
  const several = data.series.length > 1;
  const ends = several ? data.series.flatMap((s) => { const end = s.points.at(-1); return end ? [{ name: s.name, year: end.year, value: end.value }] : []; }) : [];
  const endLabels = spreadLabels(ends.map((e) => e.value), top).map((value, i) => ({ ...ends[i]!, value }));
  return {
    width: chartWidth,
    height,
    marginLeft: 48,
    // Room for the name written after each line's last point.
    marginRight: several ? valueMargin(data.series.map((s) => s.name)) : 16,
    // Room above the axis for its label (↑ 个) and the first values.
    marginTop,
    marginBottom,
    style: { fontSize: `${fontSize}px` },
    x: {
      domain: [first - 0.5, last + 0.5],
      ticks: Array.from({ length: last - first + 1 }, (_, i) => first + i),
      tickFormat: (y: number) => `${y}`,
      label: null,
    },
    y: { grid: true, domain: [0, top], tickFormat: tickFormat(data.isShare), label: null, ticks: 4 },
    color: { domain: data.series.map((s) => s.name), range: palette.series.slice(0, Math.max(1, data.series.length)), legend: false },
    symbol: { domain: ['一年', '多年'], range: ['circle', 'square'] },
    marks: [
      // The axis's unit, written as a mark: Plot's own axis label sits 3 px from the top, where a CJK font's ascent runs past the drawing.
      Plot.text([`↑ ${data.unitLabel}`], { frameAnchor: 'top-left', dx: -45, dy: -20, textAnchor: 'start', fill: palette.ink }),
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
      Plot.text(several ? [] : points, { x: 'year', y: 'value', text: 'display', dy: -14, fill: palette.ink }),
      Plot.text(endLabels, { x: 'year', y: 'value', text: 'name', dx: 10, textAnchor: 'start', fill: 'name' }),
    ],
  };
}
