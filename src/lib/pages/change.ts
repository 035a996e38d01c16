/** Words for a change between two periods: 增加12.5% for counts, 提高0.7个百分点 for rates, or why there is none. */
import type { Change } from '../aggregate/change.ts';
import { formatPercentChange, formatPoints } from '../format.ts';
import { periodLabel } from '../period.ts';
import type { Qualifier } from '../schema/qualifier.ts';

/**
 * The size of a change in words that keep its bound: a lower bound on a rise
 * is "20%以上", on a fall "不到20%"; an upper bound the other way round.
 */
function boundedAmount(amount: string, qualifier: Qualifier, rising: boolean): string {
  if (qualifier === 'about') return `约${amount}`;
  if (qualifier === 'more_than') return rising ? `${amount}以上` : `不到${amount}`;
  if (qualifier === 'nearly') return rising ? `近${amount}` : `${amount}以上`;
  return amount;
}

/** `since`: how the earlier period is named; 较上期 where it is the column just before. */
export function describeChange(change: Change, since = `较${periodLabel(change.from.period)}`): string {
  if (!change.comparable) return `${since}：${change.label}`;
  if (change.value === 0 && change.qualifier === 'exact') return `${since}持平`;
  const rising = change.value >= 0;
  const amount = change.kind === 'points' ? formatPoints(change.value) : formatPercentChange(change.value);
  const verb = change.kind === 'points' ? (rising ? '提高' : '降低') : rising ? '增加' : '减少';
  return `${since}${verb}${boundedAmount(amount, change.qualifier, rising)}`;
}
