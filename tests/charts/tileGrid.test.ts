import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('tileGrid chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.tileGrid);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.tileGrid.id}-title">`);
    // Not reported is drawn differently from zero: dashed where there is no data at all.
    expect(svg).toContain('stroke-dasharray="4,3"');
    expect(svg).toContain('未报告');
    expectSvgSnapshot('tileGrid', svg);
  });
});
