import { describe, expect, it } from 'vitest';
import { parseQuantity, shiftDecimal } from '../../src/lib/quantity.ts';

function read(text: string) {
  const result = parseQuantity(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.quantity;
}

describe('parseQuantity', () => {
  it.each([
    ['2387', 2387, null],
    ['2,387', 2387, null],
    ['２３８７', 2387, null],
    ['1,234,567', 1234567, null],
    ['3万多', 30000, 'more_than'],
    ['40余万', 400000, 'more_than'],
    ['40餘萬', 400000, 'more_than'],
    ['近4000', 4000, 'nearly'],
    ['约7.5万', 75000, 'about'],
    ['約7.5萬', 75000, 'about'],
    ['1800余', 1800, 'more_than'],
    ['2000多', 2000, 'more_than'],
    ['300多', 300, 'more_than'],
    ['超过70%', 0.7, 'more_than'],
    ['50%以上', 0.5, 'more_than'],
    ['突破百万', 1000000, 'more_than'],
    ['1.2亿', 120000000, null],
    ['100左右', 100, 'about'],
  ])('reads %s as %d (%s)', (text, value, qualifier) => {
    const q = read(text);
    expect(q.value).toBe(value);
    expect(q.qualifier).toBe(qualifier);
  });

  it('reads percentages as shares, exactly', () => {
    expect(read('89%').value).toBe(0.89);
    expect(read('89%').percent).toBe(true);
    expect(read('95.24%').value).toBe(0.9524);
    expect(read('超过98.3%').value).toBe(0.983);
    expect(read('８９％').value).toBe(0.89);
    expect(read('0.89').value).toBe(0.89);
    expect(read('0.89').percent).toBe(false);
  });

  it('scales decimals without binary rounding', () => {
    expect(read('527.8万').value).toBe(5278000);
    expect(read('312.8万元').value).toBe(3128000);
    expect(read('0.1万').value).toBe(1000);
  });

  it('records the precision of the written figure', () => {
    expect(read('89%').step).toBe(0.01);
    expect(read('95.24%').step).toBe(0.0001);
    expect(read('3万多').step).toBe(10000);
    expect(read('402.15').step).toBe(0.01);
  });

  it('keeps the measure word and the power of ten written', () => {
    expect(read('1800余人次').measureWord).toBe('人次');
    expect(read('2387个').measureWord).toBe('个');
    const money = read('527.8万余元');
    expect([money.value, money.scale, money.measureWord, money.qualifier]).toEqual([5278000, 4, '元', 'more_than']);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'cannot read'],
    ['23八7', 'cannot read'],
    ['2,38', 'thousands separators'],
    ['12,3456', 'thousands separators'],
    ['约3万多', 'disagree'],
    ['%', 'misplaced'],
    ['3万%', 'mixes'],
    ['多', 'no number'],
    ['--5', 'cannot read'],
  ])('refuses %j with a reason (%s)', (text, reason) => {
    const result = parseQuantity(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reason);
      expect(result.hint.length).toBeGreaterThan(0);
    }
  });

  it('never returns NaN', () => {
    for (const text of ['1.2.3', '..', '1e5', 'NaN', 'Infinity']) {
      const result = parseQuantity(text);
      if (result.ok) expect(Number.isFinite(result.quantity.value)).toBe(true);
    }
  });
});

describe('shiftDecimal', () => {
  it('moves the decimal point exactly', () => {
    expect(shiftDecimal(3128000, -4)).toBe(312.8);
    expect(shiftDecimal(402.15, 4)).toBe(4021500);
    expect(shiftDecimal(1e-7, 4)).toBe(0.001);
  });
});

describe('signs', () => {
  it('reads a minus sign so that it can be refused with a reason', () => {
    const minus = parseQuantity('-5');
    expect(minus.ok && minus.quantity.value).toBe(-5);
    const unicodeMinus = parseQuantity('−3万');
    expect(unicodeMinus.ok && unicodeMinus.quantity.value).toBe(-30000);
  });

  it('refuses more significant digits than a double holds exactly, and reads 15', () => {
    for (const text of ['12345678901234567890', '1234567890123456', '0.1234567890123456', '12,345,678,901,234,567', '1234567890123456万多', '１２３４５６７８９０１２３４５６７']) {
      const result = parseQuantity(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatch(/has 1[6-9] significant digits, more than a figure is held exactly \(15\)$/u);
        expect(result.hint).toContain('two figures run together');
      }
    }
    expect(read('123456789012345').value).toBe(123456789012345);
    expect(read('0.00123456789012345').value).toBe(0.00123456789012345);
    // Zeros that only place the digits are not significant: 10²⁰ is held exactly.
    expect(read('100000000000000000000').value).toBe(1e20);
    expect(read('12345678901234.5万').value).toBe(123456789012345000);
  });

  it('quotes at most 80 characters of a long value in its reason', () => {
    const result = parseQuantity(`${'三'.repeat(200)}件`);
    expect(!result.ok && result.reason.length).toBeLessThan(250);
    expect(!result.ok && result.reason).toContain('…\' (201 characters)');
  });
});
