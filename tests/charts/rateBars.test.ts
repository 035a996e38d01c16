import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('rateBars chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.rateBars);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.rateBars.id}-title">`);
    // The stated rate is the bar; the computed one is the tick beside it.
    expect(svg).toContain('>89%<');
    expect(svg).toContain('计算值84.5%');
    expectSvgSnapshot('rateBars', svg);
  });
});
