import { describe, expect, it } from 'vitest';
import { spreadOf } from '../../../src/lib/aggregate/spread.ts';

describe('spreadOf', () => {
  it('gives the five numbers of a box plot, quartiles as Excel QUARTILE.INC computes them', () => {
    // QUARTILE.INC({7,1,3,5,100}, 1) = 3, median 5, QUARTILE.INC(…, 3) = 7.
    expect(spreadOf([7, 1, 3, 5, 100])).toEqual({ count: 5, min: 1, lowerQuartile: 3, median: 5, upperQuartile: 7, max: 100 });
    // Between two values: QUARTILE.INC({1,2,3,4}, 1) = 1.75, median 2.5, upper 3.25.
    expect(spreadOf([4, 3, 2, 1])).toEqual({ count: 4, min: 1, lowerQuartile: 1.75, median: 2.5, upperQuartile: 3.25, max: 4 });
  });

  it('is one value repeated for a single peer, and undefined for none', () => {
    expect(spreadOf([0.9])).toEqual({ count: 1, min: 0.9, lowerQuartile: 0.9, median: 0.9, upperQuartile: 0.9, max: 0.9 });
    expect(spreadOf([])).toBeUndefined();
  });

  it('does not reorder the values it was given', () => {
    const values = [3, 1, 2];
    spreadOf(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
