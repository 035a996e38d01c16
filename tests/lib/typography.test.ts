import { describe, expect, it } from 'vitest';
import { keepFiguresTogether } from '../../src/lib/typography.ts';

const kept = (text: string) => `<span class="nb">${text}</span>`;

describe('keepFiguresTogether', () => {
  it.each(['6420人次', '6000余个', '约7.5万人次', '40余万', '3万多', '超过98.3%', '4.5个百分点', '527.8万余元', '≈84.5%', '2021—2022年', '2021年12月31日', '1,234名', '5件以上'])(
    'keeps %s on one line',
    (figure) => {
      expect(keepFiguresTogether(`<p>全年${figure}。</p>`)).toBe(`<p>全年${kept(figure)}。</p>`);
    },
  );

  it('keeps every run of a quote and leaves plain digits alone', () => {
    expect(keepFiguresTogether('<td><q data-verbatim>立案12件，函询117件，共3</q></td>')).toBe(
      `<td><q data-verbatim>立案${kept('12件')}，函询${kept('117件')}，共3</q></td>`,
    );
  });

  it('leaves tags, attributes, scripts, styles, charts, titles and options untouched', () => {
    const html =
      '<html><head><title>2021年综述</title><style>.a{width:12px}</style></head><body>' +
      '<a href="/2021年/12个.html" data-x="3件">3件</a><script>const a = "5名";</script>' +
      '<svg><text>20个</text></svg><select><option>2020年</option></select><!-- 9个 --></body></html>';
    expect(keepFiguresTogether(html)).toBe(html.replace('>3件</a>', `>${kept('3件')}</a>`));
  });

  it('does not wrap what it has wrapped: a page made twice is the same page', () => {
    const once = keepFiguresTogether('<p>2021—2022年培训6420人次</p>');
    expect(keepFiguresTogether(once)).toBe(once);
  });

  it('leaves the cells the stylesheet keeps on one line whole, and wraps again after them', () => {
    const html = '<tr><td class="num"><a href="#r">6420人次</a></td><td class="period">2021—2022年</td><td>培训6420人次</td></tr>';
    expect(keepFiguresTogether(html)).toBe(`<tr><td class="num"><a href="#r">6420人次</a></td><td class="period">2021—2022年</td><td>培训${kept('6420人次')}</td></tr>`);
  });

  it('leaves character references whole', () => {
    expect(keepFiguresTogether('<p>&#39;个&amp;</p>')).toBe('<p>&#39;个&amp;</p>');
  });
});
