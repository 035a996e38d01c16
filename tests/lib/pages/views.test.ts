import { describe, expect, it } from 'vitest';
import { unitsCoveredNote } from '../../../src/lib/pages/views.ts';

describe('unitsCoveredNote', () => {
  it('says how many units a committee figure made from units covers, and nothing of a figure for the whole committee', () => {
    expect(unitsCoveredNote({ basis: 'sum_of_units', units: ['gaoyuan', 'gonganting'] })).toBe('2个单位合计');
    expect(unitsCoveredNote({ basis: 'sum_of_units', units: ['gaoyuan'] })).toBe('1个单位的数字');
    expect(unitsCoveredNote({ basis: 'ratio_of_parts', units: ['gaoyuan', 'gonganting'] })).toBe('按2个单位合计计算');
    expect(unitsCoveredNote({ basis: 'ratio_of_parts', units: ['gaoyuan'] })).toBe('按1个单位的数字计算');
    expect(unitsCoveredNote({ basis: 'ratio_of_parts' })).toBeUndefined();
    expect(unitsCoveredNote({ basis: 'reported' })).toBeUndefined();
  });
});
