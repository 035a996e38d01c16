import { describe, expect, it } from 'vitest';
import { changeBetween, changesAlong } from '../../../src/lib/aggregate/change.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';

const fig = (p: string, value: number, qualifier: Figure['qualifier'] = 'exact'): Figure => ({
  province: 'hainan',
  unit: null,
  period: period(p),
  metric: 'm',
  value,
  qualifier,
  basis: 'reported',
  observations: [`f:${p}`],
});

describe('changeBetween', () => {
  it('gives counts in percent and ratios in percentage points', () => {
    const count = changeBetween(fig('2019', 80), fig('2020', 100), { kind: 'flow' });
    expect(count).toMatchObject({ comparable: true, kind: 'percent', value: 25, gapYears: 0 });
    const ratio = changeBetween(fig('2019', 0.82), fig('2020', 0.895), { kind: 'ratio' });
    expect(ratio.comparable && ratio.kind).toBe('points');
    expect(ratio.comparable && ratio.value).toBeCloseTo(7.5, 10);
  });

  it('refuses to compare a two-year flow with a one-year flow', () => {
    expect(changeBetween(fig('2017-2018', 100), fig('2020', 60), { kind: 'flow' })).toMatchObject({ comparable: false, reason: 'different_period_length' });
    expect(changeBetween(fig('2019-2020', 100), fig('2020', 60), { kind: 'flow' })).toMatchObject({ comparable: false, reason: 'overlapping_periods' });
  });

  it('compares end-of-period stocks across unlike periods but marks them', () => {
    const stock = changeBetween(fig('2019-2020', 6000), fig('2022', 6280), { kind: 'stock' });
    expect(stock).toMatchObject({ comparable: true, periodLengthsDiffer: true, gapYears: 1 });
  });

  it('has no percent change from zero, and carries bounds', () => {
    expect(changeBetween(fig('2019', 0), fig('2020', 5), { kind: 'flow' })).toMatchObject({ comparable: false, reason: 'zero_base' });
    expect(changeBetween(fig('2019', 100, 'nearly'), fig('2020', 200, 'more_than'), { kind: 'flow' })).toMatchObject({ qualifier: 'more_than' });
  });

  it('walks a series from period to period', () => {
    const changes = changesAlong([fig('2018', 10), fig('2019', 20), fig('2020', 10)], { kind: 'flow' });
    expect(changes.map((c) => c.comparable && c.value)).toEqual([100, -50]);
  });
});
