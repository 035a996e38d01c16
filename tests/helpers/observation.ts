/** An observation as loading gives one, for tests: a committee figure of Hainan for 2020 unless `overrides` say otherwise. */
import { period } from '../../src/lib/period.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';

export function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    id: 'observations/hainan.csv:2',
    at: { file: 'data/observations/hainan.csv', dataFile: 'observations/hainan.csv', line: 2, column: 5 },
    province: 'hainan',
    unit: null,
    period: period('2020'),
    metric: 'cases-filed',
    value: 1,
    step: 1,
    qualifier: 'exact',
    written: '1',
    measureWord: null,
    source: 'hainan-2020',
    quote: 'q',
    note: '',
    rowId: null,
    partOf: null,
    scope: '',
    time: 'flow',
    undated: false,
    ...overrides,
  };
}
