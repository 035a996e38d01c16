/**
 * Figures per 100 party branches, so a committee of 6000 branches and one of
 * 2800 can be compared. Only counts are normalised, and only by a branch
 * count of the same committee or unit and the same period.
 */
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';
import { sameTotal } from './comparability.ts';
import { quotientQualifier } from './qualifiers.ts';
import { isUsual } from './slot.ts';

/** Metric id (data/metrics.csv) of the number of party branches. */
export const branchCountMetric = 'branches-total';

export interface PerHundredBranches {
  /** Metric units per 100 branches. */
  value: number;
  qualifier: Qualifier;
  branches: Figure;
}

/** Whether a metric's figures may be given per 100 branches: a count whose `per_branch` says so, not the branches themselves. */
export function givenPerHundredBranches(metric: Pick<Metric, 'id' | 'kind' | 'per_branch'>): boolean {
  return Boolean(metric.per_branch) && metric.kind !== 'ratio' && metric.id !== branchCountMetric;
}

/**
 * Undefined unless the metric says a value per 100 branches means something
 * (`per_branch`: trainings and cases do, money and counts of units do not),
 * the figure is of the committee's usual scope and time, and a branch count
 * of the same committee or unit and period is known, adding up the same
 * (comparability.ts sameTotal).
 */
export function perHundredBranches(
  figure: Figure,
  metric: Pick<Metric, 'id' | 'kind' | 'category' | 'per_branch'>,
  branches: Figure | undefined,
): PerHundredBranches | undefined {
  if (!givenPerHundredBranches(metric) || !isUsual(figure)) return undefined;
  if (!branches || branches.value <= 0) return undefined;
  if (branches.period.id !== figure.period.id || branches.province !== figure.province || branches.unit !== figure.unit) return undefined;
  // A sum of some units' figures over all the committee's branches, or the reverse, would say nothing.
  if (!sameTotal(figure, branches)) return undefined;
  return {
    value: (figure.value / branches.value) * 100,
    qualifier: quotientQualifier(figure.qualifier, branches.qualifier),
    branches,
  };
}
