/**
 * Why a value cannot be read, in Chinese. src/lib/quantity.ts says why in English (its `reason`
 * and `hint`, which the English message keeps); each of its reasons is known here by its fixed
 * words and said again for the people who keep the data, quoting the value as they wrote it.
 */
import { quoted } from '../problems.ts';

export interface QuantityFaultZh {
  reason: string;
  hint: string;
}

const qualifierZh: Readonly<Record<string, string>> = { more_than: '多于', nearly: '接近', about: '约', exact: '确数' };

/** A text the English reason quotes ('x', or 'x…' (1,234 characters)) quoted the Chinese way. */
function requoted(english: string): string {
  const match = /^'(.*)'(?: \(([\d,]+) characters\))?$/su.exec(english);
  if (!match) return english;
  return match[2] ? `“${match[1]}”（共${match[2]}个字符）` : `“${match[1]}”`;
}

type Wording = (value: string, match: RegExpExecArray) => QuantityFaultZh;

/** The reasons of src/lib/quantity.ts by their fixed words, with what they become. */
const faults: ReadonlyArray<readonly [RegExp, Wording]> = [
  [/has (\d+) significant digits, more than a figure is held exactly \((\d+)\)$/u, (v, m) => ({
    reason: `${v}有${m[1]}位有效数字，超过了能精确保存的${m[2]}位`,
    hint: '请核对数值：综述不会给出这么多位的数字；这么长的数多半是编号，或是两个数字连在了一起',
  })],
  [/^the value is empty$/u, () => ({ reason: '数值是空的', hint: '填写数字，例如 2387、89% 或 3万多' })],
  [/has misplaced thousands separators$/u, (v) => ({ reason: `${v}的千位分隔符位置不对`, hint: '每三位一组（2,387），或者不用逗号（2387）' })],
  [/^cannot read the Chinese numeral ('.*') in /su, (v, m) => ({
    reason: `读不懂${v}中的中文数字${requoted(m[1] ?? '')}`,
    hint: '用阿拉伯数字写，或者照原文写（三、十二、二十五）',
  })],
  [/has a misplaced %$/u, (v) => ({ reason: `${v}中的 % 位置不对`, hint: '百分数写成 89%，比例写成 0.89' })],
  [/^cannot read ('.*?'(?: \([\d,]+ characters\))?) in the value /su, (v, m) => ({
    reason: `读不懂数值${v}中的${requoted(m[1] ?? '')}`,
    hint: '写成数字，可以带 万/亿、限定词（多、余、以上、超过、近、约）和量词，例如 3万多 或 1800余人次',
  })],
  [/has no number$/u, (v) => ({ reason: `${v}里没有数字`, hint: '用数字写，例如 2387 或 3万多' })],
  [/mixes % with 万\/亿$/u, (v) => ({ reason: `${v}同时用了 % 和 万/亿`, hint: '百分数写成 89%，计数写成 3万' })],
  [/has qualifiers that disagree \((.+)\)$/u, (v, m) => ({
    reason: `${v}的限定词互相矛盾（${(m[1] ?? '').split(', ').map((q) => qualifierZh[q] ?? q).join('、')}）`,
    hint: '只保留一个：多/余/以上/超过（多于）、近（接近）或 约',
  })],
];

/** Why `written` cannot be read as a quantity, given quantity.ts's English reason. */
export function quantityFaultZh(written: string, reason: string): QuantityFaultZh {
  const value = quoted(written, 'zh');
  for (const [pattern, word] of faults) {
    const match = pattern.exec(reason);
    if (match) return word(value, match);
  }
  return { reason: `读不懂数值${value}（${reason}）`, hint: '请照原文填写数字，例如 2387、89% 或 3万多' };
}
