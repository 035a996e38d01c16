/**
 * Chinese line breaking keeps a number from its measure word only by accident: a browser may break
 * between any two ideographs and between a digit and an ideograph, so "6420人次" can end a line at
 * "6420人" and "2021—2022年" can stand one piece a line in a narrow column. Every run of a number
 * with its qualifier and measure word, and every period, is wrapped in `<span class="nb">`, which
 * the stylesheet keeps on one line. Done once over a page's HTML, so quotes, narratives and
 * captions are kept together as well as the figures the templates write. A table cell the
 * stylesheet keeps on one line whole (`num`, `period`) is left as it is: a source page's numbers
 * and periods, most of its text, would otherwise grow it by a fifth.
 */

/** Elements whose text is not flowed text (or may hold no elements, as `option` and `title`), and runs already kept together: left as they are. */
const skipped = /<(script|style|svg|title|textarea|option|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<span class="nb">[^<]*<\/span>|<!--[\s\S]*?-->|<[^>]*>/giu;

const measure = '人次|场次|批次|万元|亿元|元|个百分点|个|名|人|期|场|次|件|篇|份|家|项|支|条|所|批|部|位|户|倍|天|小时|学时|课时|年|月|日|%|‰';
const number = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
/** 2021—2022年, 2021年至2022年, 2021年12月31日, and numbers with qualifier, scale and measure word: 约7.5万人次, 40余万, 6000多个, 超过98.3%, 高4.5个百分点. */
const run = new RegExp(
  [
    String.raw`\d{4}年?(?:—|–|-|~|～|至)\d{4}年`,
    String.raw`\d{4}年\d{1,2}月(?:\d{1,2}日)?`,
    String.raw`(?:约|近|超过|逾|超|≈)?${number}(?:余|多)?[十百千万亿]*(?:余|多)?(?:${measure})?(?:以上|左右)?`,
  ].join('|'),
  'gu',
);
const digitsOnly = /^\d+$/u;

/** Every run starts at or holds an ASCII digit (`\\d` under the u flag), so text without one is left as it is without a search. */
const anyDigit = /\d/u;

function wrapRuns(text: string): string {
  if (!anyDigit.test(text)) return text;
  return text.replace(run, (match) => (digitsOnly.test(match) ? match : `<span class="nb">${match}</span>`));
}

/** A cell that never wraps (site.css: td.num, td.period), and the end of any cell. */
const nowrapCell = /^<t[dh]\b[^>]*\bclass="(?:num|period)\b/u;
const cellEnd = /^<\/t[dh]\s*>/u;

/** The page with every figure and period in its text kept on one line; tags, attributes and skipped elements are untouched. */
export function keepFiguresTogether(html: string): string {
  let out = '';
  let at = 0;
  let inNowrapCell = false;
  for (const tag of html.matchAll(skipped)) {
    if (tag.index > at) {
      const text = html.slice(at, tag.index);
      out += inNowrapCell ? text : wrapRuns(text);
    }
    out += tag[0];
    at = tag.index + tag[0].length;
    if (tag[0].charCodeAt(1) === 116 /* t */ && nowrapCell.test(tag[0])) inNowrapCell = true;
    else if (inNowrapCell && cellEnd.test(tag[0])) inNowrapCell = false;
  }
  return out + wrapRuns(html.slice(at));
}
