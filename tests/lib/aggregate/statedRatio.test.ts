import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureFields, observationOf, ReportedFigure } from '../../../src/lib/aggregate/reportedFigure.ts';
import { quotientQualifier } from '../../../src/lib/aggregate/qualifiers.ts';
import { partsDisagree, ratioAgrees, StatedRatio } from '../../../src/lib/aggregate/statedRatio.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';
import type { Qualifier } from '../../../src/lib/schema/qualifier.ts';
import { observation } from '../../helpers/observation.ts';

describe('ratioAgrees', () => {
  it('follows the precision of the stated figure', () => {
    expect(ratioAgrees({ value: 0.89, qualifier: 'exact' }, 0.01, 0.8949)).toBe(true);
    expect(ratioAgrees({ value: 0.89, qualifier: 'exact' }, 0.01, 0.8951)).toBe(false);
    expect(ratioAgrees({ value: 0.9524, qualifier: 'exact' }, 0.0001, 0.9526)).toBe(false);
    expect(ratioAgrees({ value: 0.8, qualifier: 'more_than' }, 0.01, 0.93)).toBe(true);
    expect(ratioAgrees({ value: 0.8, qualifier: 'more_than' }, 0.01, 0.7)).toBe(false);
  });
});

const qualifier = fc.constantFrom<Qualifier>('exact', 'about', 'more_than', 'nearly');

/** The stated ratio as it was made before StatedRatio: the stated figure's fields copied, `computed` worked out once. */
function copied(stated: Figure, step: number, numerator: Figure, denominator: Figure): Figure {
  const value = numerator.value / denominator.value;
  return {
    ...figureFields(stated),
    computed: {
      value,
      qualifier: quotientQualifier(numerator.qualifier, denominator.qualifier),
      observations: [...numerator.observations, ...denominator.observations],
      differencePoints: (stated.value - value) * 100,
      agrees: ratioAgrees(stated, step, value),
    },
  };
}

describe('StatedRatio', () => {
  it('shows what the copy of the stated figure with its computed value showed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.01, 0.001, 0.0001),
        qualifier,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        qualifier,
        qualifier,
        fc.boolean(),
        (share, step, statedQualifier, numeratorValue, denominatorValue, numeratorQualifier, denominatorQualifier, ofUnit) => {
          const unit = ofUnit ? 'hainan-police' : null;
          const stated = new ReportedFigure(observation({ id: 'tables/hainan/2020.csv:3:9', unit, metric: 'branches-advanced-share', value: share, step, qualifier: statedQualifier, time: 'stock' }));
          const numerator = new ReportedFigure(observation({ id: 'tables/hainan/2020.csv:3:7', unit, metric: 'branches-advanced', value: numeratorValue, qualifier: numeratorQualifier, time: 'stock' }));
          const denominator: Figure = { ...figureFields(new ReportedFigure(observation({ unit, metric: 'branches-total', time: 'stock' }))), value: denominatorValue, qualifier: denominatorQualifier, basis: 'sum_of_units', observations: ['a.csv:2', 'a.csv:3'], units: ['x', 'y'] };
          const ratio = new StatedRatio(stated, step, numerator, denominator);
          const before = copied(stated, step, numerator, denominator);
          expect(figureFields(ratio)).toEqual(before);
          expect(JSON.parse(JSON.stringify(ratio))).toEqual(JSON.parse(JSON.stringify(before)));
          expect(ratio.computed).toEqual(before.computed);
          // Asked without `computed`, as pages and checks ask it, the answer is the copy's.
          expect(partsDisagree(ratio)).toBe(partsDisagree(before));
          expect(partsDisagree(ratio)).toBe(!before.computed?.agrees);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is the stated figure in every field a spread would miss', () => {
    const stated = new ReportedFigure(observation({ metric: 'branches-advanced-share', value: 0.89, step: 0.01 }));
    const ratio = new StatedRatio(stated, 0.01, new ReportedFigure(observation({ value: 2387 })), new ReportedFigure(observation({ value: 2824 })));
    expect(ratio.basis).toBe('reported');
    expect(ratio.value).toBe(0.89);
    expect(ratio.observations).toEqual(['observations/hainan.csv:2']);
    expect(ratio.units).toBeUndefined();
    expect(ratio.computed.value).toBe(2387 / 2824);
    expect(ratio.computed.agrees).toBe(false);
  });

  it('is read through the row of the stated figure, as the stated figure is', () => {
    const row = observation({ metric: 'branches-advanced-share', value: 0.89, step: 0.01 });
    const ratio = new StatedRatio(new ReportedFigure(row), 0.01, new ReportedFigure(observation({ value: 2387 })), new ReportedFigure(observation({ value: 2824 })));
    expect(observationOf(ratio)).toBe(row);
  });

  it('is read through its row by another copy of the module, such as the page modules Astro bundles hold', async () => {
    // The query makes Vite load the module a second time, as a module of its own.
    const anotherCopy = '../../../src/lib/aggregate/reportedFigure.ts?another-copy';
    const copy = (await import(anotherCopy)) as typeof import('../../../src/lib/aggregate/reportedFigure.ts');
    expect(copy.observationOf).not.toBe(observationOf);
    const row = observation({ metric: 'branches-advanced-share', value: 0.89, step: 0.01 });
    const reported = new ReportedFigure(row);
    expect(copy.observationOf(reported)).toBe(row);
    expect(copy.observationOf(new StatedRatio(reported, 0.01, reported, reported))).toBe(row);
    expect(copy.observationOf(figureFields(reported))).toBeUndefined();
  });
});
