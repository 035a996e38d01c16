import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithData } from '../../../src/lib/extract/compare.ts';
import { extractCandidates } from '../../../src/lib/extract/extract.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';
import { bundledMetrics } from '../../helpers/bundledMetrics.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';

// The fixture's rows, with the product's dictionary for the names in the text.
let dataSet: DataSet;
let metrics: Metric[];
beforeAll(async () => {
  dataSet = await fixtureDataSet();
  metrics = await bundledMetrics();
});

describe('compareWithData', () => {
  it("says which candidates match the data's committee rows, which disagree and which are new", () => {
    // The fixture has hainan 2020: 2824 branches, 2387 compliant, 1800余 trained.
    const text = '共有2387个党支部达标，占全部在职党支部2824个的89%。培训1900人次。表彰优秀共产党员312名。';
    const candidates = extractCandidates(text, { province: 'hainan', period: '2020', source: 'hainan-2020', metrics });
    const compared = compareWithData(candidates, dataSet.observations, dataSet.metrics);
    const status = Object.fromEntries(compared.map((c) => [c.candidate.value, c.status]));
    expect(status).toEqual({ '2387': 'matches', '2824': 'matches', '89%': 'matches', '1900': 'disagrees', '312': 'new' });
    expect(compared.find((c) => c.candidate.value === '1900')?.existing?.written).toBe('1800余');
  });

  it('counts a different qualifier as a disagreement: 1800 is not 1800余', () => {
    const candidates = extractCandidates('培训1800人次。', { province: 'hainan', period: '2020', source: 'hainan-2020', metrics });
    expect(compareWithData(candidates, dataSet.observations, dataSet.metrics).map((c) => c.status)).toEqual(['disagrees']);
  });

  it('does not set a candidate against a unit row of the same figure', () => {
    // 省高院立案5件 is a unit row; the committee has no cases-filed row for hainan 2020.
    const candidates = extractCandidates('立案5件。', { province: 'hainan', period: '2020', source: 'hainan-2020', metrics });
    expect(compareWithData(candidates, dataSet.observations, dataSet.metrics).map((c) => c.status)).toEqual(['new']);
  });
});
