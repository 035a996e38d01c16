import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('casePipeline chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.casePipeline);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.casePipeline.id}-title">`);
    expect(svg).toContain('案件审理（件）');
    expect(svg).not.toContain('人次');
    expectSvgSnapshot('casePipeline', svg);
  });
});
