import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('coverageMatrix chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.coverageMatrix);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.coverageMatrix.id}-title">`);
    expect(svg).toContain('1/2');
    expectSvgSnapshot('coverageMatrix', svg);
  });
});
