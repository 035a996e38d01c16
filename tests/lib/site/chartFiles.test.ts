import { describe, expect, it } from 'vitest';
import { chartSvgFiles, standaloneSvg } from '../../../src/lib/site/chartFiles.ts';

describe('chartSvgFiles', () => {
  it("takes each chart's drawing from its page, by the chart's id, and nothing else", () => {
    const html =
      '<p><svg class="icon"><path d="M0"/></svg></p>' +
      '<figure class="chart" id="hainan-2020-rates" aria-labelledby="x"><figcaption><h3>比率</h3></figcaption><div class="chart-body"><svg viewBox="0 0 360 80" class="zs-chart"><text>89%</text></svg></div></figure>' +
      '<figure class="chart" id="hainan-2020-coverage"><div><svg class="zs-chart"><title>覆盖</title></svg></div></figure>';
    const files = chartSvgFiles(html);
    expect(files.map((f) => f.id)).toEqual(['hainan-2020-rates', 'hainan-2020-coverage']);
    expect(files[0]?.svg).toContain('<text>89%</text>');
    expect(files[0]?.svg).not.toContain('覆盖');
  });
});

describe('standaloneSvg', () => {
  it('declares XML and the SVG namespace and carries the style the page gave the drawing', () => {
    const file = standaloneSvg('<svg viewBox="0 0 10 10"><text>1</text></svg>');
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>')).toBe(true);
    expect(file).toContain('font-family');
    expect(file.trimEnd().endsWith('<text>1</text></svg>')).toBe(true);
  });
});
