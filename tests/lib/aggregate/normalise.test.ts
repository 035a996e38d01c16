import { describe, expect, it } from 'vitest';
import { perHundredBranches } from '../../../src/lib/aggregate/normalise.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';

const fig = (metric: string, value: number, p = '2020', qualifier: Figure['qualifier'] = 'exact'): Figure => ({
  province: 'hainan',
  unit: null,
  period: period(p),
  metric,
  value,
  qualifier,
  basis: 'reported',
  observations: ['f:1'],
});

describe('perHundredBranches', () => {
  it('divides a count by the branch count of the same scope and period', () => {
    const result = perHundredBranches(fig('cases-filed', 78), { id: 'cases-filed', kind: 'flow', category: 'cases' }, fig('branches-total', 2824));
    expect(result?.value).toBeCloseTo(2.762, 3);
    expect(perHundredBranches(fig('t', 1800, '2020', 'more_than'), { id: 't', kind: 'flow', category: 'training' }, fig('branches-total', 2824))?.qualifier).toBe('more_than');
  });

  it('says nothing where it would mislead', () => {
    const branches = fig('branches-total', 2824);
    expect(perHundredBranches(fig('r', 0.9), { id: 'r', kind: 'ratio', category: 'branches' }, branches)).toBeUndefined();
    expect(perHundredBranches(branches, { id: 'branches-total', kind: 'stock', category: 'branches' }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('b', 2387), { id: 'b', kind: 'stock', category: 'branches' }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('c', 5, '2019'), { id: 'c', kind: 'flow', category: 'cases' }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('c', 5), { id: 'c', kind: 'flow', category: 'cases' }, undefined)).toBeUndefined();
  });
});
