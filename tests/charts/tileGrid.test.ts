import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import type { ChartSpec } from '../../src/lib/pages/chartData.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('tileGrid chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.tileGrid);
    // Its squares are links: a group, not an image whose parts a screen reader would not reach.
    expect(svg).toMatch(/^<svg[^>]* role="group"/u);
    expect(svg).toContain(`<title id="${samples.tileGrid.id}-title">`);
    // Not reported is drawn differently from zero: dashed where there is no data at all.
    expect(svg).toContain('stroke-dasharray="4,3"');
    // The legend: the scale's steps and the three kinds of empty square.
    for (const key of ['未报告', '不可比', '无数据']) expect(svg).toContain(`>${key}</text>`);
    // One link a square, named by the square's title; the name drawn over it is no second link.
    const links = [...svg.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gu)];
    expect(links.length).toBe((samples.tileGrid as Extract<ChartSpec, { kind: 'tileGrid' }>).data.tiles.filter((t) => t.href !== null).length);
    for (const [, inside = ''] of links) expect(inside).toMatch(/<title>[^<]+<\/title>/u);
    expectSvgSnapshot('tileGrid', svg);
  });
});
