import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('unitStanding chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.unitStanding);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.unitStanding.id}-title">`);
    expectSvgSnapshot('unitStanding', svg);
  });

  it('labels the unit with its figure and rank, and says the spread in each box', () => {
    const svg = renderChartSvg(samples.unitStanding);
    expect(svg).toContain('5件 · 第4/5');
    expect(svg).toContain('约90% · 并列第1/5');
    expect(svg).toContain('<title>5个单位：最小1件，四分位3件至9件，中位数7件，最大12件</title>');
  });

  it('draws one box, one median tick and one dot per metric, however many units there are', () => {
    const svg = renderChartSvg(samples.unitStanding);
    expect(svg.match(/<circle/gu)).toHaveLength(2);
    expect(svg.match(/<rect/gu)).toHaveLength(2);
  });
});
