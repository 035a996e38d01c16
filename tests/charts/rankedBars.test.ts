import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('rankedBars chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.rankedBars);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.rankedBars.id}-title">`);
    // Approximate values are hollow bars.
    expect(svg).toContain('fill="white"');
    expect(svg).toContain('约7.5万人次');
    expectSvgSnapshot('rankedBars', svg);
  });
});
