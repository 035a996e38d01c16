import { describe, expect, it } from 'vitest';
import { numberTokens } from '../../../src/lib/extract/numbers.ts';

const figures = (sentence: string) => numberTokens(sentence).map((t) => `${t.value}|${t.measureWord}`);

describe('numberTokens', () => {
  it('reads figures the way the reviews write them, with qualifier, scale and measure word', () => {
    expect(figures('动员机关党员3万多人次')).toEqual(['3万多|人次']);
    expect(figures('受理问题线索近4000件')).toEqual(['近4000|件']);
    expect(figures('覆盖40余万人')).toEqual(['40余万|人']);
    expect(figures('惠及约7.5万名群众')).toEqual(['约7.5万|名']);
    expect(figures('开展活动1800余场次')).toEqual(['1800余|场次']);
    expect(figures('划拨312.8万元')).toEqual(['312.8万元|']);
    expect(figures('达标率95.24%')).toEqual(['95.24%|']);
    expect(figures('培训1,200人次，超过500个单位')).toEqual(['1,200|人次', '超过500|个']);
    expect(figures('受教育干部3萬多人次')).toEqual(['3萬多|人次']);
  });

  it('reads each figure of a share sentence', () => {
    expect(figures('2387个党支部达标，占全部在职党支部2824个的89%')).toEqual(['2387|个', '2824|个', '89%|']);
  });

  it('does not take dates, durations, ages or anniversaries for figures', () => {
    expect(figures('2023年，在庆祝建党102周年之际')).toEqual([]);
    expect(figures('5年来，持续3个月，35岁以下')).toEqual([]);
    expect(figures('发布于2024-01-15')).toEqual([]);
    expect(figures('2019—2020年')).toEqual([]);
  });

  it('does not take ordinals, ranking places, slogans or speeches for figures', () => {
    expect(figures('第1批，第18次会议')).toEqual([]);
    expect(figures('考核位列前3名')).toEqual([]);
    expect(figures('坚决做到“两个维护”，学习“7·1”重要讲话，落实“1+3”机制')).toEqual([]);
  });

  it('does not take the numbers of a document name or of how a plan is built', () => {
    expect(figures('对照《党支部工作规范（2022年版）》')).toEqual([]);
    expect(figures('4个一级指标、20项具体要求，聚焦3个方面、5个方向')).toEqual([]);
  });

  it('gives each figure its offset in the sentence', () => {
    const sentence = '初核112件，立案37件';
    expect(numberTokens(sentence).map((t) => sentence.slice(t.at, t.at + t.text.length))).toEqual(['112件', '37件']);
  });
});
