/** A short narrative for a synthetic review, every figure a reference, and the notice that it is made up. */
import type { Province } from '../schema/province.ts';
import { syntheticNotice } from './national.ts';

const sentences: Array<[metric: string, text: string]> = [
  ['branches-total', '直属机关共有党支部{{branches-total}}'],
  ['branch-compliance-rate', '党支部达标率为{{branch-compliance-rate}}'],
  ['training-attendance', '全年培训{{training-attendance}}'],
  ['cases-filed', '立案{{cases-filed}}'],
  ['members-developed', '发展党员{{members-developed}}'],
  ['relief-funds', '走访慰问资金{{relief-funds}}'],
];

export function synthNarrative(province: Province, year: number, reported: ReadonlySet<string>, source: string): string {
  const body = sentences.filter(([metric]) => reported.has(metric)).map(([, text]) => text);
  return `---\ntitle: ${province.name}${year}年机关党建工作综述（${syntheticNotice}）\nsource: ${source}\n---\n\n**${syntheticNotice}。** 本篇由程序生成，用于展示全国规模的数据，数字均为虚构。\n\n${body.join('；')}。\n`;
}
