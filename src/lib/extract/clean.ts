import { toSimplified } from '../script.ts';

/**
 * What web copies of a review carry that the review did not say: inline
 * pinyin after characters (機關(guān)), full-width and em spaces, 7?9 where a
 * middle dot was lost, and the site's own header and footer lines (phone
 * numbers, addresses, copyright, share buttons).
 */

/** Pinyin with tone marks in brackets right after a character: (guān), (zhàn). */
const inlinePinyin = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+[)）]/gu;
/** A middle dot lost in copying: 7?9, 4?27 (the dates of speeches). */
const lostDot = /(\d)[?？](\d)/gu;
/** Lines that belong to the website, not to the review. */
const siteLine = [
  /\d{3,4}-\d{7,8}/u, // phone numbers
  /(?:版权所有|免责声明|本站|本网|联系电话|监督电话|举报电话|邮箱|邮编|地址[:：]|QQ|主办|主管|办公区|原文链接|责编|校对|分享到|当前所在|发布时间|来源[:：]|相关链接|欢迎来到|Copyright|©)/iu,
];

export function cleanText(text: string): string {
  return text
    .replace(inlinePinyin, '')
    .replace(lostDot, '$1·$2')
    .replace(/[\u3000\u2002\u2003\u00a0\t]+/gu, ' ')
    .split(/\r?\n/u)
    // Only short lines can be the site's: a paragraph that mentions a QQ group is still the review.
    .filter((line) => !/https?:\/\//u.test(line) && (line.length > 80 || !siteLine.some((pattern) => pattern.test(toSimplified(line)))))
    .map((line) => line.trim())
    .join('\n');
}
