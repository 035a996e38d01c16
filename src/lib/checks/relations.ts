/**
 * What the metric dictionary implies beyond data format v1: which metrics are
 * part of which, and which shares split one whole without overlapping. Ids
 * that the dictionary in use does not have are skipped.
 */

/** A part counted within a whole of the same committee or unit and period. Each ratio's numerator and denominator are such a pair too. */
export const partOf: ReadonlyArray<readonly [part: string, whole: string]> = [['members-developed-frontline', 'members-developed']];

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
  件: ['件'],
  篇: ['篇'],
  项: ['项'],
  万元: ['万元', '元', '亿元'],
};
