import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatMoney, formatPoints, formatShare, percentDecimals } from '../../src/lib/format.ts';

describe('Chinese number formatting', () => {
  it('keeps exact counts in full below 10万', () => {
    expect(formatCount(2387)).toBe('2387');
    expect(formatCount(21365)).toBe('21365');
    expect(formatCount(0)).toBe('0');
  });

  it('uses 万 and 亿 where nothing is lost', () => {
    expect(formatCount(139000)).toBe('13.9万');
    expect(formatCount(120000000)).toBe('1.2亿');
    expect(formatCount(123457)).toBe('123457');
  });

  it('says approximate values in words', () => {
    expect(formatCount(30000, 'more_than')).toBe('3万余');
    expect(formatCount(400000, 'more_than')).toBe('40万余');
    expect(formatCount(4000, 'nearly')).toBe('近4000');
    expect(formatCount(75000, 'about')).toBe('约7.5万');
    expect(formatCount(1800, 'more_than')).toBe('1800余');
  });

  it('formats shares, points and money', () => {
    expect(formatShare(2387 / 2824)).toBe('84.5%');
    expect(formatShare(0.89, 'exact', 0)).toBe('89%');
    expect(formatShare(0.983, 'more_than')).toBe('超过98.3%');
    expect(formatPoints(4.47)).toBe('4.5个百分点');
    expect(formatPoints(-0.7)).toBe('0.7个百分点');
    expect(formatMoney(312.8)).toBe('312.8万元');
    expect(formatMoney(527.8, 'more_than')).toBe('527.8万余元');
    expect(formatMoney(12000)).toBe('1.2亿元');
  });

  it('shows a stated share at its written precision', () => {
    expect(percentDecimals(0.01)).toBe(0);
    expect(percentDecimals(0.0001)).toBe(2);
    expect(percentDecimals(undefined)).toBe(1);
  });

  it('adds the measure word of the metric', () => {
    expect(formatFigure({ value: 1800, qualifier: 'more_than' }, { kind: 'flow', unit: '人次' })).toBe('1800余人次');
    expect(formatFigure({ value: 0.9524, qualifier: 'exact' }, { kind: 'ratio', unit: '%' }, 0.0001)).toBe('95.24%');
    expect(formatFigure({ value: 402.15, qualifier: 'exact' }, { kind: 'flow', unit: '万元' })).toBe('402.15万元');
  });
});
