import { describe, expect, it } from 'vitest';
import type { PlacedCandidate } from '../../../src/lib/extract/extract.ts';
import { contextAt, measureQuality, share } from '../../../src/lib/extract/quality.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';

const text = '立案37件，初核112件，2023年表彰先进基层党组织85个。';
const metrics = [
  { id: 'cases-filed', category: 'cases' },
  { id: 'preliminary-verifications', category: 'cases' },
  { id: 'honoured-organisations', category: 'honours' },
] as Metric[];

const row = (metric: string, written: string, quote: string) => ({ metric, written, quote }) as Observation;
const candidate = (metric: string, value: string): PlacedCandidate => ({ at: text.indexOf(value), candidate: { metric, value } as PlacedCandidate['candidate'] });

describe('contextAt', () => {
  it('is four characters before the number, the number and two after, white space ignored', () => {
    expect(contextAt(text, text.indexOf('112'), '112')).toBe('件，初核112件，');
    expect(contextAt('立 案 37 件 ，', 4, '37')).toBe('立案37件，');
  });
});

describe('measureQuality', () => {
  const rows = [row('cases-filed', '37', '立案37件'), row('preliminary-verifications', '112', '初核112件'), row('honoured-organisations', '85', '表彰先进基层党组织85个')];
  const real = [
    { number: '37', context: contextAt(text, text.indexOf('37'), '37') },
    { number: '112', context: contextAt(text, text.indexOf('112'), '112') },
    { number: '85', context: contextAt(text, text.indexOf('85'), '85') },
  ];

  it('counts a row recalled when a candidate stands at its place, and its metric right when it is the same', () => {
    const report = measureQuality(text, [candidate('cases-filed', '37'), candidate('cases-filed', '112')], rows, real, metrics);
    expect(report.recall).toEqual({ total: 3, hit: 2 });
    expect(report.metricRight).toEqual({ total: 2, hit: 1 });
    expect(report.recallByCategory).toEqual({ cases: { total: 2, hit: 2 }, honours: { total: 1, hit: 0 } });
    expect(report.missed).toEqual(['honoured-organisations 85 「表彰先进基层党组织85个」']);
    expect(report.wrong).toEqual(['preliminary-verifications proposed as cases-filed: 「初核112件」']);
  });

  it('counts a candidate precise only when it stands where a real figure stands', () => {
    const candidates = [candidate('cases-filed', '37'), { at: text.indexOf('2023'), candidate: { metric: '', value: '2023' } } as PlacedCandidate];
    const report = measureQuality(text, candidates, rows, real, metrics);
    expect(report.precision).toEqual({ total: 2, hit: 1 });
    expect(report.precisionByCategory).toEqual({ cases: { total: 1, hit: 1 }, none: { total: 1, hit: 0 } });
  });

  it('skips rows whose number the quote does not hold (a unit named in a list)', () => {
    const report = measureQuality(text, [], [row('honoured-organisations', '1', '表彰先进基层党组织')], real, metrics);
    expect(report.recall).toEqual({ total: 0, hit: 0 });
  });
});

describe('share', () => {
  it('is hits over total, and 1 for nothing to count', () => {
    expect(share({ total: 4, hit: 3 })).toBe(0.75);
    expect(share({ total: 0, hit: 0 })).toBe(1);
  });
});
