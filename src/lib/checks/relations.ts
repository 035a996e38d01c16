import type { CountingBasis, Metric } from '../schema/metric.ts';
/**
 * What the metric dictionary implies beyond data format v1: which metrics are
 * part of which, and which shares split one whole without overlapping. Ids
 * that the dictionary in use does not have are skipped.
 */

/** A part counted within a whole of the same committee or unit and period. Each ratio's numerator and denominator are such a pair too. */
export const partOf: ReadonlyArray<readonly [part: string, whole: string]> = [
  ['members-developed-frontline', 'members-developed'],
  // Branches that completed a rating are some of the branches there are.
  ['branches-rated', 'branches-total'],
];

/** Shares of one whole that do not overlap (先进 and 达标 tiers): together at most 100%. */
export const disjointShares: ReadonlyArray<readonly string[]> = [['branches-advanced-share', 'branches-standard-tier-share']];

/**
 * Measure words that count the same thing as a metric's canonical one. A
 * figure written with another word (名 for organisations, 人 for 人次) may
 * count something else.
 */
export const compatibleWords: Readonly<Record<string, readonly string[]>> = {
  个: ['个', '家', '所'],
  名: ['名', '人', '位'],
  人次: ['人次'],
  期: ['期'],
  场次: ['场次', '场', '次'],
  次: ['次', '场次', '场'],
  场: ['场', '场次', '次'],
  批: ['批', '批次'],
  件: ['件'],
  篇: ['篇'],
  份: ['份'],
  项: ['项'],
  条: ['条'],
  支: ['支'],
  部: ['部'],
  万元: ['万元', '元', '亿元'],
};

/** Words any metric counting such things may be written with: an item is 个, 项 or 件 alike; an organisation 个, 家 or 支. */
const wordsOfBasis: Readonly<Partial<Record<CountingBasis, readonly string[]>>> = {
  items: ['个', '项', '件', '条', '部', '支'],
  organisations: ['个', '家', '所', '支'],
};

/** The measure words a figure of the metric may carry in its text. */
export function allowedWords(metric: Pick<Metric, 'unit' | 'counts'>): readonly string[] {
  return [...(compatibleWords[metric.unit] ?? [metric.unit]), ...(wordsOfBasis[metric.counts] ?? [])];
}
