import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('peerStrip chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.peerStrip);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.peerStrip.id}-title">`);
    expect(svg).toContain('2省未报告');
    expectSvgSnapshot('peerStrip', svg);
  });
});
