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

/** The page's text with its runs kept together: a run always holds an ASCII digit (`\\d` under the u flag). */
function wrapRuns(text: string): string {
  return text.replace(run, (match) => (digitsOnly.test(match) ? match : `<span class="nb">${match}</span>`));
}

/**
 * The same patterns, tried at one place (sticky): `test` with a lastIndex finds whether they match
 * there without making a match. Only a tag that may begin a skipped element, a kept run or a
 * comment is matched against `skipped` itself; any other can only be `<[^>]*>`, which ends at the
 * next `>`.
 */
const skippedAt = new RegExp(skipped.source, 'iuy');
const specialStart = /<(?:script|style|svg|title|textarea|option|template|span class="nb">|!--)/iuy;
/** A cell that never wraps (site.css: td.num, td.period), and the end of any cell. */
const nowrapCellAt = /<t[dh]\b[^>]*\bclass="(?:num|period)\b/uy;
const cellEndAt = /<\/t[dh]\s*>/uy;

/** Whether a sticky pattern matches `text` at `at`. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/**
 * The page with every figure and period in its text kept on one line; tags, attributes and skipped
 * elements are untouched. The page is walked tag by tag as `skipped` finds them (every match of it
 * starts with `<`), and only a text that holds a digit is searched for runs; what no run changes is
 * copied through in one piece. A national build passes 240 MB of pages through here: matching every
 * tag and joining every piece allocated 2.5 GB on the rendering thread.
 */
export function keepFiguresTogether(html: string): string {
  let out = '';
  // html before `copied` is in `out`; `at` is where the text after the last tag begins.
  let copied = 0;
  let at = 0;
  let inNowrapCell = false;
  const text = (end: number) => {
    if (inNowrapCell) return;
    let digit = false;
    for (let i = at; i < end && !digit; i++) {
      const c = html.charCodeAt(i);
      digit = c >= 48 && c <= 57;
    }
    if (!digit) return;
    const written = html.slice(at, end);
    const kept = wrapRuns(written);
    if (kept === written) return;
    out += html.slice(copied, at) + kept;
    copied = end;
  };
  for (let p = html.indexOf('<'); p >= 0; ) {
    let end: number;
    if (matchesAt(specialStart, html, p)) {
      end = matchesAt(skippedAt, html, p) ? skippedAt.lastIndex : -1;
    } else {
      const close = html.indexOf('>', p + 1);
      // No `>` after this `<`: nothing after it can match either.
      if (close < 0) break;
      end = close + 1;
    }
    if (end < 0) {
      p = html.indexOf('<', p + 1);
      continue;
    }
    text(p);
    if (html.charCodeAt(p + 1) === 116 /* t */ && matchesAt(nowrapCellAt, html, p)) inNowrapCell = true;
    else if (inNowrapCell && matchesAt(cellEndAt, html, p)) inNowrapCell = false;
    at = end;
    p = html.indexOf('<', end);
  }
  // The text after the last tag is kept together even in a cell left open.
  inNowrapCell = false;
  text(html.length);
  return copied === 0 ? html : out + html.slice(copied);
}
