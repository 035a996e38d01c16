import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('rateBars chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.rateBars);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.rateBars.id}-title">`);
    expect(svg).toContain('原文89%');
    expect(svg).toContain('84.5%');
    expectSvgSnapshot('rateBars', svg);
  });
});
