/**
 * Chinese script handling. Reviews arrive in Simplified and in Traditional
 * (reposts), so every name is compared in one canonical form: Simplified,
 * NFKC-folded (full-width digits and punctuation become ASCII), without spaces.
 */
import * as OpenCC from 'opencc-js';

// 'tw' reads both Taiwan and Hong Kong variant forms (著力 → 着力, 裡 → 里).
const traditionalToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
// Taiwan standard forms (為, 考核, 核實), without Taiwan's vocabulary (`twp` would make 網路 of 網絡
// and 資訊 of 信息): the forms most Traditional readers expect, words as the review writes them.
// Made at its first use: its dictionaries take 40 MB of heap, and the thread that loads the data and
// renders the pages converts little or nothing (the edition thread converts the pages as they render).
let toTaiwanForms: ((text: string) => string) | undefined;
const simplifiedToTraditional = (text: string): string => (toTaiwanForms ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);

/**
 * What OpenCC gets wrong in this field, fixed after it: 命名表彰 reads as 命名 + 名表 (a famous
 * watch) and becomes 命名錶彰 under every standard; 了解 is 了解 in Taiwan usage, not 瞭解.
 * Each pair is [OpenCC's output, the right form].
 */
export const traditionalFixes: ReadonlyArray<readonly [string, string]> = [
  ['錶彰', '表彰'],
  ['瞭解', '了解'],
];

/** Text without a character beyond ASCII: nothing for OpenCC to convert (the written values of a unit return, 114 or 94.7%). */
const ascii = /^[\x00-\x7f]*$/u;

export function toSimplified(text: string): string {
  // A page writes tens of thousands of written values; OpenCC walks its dictionaries for each, and these have no Chinese.
  return ascii.test(text) ? text : traditionalToSimplified(text);
}

export function toTraditional(text: string): string {
  let converted = simplifiedToTraditional(text);
  for (const [wrong, right] of traditionalFixes) if (converted.includes(wrong)) converted = converted.replaceAll(wrong, right);
  return converted;
}

/** The form in which two names are equal if a reader would call them equal. */
export function nameKey(text: string): string {
  // Plain ASCII (ids, most values) needs no script conversion.
  if (/^[\x20-\x7e]*$/u.test(text)) return text.replace(/\s+/gu, '').toLowerCase();
  // Zero-width characters come with copied text and change nothing a reader sees.
  return toSimplified(text.normalize('NFKC')).replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '').toLowerCase();
}
