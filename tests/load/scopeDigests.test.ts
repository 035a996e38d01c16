import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { metricRowsKey, scopeDigestsOf, scopeKey, unitRowsKey } from '../../src/load/scopeDigests.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';

let dataSet: DataSet;
beforeAll(async () => {
  dataSet = await fixtureDataSet();
});

describe('scopeDigestsOf', () => {
  it("gives one digest for each province, source and metric the rows fall in, and for each province's unit rows", () => {
    const digests = scopeDigestsOf(dataSet.observations);
    const expected = new Set(
      dataSet.observations.flatMap((o) => [scopeKey({ province: o.province }), scopeKey({ source: o.source }), metricRowsKey(o.metric), ...(o.unit === null ? [] : [unitRowsKey(o.province)])]),
    );
    expect([...expected].some((key) => key.startsWith('units:'))).toBe(true);
    expect([...expected].some((key) => key.startsWith('metric:'))).toBe(true);
    expect(Object.keys(digests).sort()).toEqual([...expected].sort());
    expect(Object.values(digests).every((d) => /^[0-9a-f]{64}$/u.test(d))).toBe(true);
  });

  it('changes the digests of a changed row’s province, source and metric only', () => {
    const before = scopeDigestsOf(dataSet.observations);
    const target = dataSet.observations.find((o) => o.province === 'jiangsu');
    const after = scopeDigestsOf(dataSet.observations.map((o) => (o === target ? { ...o, quote: `${o.quote}。` } : o)));
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    expect(changed.sort()).toEqual([scopeKey({ province: 'jiangsu' }), scopeKey({ source: target?.source as string }), metricRowsKey(target?.metric as string)].sort());
  });

  it("changes a province's unit rows' digest with a unit's row, not with its committee's", () => {
    const before = scopeDigestsOf(dataSet.observations);
    const changedBy = (target: (o: Observation) => boolean) => {
      const row = dataSet.observations.find(target) as Observation;
      const after = scopeDigestsOf(dataSet.observations.map((o) => (o === row ? { ...o, quote: `${o.quote}。` } : o)));
      return { row, changed: Object.keys(before).filter((key) => before[key] !== after[key]).sort() };
    };
    const unit = changedBy((o) => o.unit !== null);
    expect(unit.changed).toEqual([scopeKey({ province: unit.row.province }), scopeKey({ source: unit.row.source }), metricRowsKey(unit.row.metric), unitRowsKey(unit.row.province)].sort());
    const committee = changedBy((o) => o.unit === null && dataSet.observations.some((u) => u.unit !== null && u.province === o.province));
    expect(committee.changed).toEqual([scopeKey({ province: committee.row.province }), scopeKey({ source: committee.row.source }), metricRowsKey(committee.row.metric)].sort());
  });
});
