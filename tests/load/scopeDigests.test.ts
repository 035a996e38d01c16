import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { scopeDigestsOf, scopeKey } from '../../src/load/scopeDigests.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';

let dataSet: DataSet;
beforeAll(async () => {
  dataSet = await fixtureDataSet();
});

describe('scopeDigestsOf', () => {
  it('gives one digest for each province and each source the rows fall in', () => {
    const digests = scopeDigestsOf(dataSet.observations);
    const expected = new Set(dataSet.observations.flatMap((o) => [scopeKey({ province: o.province }), scopeKey({ source: o.source })]));
    expect(Object.keys(digests).sort()).toEqual([...expected].sort());
    expect(Object.values(digests).every((d) => /^[0-9a-f]{64}$/u.test(d))).toBe(true);
  });

  it('changes the digests of a changed row’s province and source only', () => {
    const before = scopeDigestsOf(dataSet.observations);
    const target = dataSet.observations.find((o) => o.province === 'jiangsu');
    const after = scopeDigestsOf(dataSet.observations.map((o) => (o === target ? { ...o, quote: `${o.quote}。` } : o)));
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    expect(changed.sort()).toEqual([scopeKey({ province: 'jiangsu' }), scopeKey({ source: target?.source as string })].sort());
  });
});
