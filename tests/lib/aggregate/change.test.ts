import { describe, expect, it } from 'vitest';
import { changeBetween, changesAlong } from '../../../src/lib/aggregate/change.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';

const fig = (p: string, value: number, qualifier: Figure['qualifier'] = 'exact', time: Figure['time'] = 'flow'): Figure => ({
  province: 'hainan',
  unit: null,
  period: period(p),
  metric: 'm',
  scope: '',
  time,
  undated: false,
  value,
  qualifier,
  basis: 'reported',
  observations: [`f:${p}`],
});
const metric = (kind: Metric['kind']) => ({ id: 'm', kind, family: '', counts: kind === 'ratio' ? ('share' as const) : ('items' as const), unit: kind === 'ratio' ? ('%' as const) : ('个' as const) });

describe('changeBetween', () => {
  it('gives counts in percent and ratios in percentage points', () => {
    const count = changeBetween(fig('2019', 80), fig('2020', 100), metric('flow'));
    expect(count).toMatchObject({ comparable: true, kind: 'percent', value: 25, gapYears: 0 });
    const ratio = changeBetween(fig('2019', 0.82, 'exact', 'stock'), fig('2020', 0.895, 'exact', 'stock'), metric('ratio'));
    expect(ratio.comparable && ratio.kind).toBe('points');
    expect(ratio.comparable && ratio.value).toBeCloseTo(7.5, 10);
  });

  it('refuses to compare a two-year flow with a one-year flow, or overlapping flows', () => {
    expect(changeBetween(fig('2017-2018', 100), fig('2020', 60), metric('flow'))).toMatchObject({ comparable: false, label: '期间长度不同：2017—2018年与2020年' });
    expect(changeBetween(fig('2019-2020', 100), fig('2020', 60), metric('flow'))).toMatchObject({ comparable: false, label: '期间重叠，不作比较' });
  });

  it('compares end-of-period stocks across unlike periods', () => {
    const stock = changeBetween(fig('2019-2020', 6000, 'exact', 'stock'), fig('2022', 6280, 'exact', 'stock'), metric('stock'));
    expect(stock).toMatchObject({ comparable: true, gapYears: 1 });
  });

  it('states no change between scopes, running totals or undated figures', () => {
    expect(changeBetween({ ...fig('2019', 60), scope: '建党98周年表彰' }, { ...fig('2020', 20), scope: '抗疫表彰' }, metric('flow'))).toMatchObject({ comparable: false, label: '口径不同：建党98周年表彰与抗疫表彰' });
    expect(changeBetween(fig('2019', 60), { ...fig('2020', 73), time: 'cumulative' }, metric('flow'))).toMatchObject({ comparable: false, label: '累计数与期内数不可比' });
    expect(changeBetween(fig('2019', 60), { ...fig('2020', 73), undated: true }, metric('flow'))).toMatchObject({ comparable: false, label: '期间不明：原文未给出时间' });
  });

  it('has no percent change from zero, and carries bounds', () => {
    expect(changeBetween(fig('2019', 0), fig('2020', 5), metric('flow'))).toMatchObject({ comparable: false, label: '基数为0，无增减率' });
    expect(changeBetween(fig('2019', 100, 'nearly'), fig('2020', 200, 'more_than'), metric('flow'))).toMatchObject({ qualifier: 'more_than' });
  });

  it('walks a series from period to period', () => {
    const changes = changesAlong([fig('2018', 10), fig('2019', 20), fig('2020', 10)], metric('flow'));
    expect(changes.map((c) => c.comparable && c.value)).toEqual([100, -50]);
  });
});
