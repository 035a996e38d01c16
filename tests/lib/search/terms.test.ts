import { describe, expect, it } from 'vitest';
import { fold, foldWithOrigins, indexTerms, queryParts, shardOf, titleTerm } from '../../../src/lib/search/terms.ts';

describe('indexTerms', () => {
  it('finds a run of Han by each character, each pair and each three, and other words whole', () => {
    expect([...indexTerms(fold('省公安厅立案7件'))].sort()).toEqual(
      ['省', '公', '安', '厅', '立', '案', '省公', '公安', '安厅', '厅立', '立案', '省公安', '公安厅', '安厅立', '厅立案', '7', '件'].sort(),
    );
    // A year stands apart from the character after it; a decimal keeps its point; capitals and full-width forms are folded.
    expect([...indexTerms(fold('2022年 84.5% ＣＣ BY ２０２４'))].sort()).toEqual(['2022', '2024', '84.5', 'by', 'cc', '年'].sort());
  });

  it('finds nothing in punctuation and spaces', () => {
    expect(indexTerms(fold('，。“”（）—— · '))).toEqual(new Set());
  });
});

describe('queryParts', () => {
  it('asks a run of up to three characters as one term, a longer one by its threes, looked for whole', () => {
    expect(queryParts('省公安厅')).toEqual([{ text: '省公安厅', terms: ['省公安', '公安厅'], whole: true }]);
    expect(queryParts('党支部')).toEqual([{ text: '党支部', terms: ['党支部'], whole: false }]);
    expect(queryParts('立案')).toEqual([{ text: '立案', terms: ['立案'], whole: false }]);
    expect(queryParts('省')).toEqual([{ text: '省', terms: ['省'], whole: false }]);
  });

  it('asks every word of a query, once, and nothing of a query without words', () => {
    expect(queryParts('海南  立案 海南 ２０２０').map((p) => p.text)).toEqual(['海南', '立案', '2020']);
    expect(queryParts(' ，。 ')).toEqual([]);
  });
});

describe('foldWithOrigins', () => {
  it('says where each folded character was written, so a match is marked in the text as written', () => {
    const { folded, origin } = foldWithOrigins('党支部，２０２４年');
    expect(folded).toBe('党支部,2024年');
    expect(origin).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('shardOf', () => {
  it('spreads terms over the shards and keeps a title term with its term', () => {
    const shards = new Set(['省', '公安', '立案', '2024', '党支部', 'cc'].map((t) => shardOf(t, 128)));
    expect(shards.size).toBeGreaterThan(3);
    expect(titleTerm('公安')).toBe('^公安');
    for (const t of ['省', '公安']) expect(shardOf(t, 128)).toBeLessThan(128);
  });
});
