/**
 * The names a province goes by in the documents people copy from: its short name (海南, 廣西) and its
 * full official name (海南省, 北京市, 广西壮族自治区). data/provinces.csv holds the short name in
 * either script and the kind; the full name follows from them, but for the five autonomous regions,
 * whose full names add the people the region is named for.
 */
import { NameIndex } from './names.ts';
import type { Province } from './schema/province.ts';

/** The full names of the autonomous regions, by short name, in Simplified and Traditional script. */
export const autonomousRegionNames: Readonly<Record<string, readonly string[]>> = {
  内蒙古: ['内蒙古自治区', '內蒙古自治區'],
  广西: ['广西壮族自治区', '廣西壯族自治區'],
  西藏: ['西藏自治区', '西藏自治區'],
  宁夏: ['宁夏回族自治区', '寧夏回族自治區'],
  新疆: ['新疆维吾尔自治区', '新疆維吾爾自治區'],
};

/** What the kind adds to the short name, in Simplified and in Traditional script; a central committee adds nothing. */
const suffixes: Readonly<Record<Province['kind'], readonly [simplified: string, traditional: string] | undefined>> = {
  省: ['省', '省'],
  直辖市: ['市', '市'],
  市: ['市', '市'],
  自治区: ['自治区', '自治區'],
  中央: undefined,
};

/** 海南 → 海南省; a name that ends in its kind already (深圳市) stays as it is. */
const withSuffix = (name: string, suffix: string): string => (name.endsWith(suffix) ? name : `${name}${suffix}`);

/** Every name of a province besides its id: the short names as data/provinces.csv writes them, then the full official names. */
export function provinceNames(province: Pick<Province, 'name' | 'name_hant' | 'kind'>): string[] {
  const suffix = suffixes[province.kind];
  // An autonomous region is also called by its name and 自治区 alone (广西自治区), as people shorten it.
  const region = province.kind === '自治区' ? (autonomousRegionNames[province.name] ?? []) : [];
  const full = suffix ? [withSuffix(province.name, suffix[0]), withSuffix(province.name_hant, suffix[1])] : [];
  return [...new Set([province.name, province.name_hant, ...region, ...full])];
}

/** Provinces by id and by every name above, in either script: what an observation's `province` column may say. */
export function provinceIndexOf(provinces: readonly Province[]): NameIndex<Province> {
  return new NameIndex(provinces.map((p) => ({ id: p.id, label: p.name, names: provinceNames(p), item: p })));
}
