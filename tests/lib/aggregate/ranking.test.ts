import { describe, expect, it } from 'vitest';
import { rankFigures } from '../../../src/lib/aggregate/ranking.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';

const fig = (value: number, p = '2020'): Figure => ({
  province: 'x',
  unit: null,
  period: period(p),
  metric: 'm',
  scope: '',
  time: 'flow',
  undated: false,
  value,
  qualifier: 'exact',
  basis: 'reported',
  observations: ['f:1'],
});

describe('rankFigures', () => {
  it('shares ranks on ties and keeps not-reported apart from zero', () => {
    const ranking = rankFigures([
      { key: 'a', figure: fig(5) },
      { key: 'b', figure: fig(9) },
      { key: 'c', figure: undefined },
      { key: 'd', figure: fig(5) },
      { key: 'e', figure: fig(0) },
    ]);
    expect(ranking.ranked.map((r) => [r.key, r.rank, r.tied])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['d', 2, true],
      ['e', 4, false],
    ]);
    expect(ranking.notReported).toEqual(['c']);
    expect(ranking.periodLengths).toEqual([1]);
  });

  it('ranks ascending on request and reports mixed period lengths', () => {
    const ranking = rankFigures([{ key: 'a', figure: fig(5, '2019-2020') }, { key: 'b', figure: fig(9) }], 'ascending');
    expect(ranking.ranked.map((r) => r.key)).toEqual(['a', 'b']);
    expect(ranking.periodLengths).toEqual([1, 2]);
  });
});
