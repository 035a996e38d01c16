import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('trendLines chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.trendLines);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.trendLines.id}-title">`);
    expect(svg).toContain('2019');
    expect(svg).toContain('60个');
    expectSvgSnapshot('trendLines', svg);
  });
});
