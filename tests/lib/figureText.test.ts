import { describe, expect, it } from 'vitest';
import { derivedAmount, derivedQuotient, derivedShare, figureText, threeSignificant, writtenDisplay } from '../../src/lib/figureText.ts';
import { parseQuantity } from '../../src/lib/quantity.ts';
import type { Metric } from '../../src/lib/schema/metric.ts';

type M = Pick<Metric, 'kind' | 'unit' | 'counts'>;
const attendances: M = { kind: 'flow', unit: '人次', counts: 'attendances' };
const organisations: M = { kind: 'stock', unit: '个', counts: 'organisations' };
const money: M = { kind: 'flow', unit: '万元', counts: 'money' };
const share: M = { kind: 'ratio', unit: '%', counts: 'share' };

/** A row as the loader reads it: the value and measure word from the written text. */
function row(written: string, value?: number, step = 1) {
  const read = parseQuantity(written);
  if (!read.ok) throw new Error(read.reason);
  return { written, value: value ?? read.quantity.value, step: read.ok ? read.quantity.step : step, qualifier: read.quantity.qualifier ?? 'exact', measureWord: read.quantity.measureWord } as const;
}

describe('writtenDisplay: a stated figure as its review writes it', () => {
  it('keeps the qualifier word and its place', () => {
    expect(writtenDisplay(row('40余万'), attendances)).toBe('40余万人次');
    expect(writtenDisplay(row('6000多'), organisations)).toBe('6000多个');
    expect(writtenDisplay(row('300多'), { kind: 'flow', unit: '项', counts: 'items' })).toBe('300多项');
    expect(writtenDisplay(row('近4000'), { kind: 'flow', unit: '份', counts: 'documents' })).toBe('近4000份');
    expect(writtenDisplay(row('约7.5万'), attendances)).toBe('约7.5万人次');
    expect(writtenDisplay(row('超过98.3%'), share)).toBe('超过98.3%');
  });

  it('writes money in 万元, shares as percentages, digits half-width, Traditional words in Simplified', () => {
    expect(writtenDisplay(row('312.8'), money)).toBe('312.8万元');
    expect(writtenDisplay(row('527.8万余元'), money)).toBe('527.8万余元');
    expect(writtenDisplay({ ...row('0.89'), value: 0.89, step: 0.01 }, share)).toBe('89%');
    expect(writtenDisplay(row('２３８７'), organisations)).toBe('2387个');
    expect(writtenDisplay(row('40餘萬'), attendances)).toBe('40余万人次');
  });

  it("uses the text's measure word where it counts what the metric counts, else the metric's", () => {
    expect(writtenDisplay(row('16'), organisations, '家')).toBe('16家');
    expect(writtenDisplay(row('3054'), attendances, '人')).toBe('3054人次');
    expect(writtenDisplay(row('100个左右'), { kind: 'flow', unit: '个', counts: 'organisations' })).toBe('100个左右');
  });
});

describe('values the site works out', () => {
  it('carry no qualifier word, are marked ≈ when an input is approximate, and show three significant figures', () => {
    expect(derivedShare(2387 / 2824, false)).toBe('84.5%');
    expect(derivedQuotient(63.7444, true, attendances)).toBe('≈63.7人次');
    expect(derivedQuotient(1.4876, false, organisations)).toBe('1.49个');
    expect(derivedAmount(2000, true, attendances)).toBe('≈2000人次');
    expect(threeSignificant(0.08456)).toBe('0.0846');
    expect(threeSignificant(1194.27)).toBe('1190');
    expect(threeSignificant(845.4)).toBe('845');
  });

  it('are told apart from stated ones: a reported figure with its row reads as written, any other as worked out', () => {
    expect(figureText({ value: 400000, qualifier: 'more_than', basis: 'reported' }, attendances, row('40余万'))).toBe('40余万人次');
    expect(figureText({ value: 400000, qualifier: 'more_than', basis: 'sum_of_units' }, attendances)).toBe('≈40万人次');
  });
});
