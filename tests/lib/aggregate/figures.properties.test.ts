/** Properties of the aggregator, over many generated data sets (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateFigures } from '../../../src/lib/aggregate/figures.ts';
import { period } from '../../../src/lib/period.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import { testCatalog } from '../../helpers/tables.ts';

const { metrics } = testCatalog();
const y2020 = period('2020');
const units = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];

function observation(unit: string, metric: string, value: number, qualifier: Observation['qualifier'], line: number): Observation {
  return {
    id: `f.csv:${line}`, at: { file: 'f.csv', dataFile: 'f.csv', line, column: 5 }, province: 'hainan', unit, period: y2020, metric,
    value, step: 1, qualifier, written: String(value), measureWord: null, source: 'hainan-2020', quote: 'q', note: '',
    rowId: null, partOf: null, scope: '', time: metric === 'training-attendance' ? 'flow' : 'stock', undated: false,
  };
}

const unitRows = fc.uniqueArray(
  fc.record({
    unit: fc.constantFrom(...units),
    value: fc.integer({ min: 0, max: 100_000 }),
    qualifier: fc.constantFrom('exact', 'more_than', 'nearly', 'about' as const),
  }),
  { selector: (r) => r.unit, minLength: 1 },
);

describe('aggregateFigures, for any data set', () => {
  it('gives the same totals whatever the order of the rows', () => {
    fc.assert(
      fc.property(unitRows, fc.infiniteStream(fc.nat()), (rows, randomness) => {
        const observations = rows.map((r, i) => observation(r.unit, 'training-attendance', r.value, r.qualifier, i + 2));
        const shuffled = [...observations].sort(() => (randomness.next().value % 3) - 1);
        const total = (list: Observation[]) => aggregateFigures(list, metrics).find((f) => f.unit === null);
        const a = total(observations);
        const b = total(shuffled);
        expect(b?.value).toBe(a?.value);
        expect(b?.qualifier).toBe(a?.qualifier);
        expect(new Set(b?.observations)).toEqual(new Set(a?.observations));
        expect(a?.value).toBe(rows.reduce((s, r) => s + r.value, 0));
      }),
    );
  });

  it('computes a committee ratio as the sum of numerators over the sum of denominators', () => {
    const pairs = fc.uniqueArray(
      fc.record({ unit: fc.constantFrom(...units), total: fc.integer({ min: 1, max: 5000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { selector: (r) => r.unit, minLength: 1 },
    );
    fc.assert(
      fc.property(pairs, (rows) => {
        let line = 2;
        const observations = rows.flatMap((r) => [
          observation(r.unit, 'branches-compliant', Math.floor(r.total * r.share), 'exact', line++),
          observation(r.unit, 'branches-total', r.total, 'exact', line++),
        ]);
        const rate = aggregateFigures(observations, metrics).find((f) => f.unit === null && f.metric === 'branch-compliance-rate');
        const numerators = rows.reduce((s, r) => s + Math.floor(r.total * r.share), 0);
        const denominators = rows.reduce((s, r) => s + r.total, 0);
        expect(rate?.value).toBe(numerators / denominators);
      }),
    );
  });
});
