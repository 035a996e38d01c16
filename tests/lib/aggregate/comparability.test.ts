import { describe, expect, it } from 'vitest';
import { changeable, comparableGroups, rankable } from '../../../src/lib/aggregate/comparability.ts';
import { period } from '../../../src/lib/period.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';

type M = Pick<Metric, 'id' | 'kind' | 'family' | 'counts' | 'unit'>;
const metrics = new Map<string, M>([
  ['petitions-leads', { id: 'petitions-leads', kind: 'flow', family: 'case-pipeline', counts: 'cases', unit: '件' }],
  ['cases-filed', { id: 'cases-filed', kind: 'flow', family: 'case-pipeline', counts: 'cases', unit: '件' }],
  ['sanctions', { id: 'sanctions', kind: 'flow', family: '', counts: 'attendances', unit: '人次' }],
  ['warning-education-people', { id: 'warning-education-people', kind: 'flow', family: '', counts: 'people', unit: '名' }],
  ['branches-total', { id: 'branches-total', kind: 'stock', family: '', counts: 'organisations', unit: '个' }],
  ['civilised-units', { id: 'civilised-units', kind: 'flow', family: '', counts: 'organisations', unit: '个' }],
  ['branch-compliance-rate', { id: 'branch-compliance-rate', kind: 'ratio', family: '', counts: 'share', unit: '%' }],
]);
const f = (metric: string, p: string, more: Partial<{ scope: string; time: 'flow' | 'stock' | 'cumulative'; undated: boolean; province: string; units: string[] }> = {}) => ({
  province: more.province ?? 'hainan',
  metric,
  period: period(p),
  scope: more.scope ?? '',
  // A sum of these units' figures; a total as the review reports it without them.
  ...(more.units ? { basis: 'sum_of_units' as const, units: more.units } : { basis: 'reported' as const }),
  time: more.time ?? (metrics.get(metric)?.kind === 'flow' ? ('flow' as const) : ('stock' as const)),
  undated: more.undated ?? false,
});

describe('rankable: what may stand on one axis', () => {
  it('allows one metric in one scope, flows of equal length and stocks at one point', () => {
    expect(rankable(f('cases-filed', '2020'), f('cases-filed', '2022', { province: 'guangxi' }), metrics).comparable).toBe(true);
    expect(rankable(f('branches-total', '2020'), f('branches-total', '2020', { province: 'jiangsu' }), metrics).comparable).toBe(true);
  });

  it('allows two metrics only within one family', () => {
    expect(rankable(f('petitions-leads', '2020'), f('cases-filed', '2020'), metrics).comparable).toBe(true);
    expect(rankable(f('branches-total', '2020'), f('civilised-units', '2020'), metrics)).toMatchObject({ comparable: false, reason: 'metric' });
  });

  it('refuses figures that count on another basis: 件 and 人次, people and attendances', () => {
    expect(rankable(f('cases-filed', '2020'), f('sanctions', '2020'), metrics)).toMatchObject({ comparable: false, reason: 'counts', label: '计量不同：件数与人次' });
    expect(rankable(f('warning-education-people', '2020'), f('sanctions', '2020'), metrics)).toMatchObject({ comparable: false, label: '计量不同：人数与人次' });
  });

  it('refuses another scope, an undated figure, and running totals against anything but their own text', () => {
    expect(rankable(f('branches-total', '2022', { scope: '含直属单位' }), f('branches-total', '2022'), metrics)).toMatchObject({ comparable: false, reason: 'scope', label: '口径不同：含直属单位与通常口径' });
    expect(rankable(f('civilised-units', '2022', { undated: true }), f('civilised-units', '2022'), metrics)).toMatchObject({ comparable: false, reason: 'undated' });
    expect(rankable(f('civilised-units', '2022', { time: 'cumulative' }), f('civilised-units', '2022'), metrics)).toMatchObject({ comparable: false, reason: 'cumulative' });
    expect(rankable(f('civilised-units', '2022', { time: 'cumulative' }), f('civilised-units', '2020', { time: 'cumulative', province: 'hainan' }), metrics).comparable).toBe(false);
  });

  it('sets a sum of unit figures only against a sum of the same units of the same province, never against a reported total', () => {
    const sum = (p: string, units: string[], province = 'hainan') => f('cases-filed', p, { units, province });
    expect(rankable(sum('2020', ['gaoyuan', 'gonganting']), f('cases-filed', '2020', { province: 'jiangsu' }), metrics)).toMatchObject({
      comparable: false,
      reason: 'basis',
      label: '合计范围不同：2个单位的合计与综述所报总数',
    });
    expect(rankable(f('cases-filed', '2020', { province: 'jiangsu' }), sum('2020', ['gaoyuan']), metrics)).toMatchObject({ comparable: false, label: '合计范围不同：综述所报总数与1个单位的数字' });
    // Unit ids repeat across provinces: jiangsu's gonganting is not hainan's.
    expect(rankable(sum('2020', ['gonganting']), sum('2020', ['gonganting'], 'jiangsu'), metrics)).toMatchObject({ comparable: false, reason: 'basis' });
    expect(rankable(sum('2020', ['gaoyuan', 'gonganting']), sum('2020', ['gonganting', 'gaoyuan']), metrics).comparable).toBe(true);
    expect(changeable(sum('2019', ['gaoyuan', 'gonganting']), sum('2020', ['gonganting', 'gaoyuan']), metrics).comparable).toBe(true);
    expect(changeable(sum('2019', ['gonganting']), sum('2020', ['gonganting', 'gaoyuan']), metrics)).toMatchObject({ comparable: false, label: '合计范围不同：1个单位的数字与2个单位的合计' });
    expect(changeable(f('cases-filed', '2018'), sum('2020', ['gaoyuan', 'gonganting']), metrics)).toMatchObject({ comparable: false, reason: 'basis' });
  });

  it('sets a rate worked out from sums of units only against a rate of the same units, never against a province\'s stated rate', () => {
    const ofSums = (p: string, units: string[], province = 'hainan') => ({ ...f('branch-compliance-rate', p, { province }), basis: 'ratio_of_parts' as const, units });
    const stated = f('branch-compliance-rate', '2020', { province: 'jiangsu' });
    expect(rankable(ofSums('2020', ['gaoyuan', 'gonganting']), stated, metrics)).toMatchObject({ comparable: false, reason: 'basis', label: '合计范围不同：2个单位的合计之比与综述所报比率' });
    expect(rankable(stated, ofSums('2020', ['gaoyuan']), metrics)).toMatchObject({ comparable: false, label: '合计范围不同：综述所报比率与1个单位的数字之比' });
    expect(rankable(ofSums('2020', ['gaoyuan']), ofSums('2020', ['gaoyuan'], 'jiangsu'), metrics)).toMatchObject({ comparable: false, reason: 'basis' });
    expect(changeable(ofSums('2019', ['gaoyuan', 'gonganting']), ofSums('2020', ['gonganting', 'gaoyuan']), metrics).comparable).toBe(true);
    // A rate worked out from totals the review reports is the committee's own: it goes with stated rates.
    expect(rankable({ ...f('branch-compliance-rate', '2020'), basis: 'ratio_of_parts' as const }, stated, metrics).comparable).toBe(true);
  });

  it('refuses flows of unequal length and stocks at two points', () => {
    expect(rankable(f('cases-filed', '2019-2020'), f('cases-filed', '2020'), metrics)).toMatchObject({ comparable: false, label: '期间长度不同：2年与1年' });
    expect(rankable(f('branch-compliance-rate', '2020'), f('branch-compliance-rate', '2022'), metrics)).toMatchObject({ comparable: false, label: '时点不同：2020年末与2022年末' });
  });
});

describe('changeable: what may be turned into a change', () => {
  it('takes one metric, never two of a family', () => {
    expect(changeable(f('petitions-leads', '2019'), f('cases-filed', '2020'), metrics).comparable).toBe(false);
    expect(changeable(f('cases-filed', '2019'), f('cases-filed', '2020'), metrics).comparable).toBe(true);
  });

  it('takes stocks at two points in order, and flows of equal length that do not overlap', () => {
    expect(changeable(f('branches-total', '2019-2020'), f('branches-total', '2022'), metrics).comparable).toBe(true);
    expect(changeable(f('branches-total', '2022'), f('branches-total', '2022'), metrics).comparable).toBe(false);
    expect(changeable(f('cases-filed', '2019-2020'), f('cases-filed', '2021-2022'), metrics).comparable).toBe(true);
    expect(changeable(f('cases-filed', '2019-2020'), f('cases-filed', '2020-2021'), metrics)).toMatchObject({ comparable: false, reason: 'overlap' });
  });

  it('never turns a running total into a change', () => {
    expect(changeable(f('civilised-units', '2020', { time: 'cumulative' }), f('civilised-units', '2022', { time: 'cumulative' }), metrics)).toMatchObject({ comparable: false, reason: 'cumulative' });
  });
});

describe('comparableGroups', () => {
  it('puts the largest group of mutually comparable figures first', () => {
    const items = [f('cases-filed', '2020'), f('cases-filed', '2019-2020', { province: 'qinghai' }), f('cases-filed', '2022', { province: 'guangxi' }), f('cases-filed', '2021', { province: 'jiangsu', scope: '全省' })];
    const [first, ...rest] = comparableGroups(items, (x) => x, metrics);
    expect(first?.map((x) => x.province)).toEqual(['hainan', 'guangxi']);
    expect(rest).toHaveLength(2);
  });
});
