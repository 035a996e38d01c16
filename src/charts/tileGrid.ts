/** Home page: the provincial-level committees as squares placed roughly where they lie, coloured by one metric. */
import * as Plot from '@observablehq/plot';
import type { TileGridData } from '../lib/pages/chartData.ts';
import { fontSize, palette, sequentialScheme } from './style.ts';

export function tileGridPlot(data: TileGridData): Plot.PlotOptions {
  const columns = Math.max(...data.tiles.map((t) => t.column)) + 1;
  const rows = Math.max(...data.tiles.map((t) => t.row)) + 1;
  const size = 72;
  const tiles = data.tiles.map((t) => ({ ...t, value: t.figure?.value ?? null, label: t.figure?.display ?? t.label ?? '未报告' }));
  const reported = tiles.filter((t) => t.value !== null);
  // Not reported: solid outline where the province has other data (its page is linked), dashed where it has none.
  const silent = tiles.filter((t) => t.value === null && t.href !== null);
  const missing = tiles.filter((t) => t.value === null && t.href === null);
  const values = reported.map((t) => t.value as number);
  return {
    width: columns * size,
    height: rows * size,
    margin: 2,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: Array.from({ length: columns }, (_, i) => i), padding: 0.06 },
    y: { axis: null, domain: Array.from({ length: rows }, (_, i) => i), padding: 0.06 },
    color: {
      type: 'linear',
      scheme: sequentialScheme,
      domain: data.isShare ? [0, 1] : [0, Math.max(1, ...values)],
    },
    marks: [
      Plot.cell(missing, { x: 'column', y: 'row', fill: palette.notReported, stroke: palette.muted, strokeDasharray: '4,3' }),
      Plot.cell(silent, { x: 'column', y: 'row', fill: '#eef1f4', stroke: palette.muted, href: 'href' }),
      Plot.cell(reported, { x: 'column', y: 'row', fill: 'value', stroke: palette.ink, strokeOpacity: 0.25, href: 'href' }),
      Plot.text(tiles, {
        x: 'column',
        y: 'row',
        text: 'name',
        dy: -9,
        fontWeight: 600,
        fill: (t: (typeof tiles)[number]) => (t.value !== null && t.value > (data.isShare ? 0.6 : Math.max(...values) * 0.6) ? 'white' : palette.ink),
        href: 'href',
      }),
      Plot.text(tiles, {
        x: 'column',
        y: 'row',
        text: 'label',
        dy: 11,
        fontSize: fontSize - 1,
        fill: (t: (typeof tiles)[number]) => (t.value === null ? palette.muted : t.value > (data.isShare ? 0.6 : Math.max(...values) * 0.6) ? 'white' : palette.ink),
      }),
    ],
  };
}
