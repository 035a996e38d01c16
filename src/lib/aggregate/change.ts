/**
 * Change of a figure between two periods: in percent for counts, in
 * percentage points (个百分点) for ratios. Flows over periods of different
 * length, or over overlapping periods, are not compared at all.
 */
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';
import { quotientQualifier } from './qualifiers.ts';

export type Change =
  | {
      comparable: true;
      /** percent: relative change of a count, in %; points: change of a ratio, in 个百分点. */
      kind: 'percent' | 'points';
      value: number;
      qualifier: Qualifier;
      from: Figure;
      to: Figure;
      /** Stocks and ratios compare end-of-period levels even when the periods differ in length; pages say so. */
      periodLengthsDiffer: boolean;
      /** Whole years between the two periods with no figure (0 for 2019 → 2020). */
      gapYears: number;
    }
  | {
      comparable: false;
      reason: 'different_period_length' | 'overlapping_periods' | 'zero_base';
      from: Figure;
      to: Figure;
    };

export function changeBetween(from: Figure, to: Figure, metric: Pick<Metric, 'kind'>): Change {
  const periodLengthsDiffer = from.period.years !== to.period.years;
  const isFlow = metric.kind === 'flow';
  const ordered = isFlow ? from.period.end < to.period.start : from.period.end < to.period.end;
  if (!ordered) return { comparable: false, reason: 'overlapping_periods', from, to };
  if (isFlow && periodLengthsDiffer) return { comparable: false, reason: 'different_period_length', from, to };
  const qualifier = quotientQualifier(to.qualifier, from.qualifier);
  const gapYears = Math.max(0, to.period.start - from.period.end - 1);
  if (metric.kind === 'ratio') {
    return { comparable: true, kind: 'points', value: (to.value - from.value) * 100, qualifier, from, to, periodLengthsDiffer, gapYears };
  }
  if (from.value === 0) return { comparable: false, reason: 'zero_base', from, to };
  return {
    comparable: true,
    kind: 'percent',
    value: ((to.value - from.value) / from.value) * 100,
    qualifier,
    from,
    to,
    periodLengthsDiffer,
    gapYears,
  };
}

/** Change from each figure of a series to the next one: the year-over-year view. */
export function changesAlong(series: readonly Figure[], metric: Pick<Metric, 'kind'>): Change[] {
  return series.slice(1).map((to, i) => changeBetween(series[i] as Figure, to, metric));
}
