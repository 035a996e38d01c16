import fc from 'fast-check';
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

/** The page walked with one match per tag, as keepFiguresTogether first did: what its walk must give, piece for piece. */
function keptByMatchingEveryTag(html: string): string {
  const skipped = /<(script|style|svg|title|textarea|option|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<span class="nb">[^<]*<\/span>|<!--[\s\S]*?-->|<[^>]*>/giu;
  const run = /\d{4}年?(?:—|–|-|~|～|至)\d{4}年|\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?:约|近|超过|逾|超|≈)?\d+(?:,\d{3})*(?:\.\d+)?(?:余|多)?[十百千万亿]*(?:余|多)?(?:人次|场次|批次|万元|亿元|元|个百分点|个|名|人|期|场|次|件|篇|份|家|项|支|条|所|批|部|位|户|倍|天|小时|学时|课时|年|月|日|%|‰)?(?:以上|左右)?/gu;
  const wrap = (text: string) => text.replace(run, (match) => (/^\d+$/u.test(match) ? match : `<span class="nb">${match}</span>`));
  let out = '';
  let at = 0;
  let inNowrapCell = false;
  for (const tag of html.matchAll(skipped)) {
    const text = html.slice(at, tag.index);
    out += (inNowrapCell ? text : wrap(text)) + tag[0];
    at = tag.index + tag[0].length;
    if (tag[0].charCodeAt(1) === 116 && /^<t[dh]\b[^>]*\bclass="(?:num|period)\b/u.test(tag[0])) inNowrapCell = true;
    else if (inNowrapCell && /^<\/t[dh]\s*>/u.test(tag[0])) inNowrapCell = false;
  }
  return out + wrap(html.slice(at));
}

describe('keepFiguresTogether, walking the page', () => {
  it('gives what matching every tag gives, for pages of every shape', () => {
    const pieces = [
      '<p>', '</p>', '<div class="x">', '<a href="2020.html">', '</a>', '<td class="num">', '<td class="number">', '<th class="period wide">', '<TD class="num">',
      '</td>', '</th >', '</td\n>', '<tr>', '<title>2020年</title>', '<TITLE>3人</TITLE>', '<script>if (a < 3) b = "5人";</script>', '<script>',
      '</SCRIPT >', '<ſcript>7人</script>', '<svg><text>8人</text></svg>', '<style>p{}</style>', '<option>2021年</option>', '<template><p>4个</p></template>',
      '<span class="nb">6人</span>', '<SPAN CLASS="NB">9人</SPAN>', '<span class="nb">', '<!-- 10人 -->', '<!--', '-->', '<', '>', '<<', '<textarea>',
      '全年', '培训6420人次', '2021—2022年', '2021年12月31日', '约7.5万人次', '40余万', '100%', '2024', '  ', '\n', '海南', '12', 'x',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(keepFiguresTogether(html)).toBe(keptByMatchingEveryTag(html));
      }),
      { numRuns: 3000 },
    );
  });
});
