/**
 * The one rule for what may be compared with what (口径, GUIDE.md section 2b). Two figures are
 * ranked together, drawn on one axis, coloured on one map or turned into a change only when
 * they count the same thing (one metric, or metrics of one family) on the same basis, over
 * the same scope, and alike in time: flows over periods of equal length, stocks and rates
 * at the same point, running totals only with those of the same text, and never a figure
 * whose text gives no time. A sum of a province's unit figures counts only the units that
 * reported (it may fall short of the whole), so it, and a ratio of two such sums, is set only
 * against a figure of the same units. Otherwise pages show them side by side with the reason.
 */
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';

export type Verdict =
  | { comparable: true }
  | {
      comparable: false;
      reason: 'metric' | 'counts' | 'scope' | 'basis' | 'undated' | 'cumulative' | 'period-length' | 'point' | 'overlap' | 'order';
      /** Why, in words for a page: 口径不同：含直属单位与通常口径. */
      label: string;
    };

type Metrics = ReadonlyMap<string, Pick<Metric, 'id' | 'kind' | 'family' | 'counts' | 'unit'>>;
type Compared = Pick<Figure, 'province' | 'metric' | 'scope' | 'basis' | 'units' | 'time' | 'undated' | 'period'>;

const yes: Verdict = { comparable: true };
/** What a counting basis counts, in words. */
export const countsLabel: Record<Metric['counts'], string> = {
  people: '人数',
  attendances: '人次',
  organisations: '组织数',
  cases: '件数',
  events: '场次',
  items: '项数',
  documents: '篇数',
  money: '金额',
  share: '比率',
};

/** A scope in words: the usual one has none of its own. */
export function scopeLabel(scope: string): string {
  return scope === '' ? '通常口径' : scope;
}

/** Same thing counted alike: one metric, or two of one family (the steps of the case pipeline). */
function sameThing(a: Compared, b: Compared, metrics: Metrics): Verdict {
  if (a.metric === b.metric) return yes;
  const ma = metrics.get(a.metric);
  const mb = metrics.get(b.metric);
  if (!ma || !mb) return { comparable: false, reason: 'metric', label: '指标不同' };
  if (ma.counts !== mb.counts) return { comparable: false, reason: 'counts', label: `计量不同：${countsLabel[ma.counts]}与${countsLabel[mb.counts]}` };
  if (ma.family === '' || ma.family !== mb.family) return { comparable: false, reason: 'metric', label: '指标不同，不作比较' };
  return yes;
}

/** Whether a figure is made from some units' figures (a sum of them, or a ratio of two such sums) rather than given for the whole committee. */
const coversUnits = (f: Pick<Figure, 'units'>) => f.units !== undefined;
/** What a figure adds up, in words: a sum of units, a ratio of such sums, or a figure for the whole committee (a rate when `rate`). */
function totalLabel(f: Compared, rate: boolean): string {
  const units = f.units?.length ?? 0;
  const what = units === 1 ? '1个单位的数字' : `${units}个单位的合计`;
  if (coversUnits(f)) return f.basis === 'sum_of_units' ? what : `${what}之比`;
  if (f.basis === 'ratio_of_parts') return '全省总数之比';
  return rate ? '综述所报比率' : '综述所报总数';
}

type Summed = Pick<Figure, 'province' | 'units'>;

/**
 * Whether two figures add up the same: both for the whole committee, or both made from the same
 * units of the same province (unit ids repeat from one province to the next). A sum of unit
 * figures, or a ratio of two such sums, never goes with a figure for the whole committee, in a
 * comparison or in a quotient: it counts only the units that reported.
 */
export function sameTotal(a: Summed, b: Summed): boolean {
  if (!coversUnits(a) && !coversUnits(b)) return true;
  const units = (f: Summed) => [...(f.units ?? [])].sort().join(',');
  return coversUnits(a) && coversUnits(b) && a.province === b.province && units(a) === units(b);
}

function sameUnitsSummed(a: Compared, b: Compared): Verdict {
  // A ratio of sums is of ratio_of_parts basis; a figure of the other side is then a rate too (same thing is asked first).
  const rate = [a, b].some((f) => coversUnits(f) && f.basis === 'ratio_of_parts');
  return sameTotal(a, b) ? yes : { comparable: false, reason: 'basis', label: `合计范围不同：${totalLabel(a, rate)}与${totalLabel(b, rate)}` };
}

/** What both kinds of comparison ask first: the same thing, the same scope and total, times known and of one kind. */
function alike(a: Compared, b: Compared, metrics: Metrics): Verdict {
  const what = sameThing(a, b, metrics);
  if (!what.comparable) return what;
  if (a.scope !== b.scope) return { comparable: false, reason: 'scope', label: `口径不同：${scopeLabel(a.scope)}与${scopeLabel(b.scope)}` };
  const summed = sameUnitsSummed(a, b);
  if (!summed.comparable) return summed;
  if (a.undated || b.undated) return { comparable: false, reason: 'undated', label: '期间不明：原文未给出时间' };
  if ((a.time === 'cumulative') !== (b.time === 'cumulative')) return { comparable: false, reason: 'cumulative', label: '累计数与期内数不可比' };
  return yes;
}

const isFlow = (f: Compared, metrics: Metrics) => f.time === 'flow' && metrics.get(f.metric)?.kind === 'flow';

/**
 * May the two figures stand on one axis, in one ranking or on one map, at once? Flows need
 * periods of equal length; stocks and rates the same point in time; running totals the same
 * text (province and period), as each counts from its own start.
 */
export function rankable(a: Compared, b: Compared, metrics: Metrics): Verdict {
  const first = alike(a, b, metrics);
  if (!first.comparable) return first;
  if (a.time === 'cumulative') {
    return a.province === b.province && a.period.id === b.period.id ? yes : { comparable: false, reason: 'cumulative', label: '累计数起点不同，不作比较' };
  }
  if (isFlow(a, metrics)) {
    return a.period.years === b.period.years ? yes : { comparable: false, reason: 'period-length', label: `期间长度不同：${a.period.years}年与${b.period.years}年` };
  }
  return a.period.end === b.period.end ? yes : { comparable: false, reason: 'point', label: `时点不同：${a.period.end}年末与${b.period.end}年末` };
}

/**
 * May a change be stated from `from` to `to`? One metric (never two of a family), the same
 * scope, both dated and neither a running total; flows over periods of equal length that do
 * not overlap; stocks and rates at two points, the later one last.
 */
export function changeable(from: Compared, to: Compared, metrics: Metrics): Verdict {
  if (from.metric !== to.metric) return { comparable: false, reason: 'metric', label: '指标不同，不作比较' };
  const first = alike(from, to, metrics);
  if (!first.comparable) return first;
  if (from.time === 'cumulative') return { comparable: false, reason: 'cumulative', label: '累计数不计算增减' };
  if (isFlow(from, metrics)) {
    if (from.period.end >= to.period.start) return { comparable: false, reason: 'overlap', label: '期间重叠，不作比较' };
    if (from.period.years !== to.period.years) return { comparable: false, reason: 'period-length', label: `期间长度不同：${periodLabel(from.period)}与${periodLabel(to.period)}` };
    return yes;
  }
  return from.period.end < to.period.end ? yes : { comparable: false, reason: 'order', label: '时点相同或倒置，不作比较' };
}

/**
 * The figures split into groups that may be ranked together, largest group first (on a tie,
 * the group of the latest figure). A figure alone in its group is not ranked against anything.
 */
export function comparableGroups<T>(items: readonly T[], figureOf: (item: T) => Compared, metrics: Metrics): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const group = groups.find((g) => rankable(figureOf(g[0] as T), figureOf(item), metrics).comparable);
    if (group) group.push(item);
    else groups.push([item]);
  }
  const latest = (g: T[]) => Math.max(...g.map((item) => figureOf(item).period.end));
  return groups.sort((a, b) => b.length - a.length || latest(b) - latest(a));
}
