import { describe, expect, it } from 'vitest';
import { didYouMean, NameIndex } from '../../src/lib/names.ts';

const provinces = new NameIndex([
  { id: 'jiangsu', label: '江苏', names: ['江苏', '江蘇'], item: 1 },
  { id: 'jiangxi', label: '江西', names: ['江西'], item: 2 },
  { id: 'hainan', label: '海南', names: ['海南'], item: 3 },
  { id: 'henan', label: '河南', names: ['河南'], item: 4 },
]);

describe('NameIndex', () => {
  it('resolves ids and names in either script', () => {
    expect(provinces.resolve('jiangsu')?.id).toBe('jiangsu');
    expect(provinces.resolve('江蘇')?.id).toBe('jiangsu');
    expect(provinces.resolve('江苏')?.id).toBe('jiangsu');
    expect(provinces.resolve('JiangSu')?.id).toBe('jiangsu');
    expect(provinces.resolve('jiangsuu')).toBeUndefined();
  });

  it('suggests the nearest entries for a typo', () => {
    expect(didYouMean(provinces, 'jiangsuu', 'data/provinces.csv')).toBe('did you mean jiangsu (江苏)?');
    expect(provinces.suggest('hainam').map((s) => s.id)).toContain('hainan');
    expect(provinces.suggest('江囌').map((s) => s.id)).toContain('jiangsu');
  });

  it('points to the list when nothing is near', () => {
    expect(didYouMean(provinces, 'xinjiangweiwuer', 'data/provinces.csv')).toBe('use an id or name listed in data/provinces.csv');
  });

  it('says the same in Chinese', () => {
    expect(didYouMean(provinces, 'jiangsuu', 'data/provinces.csv', 'zh')).toBe('是不是 jiangsu（江苏）？');
    expect(didYouMean(provinces, 'hnan', 'data/provinces.csv', 'zh')).toBe('是不是 henan（河南） 或 hainan（海南）？');
    expect(didYouMean(provinces, 'xinjiangweiwuer', 'data/provinces.csv', 'zh')).toBe('请用 data/provinces.csv 中列出的 id 或名称');
  });

  it('refuses a name that two entries share', () => {
    const units = new NameIndex([
      { id: 'a', label: 'A', names: ['办公厅'], item: 1 },
      { id: 'b', label: 'B', names: ['办公厅'], item: 2 },
    ]);
    expect(units.resolve('办公厅')).toBeUndefined();
    expect(units.ambiguity('办公厅').map((e) => e.id)).toEqual(['a', 'b']);
    expect(units.resolve('a')?.id).toBe('a');
  });
});
