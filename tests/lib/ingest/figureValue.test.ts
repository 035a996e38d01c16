import { describe, expect, it } from 'vitest';
import { readFigureValue } from '../../../src/lib/ingest/figureValue.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';

const metric = (kind: Metric['kind'], unit: Metric['unit']): Metric => ({
  id: 'm',
  name: 'm',
  name_hant: 'm',
  category: 'other',
  unit,
  kind,
  numerator: kind === 'ratio' ? 'a' : '',
  denominator: kind === 'ratio' ? 'b' : '',
  definition: 'd',
  aliases: [],
  counts: kind === 'ratio' ? 'share' : unit === '万元' ? 'money' : 'items',
  family: '',
  per_branch: false,
});

const value = (text: string, m: Metric) => {
  const result = readFigureValue(text, m);
  return result.ok ? result.figure.value : result.reason;
};

describe('readFigureValue', () => {
  it('reads ratios as shares from % or 0-1', () => {
    const ratio = metric('ratio', '%');
    expect(value('89%', ratio)).toBe(0.89);
    expect(value('0.89', ratio)).toBe(0.89);
    expect(value('89', ratio)).toContain('above 1');
    expect(value('89个', ratio)).toContain('measure word');
    expect(value('120%', ratio)).toContain('above 100%');
  });

  it('reads money into 万元', () => {
    const money = metric('flow', '万元');
    expect(value('312.8', money)).toBe(312.8);
    expect(value('402.15万元', money)).toBe(402.15);
    expect(value('527.8万余元', money)).toBe(527.8);
    expect(value('3128000元', money)).toBe(312.8);
    expect(value('1.2亿元', money)).toBe(12000);
    expect(value('40余万', money)).toContain('ambiguous');
    expect(value('40名', money)).toContain('measured in 名');
  });

  it('refuses a percentage or money for a count', () => {
    const count = metric('flow', '人次');
    expect(value('1800余人次', count)).toBe(1800);
    expect(value('50%', count)).toContain('percentage');
    expect(value('50元', count)).toContain('money');
    expect(value('-5', count)).toContain('negative');
  });
});
