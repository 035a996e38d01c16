/**
 * The provincial-level committees as squares placed roughly where they lie, coloured by one metric,
 * with its legend in the grid's last row: five steps of the colour scale with their values, and the
 * three kinds of empty square (未报告: the province has data but no such figure; 不可比: its figure
 * may not be set against the coloured ones; 无数据, dashed: nothing of the province is collected).
 * A square is one link, named by its title: its name is drawn over it but is not a second link. Squares carry names only; the values are in each square's
 * title and in the chart's table, as a phone has no room for both.
 */
import * as Plot from '@observablehq/plot';
import type { TileGridData } from '../lib/pages/chartData.ts';
import { chartWidth, fontSize, palette, sequentialScheme, tickFormat } from './style.ts';

const columns = 8;
const apartFill = '#dde2e8';

export function tileGridPlot(data: TileGridData): Plot.PlotOptions {
  const mapRows = Math.max(...data.tiles.map((t) => t.row)) + 1;
  const legendRow = mapRows;
  const size = chartWidth / columns;
  const tiles = data.tiles.map((t) => ({ ...t, value: t.figure?.value ?? null, title: `${t.name} ${t.figure?.display ?? t.label ?? '未报告'}` }));
  const reported = tiles.filter((t) => t.value !== null);
  // Not reported: solid outline where the province has other data (its page is linked), dashed where it has none.
  const apart = tiles.filter((t) => t.value === null && t.label !== undefined);
  const silent = tiles.filter((t) => t.value === null && t.label === undefined && t.href !== null);
  const missing = tiles.filter((t) => t.value === null && t.label === undefined && t.href === null);
  const top = data.isShare ? 1 : Math.max(1, ...reported.map((t) => t.value as number));
  const format = tickFormat(data.isShare);
  const steps = [0, 0.25, 0.5, 0.75, 1].map((share, column) => ({ column, row: legendRow, value: top * share, label: format(top * share) }));
  const notReportedKey = [{ column: 5, row: legendRow, label: '未报告' }];
  const apartKey = [{ column: 6, row: legendRow, label: '不可比' }];
  const missingKey = [{ column: 7, row: legendRow, label: '无数据' }];
  const dark = (t: { value: number | null }) => t.value !== null && t.value > top * 0.6;
  return {
    width: chartWidth,
    height: (mapRows + 1) * size + 8,
    margin: 2,
    marginBottom: 8,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: Array.from({ length: columns }, (_, i) => i), padding: 0.06 },
    y: { axis: null, domain: Array.from({ length: mapRows + 1 }, (_, i) => i), padding: 0.06 },
    color: { type: 'linear', scheme: sequentialScheme, domain: [0, top] },
    marks: [
      Plot.cell(missing, { x: 'column', y: 'row', fill: palette.notReported, stroke: palette.muted, strokeDasharray: '4,3', title: 'title' }),
      Plot.cell(silent, { x: 'column', y: 'row', fill: palette.notReported, stroke: palette.muted, href: 'href', title: 'title' }),
      Plot.cell(apart, { x: 'column', y: 'row', fill: apartFill, stroke: palette.muted, href: 'href', title: 'title' }),
      Plot.cell(reported, { x: 'column', y: 'row', fill: 'value', stroke: palette.ink, strokeOpacity: 0.25, href: 'href', title: 'title' }),
      Plot.text(tiles, { x: 'column', y: 'row', text: 'name', fill: (t: (typeof tiles)[number]) => (dark(t) ? 'white' : palette.ink), pointerEvents: 'none' }),
      // The legend: the scale's steps, then the two empty squares.
      Plot.cell(steps, { x: 'column', y: 'row', fill: 'value', stroke: palette.ink, strokeOpacity: 0.25 }),
      Plot.text(steps, { x: 'column', y: 'row', text: 'label', fill: (s: (typeof steps)[number]) => (s.value > top * 0.6 ? 'white' : palette.ink) }),
      Plot.cell(notReportedKey, { x: 'column', y: 'row', fill: palette.notReported, stroke: palette.muted }),
      Plot.cell(apartKey, { x: 'column', y: 'row', fill: apartFill, stroke: palette.muted }),
      Plot.cell(missingKey, { x: 'column', y: 'row', fill: palette.notReported, stroke: palette.muted, strokeDasharray: '4,3' }),
      Plot.text([...notReportedKey, ...apartKey, ...missingKey], { x: 'column', y: 'row', text: 'label', fill: palette.ink }),
    ],
  };
}
