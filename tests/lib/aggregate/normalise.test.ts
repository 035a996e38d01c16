import { describe, expect, it } from 'vitest';
import { perHundredBranches } from '../../../src/lib/aggregate/normalise.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';

const fig = (metric: string, value: number, p = '2020', qualifier: Figure['qualifier'] = 'exact'): Figure => ({
  province: 'hainan',
  unit: null,
  period: period(p),
  metric,
  scope: '',
  time: 'flow',
  undated: false,
  value,
  qualifier,
  basis: 'reported',
  observations: ['f:1'],
});

describe('perHundredBranches', () => {
  it('divides a count by the branch count of the same scope and period', () => {
    const result = perHundredBranches(fig('cases-filed', 78), { id: 'cases-filed', kind: 'flow', category: 'cases', per_branch: true }, fig('branches-total', 2824));
    expect(result?.value).toBeCloseTo(2.762, 3);
    expect(perHundredBranches(fig('t', 1800, '2020', 'more_than'), { id: 't', kind: 'flow', category: 'training', per_branch: true }, fig('branches-total', 2824))?.qualifier).toBe('more_than');
  });

  it('says nothing where it would mislead', () => {
    const branches = fig('branches-total', 2824);
    // Money and counts of units or honours do not scale with branches: their metrics say so.
    expect(perHundredBranches(fig('d', 527.8), { id: 'd', kind: 'flow', category: 'funds', per_branch: false }, branches)).toBeUndefined();
    expect(perHundredBranches({ ...fig('c', 5), scope: '专项整治' }, { id: 'c', kind: 'flow', category: 'cases', per_branch: true }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('r', 0.9), { id: 'r', kind: 'ratio', category: 'branches', per_branch: true }, branches)).toBeUndefined();
    expect(perHundredBranches(branches, { id: 'branches-total', kind: 'stock', category: 'branches', per_branch: true }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('b', 2387), { id: 'b', kind: 'stock', category: 'branches', per_branch: false }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('c', 5, '2019'), { id: 'c', kind: 'flow', category: 'cases', per_branch: true }, branches)).toBeUndefined();
    expect(perHundredBranches(fig('c', 5), { id: 'c', kind: 'flow', category: 'cases', per_branch: true }, undefined)).toBeUndefined();
  });

  it('divides a sum of units only by a branch count summed from the same units, and a reported count only by a reported one', () => {
    const cases = { id: 'c', kind: 'flow', category: 'cases', per_branch: true } as const;
    const summed = (f: Figure, units: string[]): Figure => ({ ...f, basis: 'sum_of_units', units });
    // 12 cases of two units over the committee's 2824 branches would read as a rate of the whole committee.
    expect(perHundredBranches(summed(fig('c', 12), ['gaoyuan', 'gonganting']), cases, fig('branches-total', 2824))).toBeUndefined();
    expect(perHundredBranches(fig('c', 78), cases, summed(fig('branches-total', 300), ['gaoyuan']))).toBeUndefined();
    expect(perHundredBranches(summed(fig('c', 12), ['gaoyuan', 'gonganting']), cases, summed(fig('branches-total', 300), ['gaoyuan']))).toBeUndefined();
    expect(perHundredBranches(summed(fig('c', 12), ['gaoyuan', 'gonganting']), cases, summed(fig('branches-total', 300), ['gonganting', 'gaoyuan']))?.value).toBeCloseTo(4, 6);
  });
});
