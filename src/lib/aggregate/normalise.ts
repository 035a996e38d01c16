/**
 * Figures per 100 party branches, so a committee of 6000 branches and one of
 * 2800 can be compared. Only counts are normalised, and only by a branch
 * count of the same committee or unit and the same period.
 */
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';
import { quotientQualifier } from './qualifiers.ts';

/** Metric id (data/metrics.csv) of the number of party branches. */
export const branchCountMetric = 'branches-total';

export interface PerHundredBranches {
  /** Metric units per 100 branches. */
  value: number;
  qualifier: Qualifier;
  branches: Figure;
}

/**
 * Undefined when the metric is a ratio, counts branches itself (达标 branches
 * per 100 branches is a rate, shown as one), or no branch count is known.
 */
export function perHundredBranches(
  figure: Figure,
  metric: Pick<Metric, 'id' | 'kind' | 'category'>,
  branches: Figure | undefined,
): PerHundredBranches | undefined {
  if (metric.kind === 'ratio' || metric.category === 'branches' || metric.id === branchCountMetric) return undefined;
  if (!branches || branches.value <= 0) return undefined;
  if (branches.period.id !== figure.period.id || branches.province !== figure.province || branches.unit !== figure.unit) return undefined;
  return {
    value: (figure.value / branches.value) * 100,
    qualifier: quotientQualifier(figure.qualifier, branches.qualifier),
    branches,
  };
}
