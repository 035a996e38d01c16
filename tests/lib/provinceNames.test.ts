import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceIndexOf, provinceNames } from '../../src/lib/provinceNames.ts';
import type { Province } from '../../src/lib/schema/province.ts';
import { repoRoot } from '../helpers/paths.ts';

/** The 31 provinces of the bundled data/provinces.csv. */
const provinces = readFileSync(join(repoRoot, 'data/provinces.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line): Province => {
    const [id = '', name = '', name_hant = '', kind = '省'] = line.split(',');
    return { id, name, name_hant, kind: kind as Province['kind'] };
  });

describe('province names', () => {
  it('adds the full official name to the short names, in both scripts', () => {
    expect(provinceNames({ name: '海南', name_hant: '海南', kind: '省' })).toEqual(['海南', '海南省']);
    expect(provinceNames({ name: '江苏', name_hant: '江蘇', kind: '省' })).toEqual(['江苏', '江蘇', '江苏省', '江蘇省']);
    expect(provinceNames({ name: '北京', name_hant: '北京', kind: '直辖市' })).toEqual(['北京', '北京市']);
    expect(provinceNames({ name: '广西', name_hant: '廣西', kind: '自治区' })).toEqual(['广西', '廣西', '广西壮族自治区', '廣西壯族自治區', '广西自治区', '廣西自治區']);
    expect(provinceNames({ name: '深圳市', name_hant: '深圳市', kind: '市' })).toEqual(['深圳市']);
    expect(provinceNames({ name: '中央和国家机关', name_hant: '中央和國家機關', kind: '中央' })).toEqual(['中央和国家机关', '中央和國家機關']);
  });

  it('resolves every common form of the bundled provinces, and only the province it names', () => {
    const index = provinceIndexOf(provinces);
    const forms: Record<string, string> = {
      海南省: 'hainan',
      广西壮族自治区: 'guangxi',
      廣西: 'guangxi',
      廣西壯族自治區: 'guangxi',
      北京市: 'beijing',
      内蒙古自治区: 'neimenggu',
      新疆维吾尔自治区: 'xinjiang',
      宁夏回族自治区: 'ningxia',
      西藏自治区: 'xizang',
      江蘇省: 'jiangsu',
      重庆市: 'chongqing',
      hainan: 'hainan',
      海南: 'hainan',
    };
    for (const [written, id] of Object.entries(forms)) expect(index.resolve(written)?.id, written).toBe(id);
    for (const province of provinces) {
      for (const name of provinceNames(province)) expect(index.resolve(name)?.id, name).toBe(province.id);
    }
    expect(index.resolve('海南市')).toBeUndefined();
    expect(index.resolve('江苏自治区')).toBeUndefined();
  });
});
