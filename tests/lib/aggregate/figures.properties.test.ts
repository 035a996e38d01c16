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

describe('aggregateFigures: sums of units, for any mix of committees and units', () => {
  const provinces = ['hainan', 'qinghai'];
  const periods = [period('2020'), period('2021'), period('2019-2020')];
  // A flow, a stock and a ratio, which is never summed.
  const summable = ['training-attendance', 'branches-total', 'branch-compliance-rate'];
  const row = fc.record({
    province: fc.constantFrom(...provinces),
    unit: fc.constantFrom(null, ...units),
    period: fc.constantFrom(...periods),
    metric: fc.constantFrom(...summable),
    value: fc.integer({ min: 0, max: 10_000 }),
    // Another scope than the committee's usual one, which is filed beside the usual figure and never summed.
    scope: fc.constantFrom('', '', '', '含直属单位'),
  });
  const rows = fc.uniqueArray(row, { selector: (r) => `${r.province}|${r.unit}|${r.period.id}|${r.metric}|${r.scope}`, maxLength: 60 });

  it('sums the usual figures of the units of each committee, period and metric whose total was not reported, and nothing else', () => {
    fc.assert(
      fc.property(rows, (given) => {
        const observations = given.map((r, i): Observation => ({
          id: `f.csv:${i + 2}`, at: { file: 'f.csv', dataFile: 'f.csv', line: i + 2, column: 5 }, province: r.province, unit: r.unit, period: r.period, metric: r.metric,
          value: r.metric === 'branch-compliance-rate' ? r.value / 10_000 : r.value, step: 1, qualifier: 'exact', written: String(r.value), measureWord: null, source: `${r.province}-2020`,
          quote: 'q', note: '', rowId: null, partOf: null, scope: r.scope, time: r.metric === 'training-attendance' ? 'flow' : 'stock', undated: false,
        }));
        // What should be summed, found the plain way: the usual unit rows by committee, period and metric.
        const expected = new Map<string, Observation[]>();
        for (const o of observations) {
          if (o.unit === null || o.scope !== '' || o.metric === 'branch-compliance-rate') continue;
          if (observations.some((c) => c.unit === null && c.scope === '' && c.province === o.province && c.period === o.period && c.metric === o.metric)) continue;
          const key = `${o.province}|${o.period.id}|${o.metric}`;
          expected.set(key, [...(expected.get(key) ?? []), o]);
        }
        const sums = aggregateFigures(observations, metrics).filter((f) => f.basis === 'sum_of_units');
        expect(sums.map((f) => `${f.province}|${f.period.id}|${f.metric}`).sort()).toEqual([...expected.keys()].sort());
        for (const f of sums) {
          const parts = (expected.get(`${f.province}|${f.period.id}|${f.metric}`) ?? []).sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? ''));
          expect(f.unit).toBeNull();
          expect(f.units).toEqual(parts.map((o) => o.unit));
          expect(f.observations).toEqual(parts.map((o) => o.id));
          expect(f.value).toBe(parts.reduce((s, o) => s + o.value, 0));
        }
      }),
      { numRuns: 300 },
    );
  });
});
