/**
 * Change of a figure between two periods: in percent for counts, in
 * percentage points (个百分点) for ratios. Whether a change may be stated at
 * all is the comparability rule's to say (comparability.ts): another scope,
 * a running total, an undated figure, flows of unequal or overlapping
 * periods give no change, only the reason.
 */
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';
import { changeable } from './comparability.ts';
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
      /** Whole years between the two periods with no figure (0 for 2019 → 2020). */
      gapYears: number;
    }
  | {
      comparable: false;
      /** Why not, in words for a page (期间长度不同…, 口径不同…, 基数为0…). */
      label: string;
      from: Figure;
      to: Figure;
    };

type MetricOf = Pick<Metric, 'id' | 'kind' | 'family' | 'counts' | 'unit'>;

export function changeBetween(from: Figure, to: Figure, metric: MetricOf): Change {
  const verdict = changeable(from, to, new Map([[metric.id, metric]]));
  if (!verdict.comparable) return { comparable: false, label: verdict.label, from, to };
  const qualifier = quotientQualifier(to.qualifier, from.qualifier);
  const gapYears = Math.max(0, to.period.start - from.period.end - 1);
  if (metric.kind === 'ratio') {
    return { comparable: true, kind: 'points', value: (to.value - from.value) * 100, qualifier, from, to, gapYears };
  }
  if (from.value === 0) return { comparable: false, label: '基数为0，无增减率', from, to };
  return { comparable: true, kind: 'percent', value: ((to.value - from.value) / from.value) * 100, qualifier, from, to, gapYears };
}

/** Change from each figure of a series to the next one: the year-over-year view. */
export function changesAlong(series: readonly Figure[], metric: MetricOf): Change[] {
  return series.slice(1).map((to, i) => changeBetween(series[i] as Figure, to, metric));
}
