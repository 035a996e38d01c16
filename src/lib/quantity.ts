/**
 * Reads a quantity the way a Chinese review writes it: 2387, 2,387, ２３８７,
 * 89%, 0.89, 3万多, 40余万, 近4000, 约7.5万, 312.8万元, 超过98.3%, 突破百万.
 *
 * Arithmetic is done on decimal digits and a power of ten, never on binary
 * fractions, so 527.8万 is exactly 5278000 and 89% exactly 0.89.
 */
import { qualifierWords, type Qualifier } from './schema/qualifier.ts';
import { quoted } from './problems.ts';
import { toSimplified } from './script.ts';

export interface WrittenQuantity {
  /** The number with 十/百/千/万/亿 applied; a percentage as a share (89% → 0.89). */
  value: number;
  /** Value of one unit in the last written digit, in the units of `value` (89% → 0.01, 3万 → 10000). */
  step: number;
  /** Written with a % sign. */
  percent: boolean;
  /** Power of ten written as 十/百/千/万/亿 (3万 → 4, 突破百万 → 6); 0 when none. */
  scale: number;
  /** Qualifier carried by the words (多, 余, 以上, 超过, 近, 约 ...); null when none is written. */
  qualifier: Qualifier | null;
  /** Measure word written after the number (个, 名, 人次, 元 ...); null when none. */
  measureWord: string | null;
}

export type QuantityResult =
  | { ok: true; quantity: WrittenQuantity }
  | { ok: false; reason: string; hint: string };

/** Measure words a figure may carry, longest first so 人次 wins over 人. */
export const measureWords = [
  '人次', '场次', '批次', '个', '名', '人', '期', '场', '次', '件', '篇', '份', '家', '项', '支', '条', '元', '所', '批', '部',
] as const;

const scaleWords: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

const plainNumber = /^\d+(?:\.\d+)?/u;
const groupedNumber = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?/u;

interface Decimal {
  digits: string;
  exponent: number;
}

function decimalFrom(text: string): Decimal {
  const [whole = '', fraction = ''] = text.replaceAll(',', '').split('.');
  return { digits: `${whole}${fraction}`, exponent: -fraction.length };
}

function toNumber(d: Decimal): number {
  return Number(`${d.digits}e${d.exponent}`);
}

function fail(reason: string, hint: string): QuantityResult {
  return { ok: false, reason, hint };
}

/**
 * A number written in Chinese numerals below 10000 (三, 两, 十二, 二十五, 一百零八), as reviews write
 * small counts (五项文体活动, 三场论坛). It starts with a digit word, never with 百 or 千 alone, so
 * 突破百万 still reads as a bare scale word.
 */
const chineseNumber = /^[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*/u;
const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const chinesePlaces: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral below 10000, or undefined when it is not well formed. */
export function chineseNumeralValue(text: string): number | undefined {
  let total = 0;
  let digit: number | null = null;
  let lastPlace = 10000;
  for (const ch of text) {
    if (ch in chineseDigits) {
      if (digit !== null && digit !== 0) return undefined;
      digit = chineseDigits[ch] as number;
      continue;
    }
    const place = chinesePlaces[ch];
    if (place === undefined || place >= lastPlace) return undefined;
    // 十二: a leading 十 is one ten.
    total += (digit ?? (place === 10 && total === 0 ? 1 : NaN)) * place;
    if (Number.isNaN(total)) return undefined;
    lastPlace = place;
    digit = null;
  }
  return total + (digit ?? 0);
}

/** Most values are plain digits: read them without the full grammar. */
const plainDigits = /^\d+(?:\.(\d+))?$/u;

/**
 * Significant digits a double holds exactly: any decimal of 15 reads back as written, while
 * 12345678901234567890 would be published as 12345678901234567168.
 */
const exactDigits = 15;

/** Digits from the first to the last that is not zero: 0.0250 has 2, 3000 has 1. */
function significantDigits(digits: string): number {
  let first = 0;
  let last = digits.length - 1;
  while (first <= last && (digits[first] === '0' || digits[first] === '.')) first++;
  while (last >= first && (digits[last] === '0' || digits[last] === '.')) last--;
  let count = 0;
  for (let i = first; i <= last; i++) if (digits[i] !== '.') count++;
  return count;
}

function tooManyDigits(written: string, digits: string): QuantityResult | undefined {
  const significant = significantDigits(digits);
  if (significant <= exactDigits) return undefined;
  return fail(
    `${quoted(written)} has ${significant} significant digits, more than a figure is held exactly (${exactDigits})`,
    'check the value: no review gives a figure to so many digits; a number this long is mostly an id, or two figures run together',
  );
}

export function parseQuantity(written: string): QuantityResult {
  const plain = plainDigits.exec(written);
  if (plain) {
    const unheld = written.length > exactDigits ? tooManyDigits(written, written) : undefined;
    if (unheld) return unheld;
    const decimals = plain[1]?.length ?? 0;
    return { ok: true, quantity: { value: Number(written), step: toNumber({ digits: '1', exponent: -decimals }), percent: false, scale: 0, qualifier: null, measureWord: null } };
  }
  const ascii = /^[\x20-\x7e]*$/u.test(written);
  const text = (ascii ? written : toSimplified(written.normalize('NFKC'))).replace(/\s+/gu, '');
  if (text === '') return fail('the value is empty', 'write the figure, for example 2387, 89% or 3万多');
  const negative = /^[-\u2212]/u.test(text);
  let rest = negative ? text.slice(1) : text;
  const qualifiers: Qualifier[] = [];

  for (const [word, qualifier] of qualifierWords.prefix) {
    if (rest.startsWith(word)) {
      qualifiers.push(qualifier);
      rest = rest.slice(word.length);
      break;
    }
  }

  let number: Decimal | null = null;
  if (/^\d{1,3},/u.test(rest)) {
    const grouped = groupedNumber.exec(rest);
    if (!grouped || /^[\d,]/u.test(rest.slice(grouped[0].length))) {
      return fail(`${quoted(written)} has misplaced thousands separators`, 'group digits in threes (2,387) or leave the commas out (2387)');
    }
    number = decimalFrom(grouped[0]);
    rest = rest.slice(grouped[0].length);
  } else {
    const plain = plainNumber.exec(rest);
    const chinese = plain ? null : chineseNumber.exec(rest);
    if (plain) {
      number = decimalFrom(plain[0]);
      rest = rest.slice(plain[0].length);
    } else if (chinese) {
      const read = chineseNumeralValue(chinese[0]);
      if (read === undefined) return fail(`cannot read the Chinese numeral ${quoted(chinese[0])} in ${quoted(written)}`, 'write the figure in digits, or as the text writes it (三, 十二, 二十五)');
      number = { digits: String(read), exponent: 0 };
      rest = rest.slice(chinese[0].length);
    }
  }

  let percent = false;
  let scaleExponent = 0;
  let measureWord: string | null = null;
  while (rest !== '') {
    if (rest.startsWith('%')) {
      if (percent || number === null) return fail(`${quoted(written)} has a misplaced %`, 'write a percentage as 89% or a share as 0.89');
      percent = true;
      rest = rest.slice(1);
      continue;
    }
    const scale = scaleWords[rest[0] ?? ''];
    if (scale !== undefined) {
      scaleExponent += scale;
      rest = rest.slice(1);
      continue;
    }
    const suffix = qualifierWords.suffix.find(([word]) => rest.startsWith(word));
    if (suffix) {
      qualifiers.push(suffix[1]);
      rest = rest.slice(suffix[0].length);
      continue;
    }
    const word = measureWords.find((w) => rest.startsWith(w));
    if (word && measureWord === null) {
      measureWord = word;
      rest = rest.slice(word.length);
      continue;
    }
    return fail(
      `cannot read ${quoted(rest)} in the value ${quoted(written)}`,
      'write digits with an optional 万/亿, a qualifier (多, 余, 以上, 超过, 近, 约) and a measure word, for example 3万多 or 1800余人次',
    );
  }

  if (number === null) {
    // 突破百万: a bare scale word means one of that unit.
    if (scaleExponent === 0) return fail(`${quoted(written)} has no number`, 'write the figure in digits, for example 2387 or 3万多');
    number = { digits: '1', exponent: 0 };
  }
  if (percent && scaleExponent !== 0) return fail(`${quoted(written)} mixes % with 万/亿`, 'write a percentage as 89% or a count as 3万');

  const distinct = [...new Set(qualifiers)];
  if (distinct.length > 1) {
    return fail(`${quoted(written)} has qualifiers that disagree (${distinct.join(', ')})`, 'keep one of 多/余/以上/超过 (more than), 近 (nearly) or 约 (about)');
  }

  const unheld = tooManyDigits(written, number.digits);
  if (unheld) return unheld;

  const exponent = number.exponent + scaleExponent - (percent ? 2 : 0);
  const scaled = { digits: `${negative ? '-' : ''}${number.digits}`, exponent };
  return {
    ok: true,
    quantity: {
      value: toNumber(scaled),
      step: toNumber({ digits: '1', exponent }),
      percent,
      scale: scaleExponent,
      qualifier: distinct[0] ?? null,
      measureWord,
    },
  };
}

/** Multiplies by a power of ten without binary rounding (312.8 × 10⁴ stays 3128000). */
export function shiftDecimal(value: number, powerOfTen: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + powerOfTen}`);
}
