/**
 * A figure in words on a page. What a review states is shown as it states it: its qualifier
 * word in its place (40余万, 6000多, 近4000, 约7.5万, 超过98.3%) and the measure word of its
 * text where that counts the same thing as the metric's (16家, 981次). A value the site works
 * out (a sum of units, a rate from its parts, a value per 100 branches) carries no qualifier
 * word: it is marked ≈ when an input is approximate, and a rate or quotient shows at most
 * three significant figures.
 */
import { allowedWords } from './checks/relations.ts';
import { formatCount, formatMoney, percentDecimals, trimDecimals } from './format.ts';
import type { Figure } from './schema/figure.ts';
import type { Metric } from './schema/metric.ts';
import type { Observation } from './schema/observation.ts';
import { toSimplified } from './script.ts';

/** Marks a worked-out value whose inputs are approximate. */
export const approximateMark = '≈';

/** `value` to three significant figures, trailing zeros dropped: 63.74 → 63.7, 0.08456 → 0.0846, 1194.3 → 1190. */
export function threeSignificant(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 2) {
    const unit = 10 ** (magnitude - 2);
    return String(Math.round(value / unit) * unit);
  }
  return trimDecimals(value, 2 - magnitude);
}

/** A share 0-1 worked out by the site: 84.5%, ≈84.5%. */
export function derivedShare(share: number, approximate: boolean): string {
  return `${approximate ? approximateMark : ''}${threeSignificant(share * 100)}%`;
}

/** A count or amount worked out by the site (a sum of units): exact digits, ≈ when an input is approximate. */
export function derivedAmount(value: number, approximate: boolean, metric: Pick<Metric, 'unit'>): string {
  const mark = approximate ? approximateMark : '';
  if (metric.unit === '万元') return `${mark}${formatMoney(value)}`;
  return `${mark}${formatCount(value)}${metric.unit}`;
}

/** A quotient worked out by the site (per 100 branches): three significant figures. */
export function derivedQuotient(value: number, approximate: boolean, metric: Pick<Metric, 'unit'>): string {
  const mark = approximate ? approximateMark : '';
  const number = threeSignificant(value);
  return metric.unit === '万元' ? `${mark}${number}万元` : `${mark}${number}${metric.unit}`;
}

/**
 * A value as written, in Simplified script and half-width digits, without spaces or thousands
 * separators. A national set's million cells write a few thousand values (76, 89%): each is
 * folded once, in a bounded map like the other caches of written text.
 */
const plainWritings = new Map<string, string>();
/** Half-width digits, with a decimal point or not: already as plain as a value gets. */
const plainDigits = /^[0-9]+(?:\.[0-9]+)?$/u;

function plainWritten(written: string): string {
  // Most values, a unit return's cells above all, are plain digits already: nothing to fold, nothing to remember.
  if (plainDigits.test(written)) return written;
  let plain = plainWritings.get(written);
  if (plain === undefined) {
    plain = toSimplified(written.normalize('NFKC')).replace(/\s+/gu, '').replace(/(?<=\d),(?=\d{3})/gu, '');
    if (plainWritings.size > 100_000) plainWritings.clear();
    plainWritings.set(written, plain);
  }
  return plain;
}

const measureWordAtEnd = /(?:人次|场次|批次|万元|亿元|元|个|名|人|期|场|次|件|篇|份|家|项|支|条|所|批|部|位)$/u;

/**
 * The value as the row writes it, in Simplified script and half-width digits, with the
 * measure word `word` (the quote's, when it counts what the metric counts) or the metric's.
 */
export function writtenDisplay(o: Pick<Observation, 'written' | 'value' | 'step' | 'qualifier' | 'measureWord'>, metric: Pick<Metric, 'kind' | 'unit' | 'counts'>, word?: string): string {
  const written = plainWritten(o.written);
  if (metric.kind === 'ratio') {
    if (written.includes('%')) return written;
    // A share written as 0.89 or 0.5以上: the same number and words, as a percentage.
    const [, before = '', , after = ''] = /^(\D*)(\d+(?:\.\d+)?)(.*)$/u.exec(written) ?? [];
    return `${before}${trimDecimals(o.value * 100, percentDecimals(o.step))}%${after}`;
  }
  if (metric.unit === '万元') return /元$/u.test(written) ? written : `${written}万元`;
  // A value written with its measure word (100个左右) is shown as written: the check has found the word right.
  if (o.measureWord !== null) return written;
  const bare = written.replace(measureWordAtEnd, '');
  return `${bare}${word && allowedWords(metric).includes(word) ? word : metric.unit}`;
}

/**
 * The words for a figure: a figure resting on one stated row shows that row's writing; any
 * other is worked out and shown as such. `row` is the figure's observation when it has one.
 */
export function figureText(figure: Pick<Figure, 'value' | 'qualifier' | 'basis'>, metric: Pick<Metric, 'kind' | 'unit' | 'counts'>, row?: Pick<Observation, 'written' | 'value' | 'step' | 'qualifier' | 'measureWord'>, word?: string): string {
  if (figure.basis === 'reported' && row) return writtenDisplay(row, metric, word);
  const approximate = figure.qualifier !== 'exact';
  return metric.kind === 'ratio' ? derivedShare(figure.value, approximate) : derivedAmount(figure.value, approximate, metric);
}
