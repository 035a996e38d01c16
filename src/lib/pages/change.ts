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

/**
 * A change that rounds to nothing at one decimal (0%, 0个百分点) in words that stay true: its
 * direction where the bound gives one, else that it is about level. 140个 to 140余个 rose by an
 * amount the text does not give (有所增加, not 增加0%以上); 140个 to 近140个 fell (有所减少, never
 * 增加近0%); a change of 0.03% is less than the tenth shown (增加不到0.1%).
 */
function tooSmallToShow(change: Extract<Change, { comparable: true }>, verbs: { up: string; down: string }, unit: string): string {
  const { value, qualifier } = change;
  if (qualifier === 'exact') return value === 0 ? '持平' : `${value > 0 ? verbs.up : verbs.down}不到0.1${unit}`;
  // The true change lies above the value for a lower bound, below it for an upper one.
  if (qualifier === 'more_than' && value >= 0) return `有所${verbs.up}`;
  if (qualifier === 'nearly' && value <= 0) return `有所${verbs.down}`;
  return '大致持平';
}

/** `since`: how the earlier period is named; 较上期 where it is the column just before. */
export function describeChange(change: Change, since = `较${periodLabel(change.from.period)}`): string {
  if (!change.comparable) return `${since}：${change.label}`;
  const points = change.kind === 'points';
  const verbs = points ? { up: '提高', down: '降低' } : { up: '增加', down: '减少' };
  const amount = points ? formatPoints(change.value) : formatPercentChange(change.value);
  if (amount === (points ? formatPoints(0) : formatPercentChange(0))) return `${since}${tooSmallToShow(change, verbs, points ? '个百分点' : '%')}`;
  const rising = change.value >= 0;
  return `${since}${rising ? verbs.up : verbs.down}${boundedAmount(amount, change.qualifier, rising)}`;
}
