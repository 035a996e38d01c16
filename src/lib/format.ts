/**
 * Numbers written the Chinese way: 万 and 亿 for large counts, % for shares,
 * 个百分点 for changes of a share, and the qualifier in words (3万余, 近4000,
 * 约7.5万), so an approximate figure never reads as exact.
 */
import type { Metric } from './schema/metric.ts';
import type { Qualifier } from './schema/qualifier.ts';

/** At most `digits` decimals, trailing zeros dropped: 7.50 → 7.5, 89.00 → 89. */
export function trimDecimals(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/u, '') : fixed;
}

/** Decimals needed to show a share written with precision `step` (0.01 → 0 for 89%, 0.0001 → 2 for 95.24%). */
export function percentDecimals(step: number | undefined, fallback = 1): number {
  if (step === undefined || step <= 0) return fallback;
  return Math.max(0, Math.round(-Math.log10(step * 100)));
}

function withCountQualifier(number: string, qualifier: Qualifier): string {
  if (qualifier === 'more_than') return `${number}余`;
  if (qualifier === 'nearly') return `近${number}`;
  if (qualifier === 'about') return `约${number}`;
  return number;
}

/**
 * A count: exact figures keep every digit below 10万 (21365); larger or
 * approximate figures use 万/亿 when that loses nothing (75000 → 7.5万).
 */
export function formatCount(value: number, qualifier: Qualifier = 'exact'): string {
  const magnitude = Math.abs(value);
  // [size, word, smallest exact value written with it]: 12万 reads well, 2.1365万 does not.
  const scales: Array<[number, string, number]> = [
    [1e8, '亿', 1e8],
    [1e4, '万', 1e5],
  ];
  for (const [size, word, exactFrom] of scales) {
    const threshold = qualifier === 'exact' ? exactFrom : size;
    if (magnitude < threshold) continue;
    const scaled = value / size;
    // Only scale when two decimals still hold every written digit.
    if (Math.abs(Number(scaled.toFixed(2)) * size - value) < 1e-6) {
      return withCountQualifier(`${trimDecimals(scaled, 2)}${word}`, qualifier);
    }
  }
  return withCountQualifier(trimDecimals(value, 2), qualifier);
}

/** A share 0-1 as a percentage: 0.845 → 84.5%; a lower bound reads 超过98.3%. */
export function formatShare(share: number, qualifier: Qualifier = 'exact', decimals = 1): string {
  const text = `${trimDecimals(share * 100, decimals)}%`;
  if (qualifier === 'more_than') return `超过${text}`;
  if (qualifier === 'nearly') return `近${text}`;
  if (qualifier === 'about') return `约${text}`;
  return text;
}

/** A change of a share: 提高/降低 is the page's wording; this gives 4.5个百分点. */
export function formatPoints(points: number, decimals = 1): string {
  return `${trimDecimals(Math.abs(points), decimals)}个百分点`;
}

/** A relative change of a count, unsigned: 12.5%. */
export function formatPercentChange(percent: number, decimals = 1): string {
  return `${trimDecimals(Math.abs(percent), decimals)}%`;
}

/** A figure with its measure word, as a reader expects to see it: 2387个, 84.5%, 312.8万元, 1800余人次. */
export function formatFigure(
  figure: { value: number; qualifier: Qualifier },
  metric: Pick<Metric, 'kind' | 'unit'>,
  step?: number,
): string {
  if (metric.kind === 'ratio') return formatShare(figure.value, figure.qualifier, percentDecimals(step));
  if (metric.unit === '万元') return formatMoney(figure.value, figure.qualifier);
  return `${formatCount(figure.value, figure.qualifier)}${metric.unit}`;
}

/** An amount in 万元: 312.8万元, 527.8万余元, 约300万元; 1亿元 and above in 亿元. */
export function formatMoney(tenThousands: number, qualifier: Qualifier = 'exact'): string {
  // 亿元 only when four decimals of 亿 still hold every written digit.
  const inYi = tenThousands / 1e4;
  const lossless = Math.abs(Number(inYi.toFixed(4)) * 1e4 - tenThousands) < 1e-6;
  const [number, word] = Math.abs(tenThousands) >= 1e4 && lossless ? [trimDecimals(inYi, 4), '亿'] : [trimDecimals(tenThousands, 2), '万'];
  if (qualifier === 'more_than') return `${number}${word}余元`;
  return `${withCountQualifier(number, qualifier)}${word}元`;
}
