import { describe, expect, it } from 'vitest';
import { nameKey, toSimplified, toTraditional } from '../../src/lib/script.ts';

describe('script folding', () => {
  it('gives one key for both scripts and full-width forms', () => {
    expect(nameKey('江蘇')).toBe(nameKey('江苏'));
    expect(nameKey('黨支部')).toBe(nameKey('党支部'));
    expect(nameKey(' 省高院 ')).toBe(nameKey('省高院'));
    expect(nameKey('ＨＡＩＮＡＮ')).toBe('hainan');
    expect(nameKey('江西')).not.toBe(nameKey('江苏'));
  });

  it('converts between Simplified and standard Traditional', () => {
    expect(toSimplified('機關黨建工作綜述')).toBe('机关党建工作综述');
    expect(toTraditional('江苏省级机关党支部')).toBe('江蘇省級機關黨支部');
    expect(toTraditional('内蒙古')).toBe('內蒙古');
  });
});

describe('toTraditional', () => {
  it("writes Taiwan standard forms, without Taiwan's vocabulary, and fixes what OpenCC gets wrong in this field", () => {
    expect(toTraditional('为考核优秀单位，初步核实231件')).toBe('為考核優秀單位，初步核實231件');
    expect(toTraditional('命名表彰了首批16家省直模范机关')).toBe('命名表彰了首批16家省直模範機關');
    expect(toTraditional('了解信息网络')).toBe('了解信息網絡');
  });
});
