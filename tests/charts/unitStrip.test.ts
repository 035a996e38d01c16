import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('unitStrip chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.unitStrip);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.unitStrip.id}-title">`);
    expect(svg).toContain('5件');
    expectSvgSnapshot('unitStrip', svg);
  });
});
