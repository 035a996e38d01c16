import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render.ts';
import type { ChartSpec } from '../../src/lib/pages/chartData.ts';
import { samples } from './samples.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const sample = samples.trendLines as Extract<ChartSpec, { kind: 'trendLines' }>;

describe('trendLines chart', () => {
  it('draws its sample as the snapshot shows', () => {
    const svg = renderChartSvg(samples.trendLines);
    expect(svg).toMatch(/^<svg[^>]* role="img"/u);
    expect(svg).toContain(`<title id="${samples.trendLines.id}-title">`);
    expect(svg).toContain('2019');
    // Two lines: named at their ends, their values left to the table.
    expect(svg).toContain('>青海</text>');
    expect(svg).not.toContain('60个');
    expectSvgSnapshot('trendLines', svg);
  });

  it('labels the points of a single line with their values', () => {
    const single = { ...sample, data: { ...sample.data, series: sample.data.series.slice(0, 1) } };
    const svg = renderChartSvg(single);
    expect(svg).toContain('60个');
    expect(svg).toContain('20个');
  });

  it('keeps the end names of lines that end close together a line apart', () => {
    const names = ['甲', '乙', '丙', '丁'];
    const close = { ...sample, data: { ...sample.data, series: names.map((name, i) => ({ name, points: [{ value: 100 + i, display: `${100 + i}个`, approximate: false, year: 2020, periodLabel: '2020年', years: 1 }] })) } };
    const svg = renderChartSvg(close);
    const ys = names.map((name) => Number(new RegExp(`translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${name}<`, 'u').exec(svg)?.[1]));
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(13.9);
  });
});
