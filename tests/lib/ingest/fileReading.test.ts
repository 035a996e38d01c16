import { describe, expect, it } from 'vitest';
import { decodeReading, encodeReading, type FileReading } from '../../../src/lib/ingest/fileReading.ts';
import { readObservation } from '../../../src/lib/ingest/observations.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { files, observationHeader, record, testCatalog } from '../../helpers/tables.ts';

const catalog = testCatalog();
const file = '../elsewhere/data/observations/x.csv';
const dataFile = 'observations/x.csv';

/** A reading of rows as loadDataSet makes one: every observation, and each problem after the observations before it. */
function readingOf(rows: string[]): FileReading {
  const reading: FileReading = { rows: rows.length, observations: [], problems: [] };
  rows.forEach((row, index) => {
    const problems: Problem[] = [];
    const observation = readObservation({ ...record(file, observationHeader, row, index + 2), dataFile }, catalog, files, problems);
    for (const problem of problems) reading.problems.push({ after: reading.observations.length, problem });
    if (observation) reading.observations.push(observation);
  });
  return reading;
}

describe('encodeReading and decodeReading', () => {
  const reading = readingOf([
    '海南,省高院,2020,立案,78,,hainan-2020,立案78件,',
    'hainan,,2020,training-attendance,1800余,,hainan-2020,培训1800余人次,据年报',
    'hainan,,2020,training-attendance,近4000,more_than,hainan-2020,近4000,',
    'hainan,,2019-2020,cases-filed,3万余,,hainan-2020,立案3万余件,',
    'nowhere,,2020,cases-filed,1,,hainan-2020,1,',
  ]);

  it('reads back exactly what was read: every field, null and approximate values, and problems in place', () => {
    expect(reading.observations.length).toBeGreaterThanOrEqual(2);
    expect(reading.problems.length).toBeGreaterThanOrEqual(2);
    expect(reading.observations.some((o) => o.unit === null) && reading.observations.some((o) => o.unit !== null)).toBe(true);
    expect(decodeReading(encodeReading(reading), file, dataFile)).toEqual(reading);
  });

  it('reads back the digests of its rows by page scope, when the reading has them', () => {
    const digested: FileReading = { ...reading, scopes: { 'province:hainan': 'ab12', 'source:hainan-2020': 'cd34' } };
    expect(decodeReading(encodeReading(digested), file, dataFile)).toEqual(digested);
    expect(decodeReading(encodeReading(reading), file, dataFile)).not.toHaveProperty('scopes');
  });

  it('shares one period object per period, as loading does', () => {
    const decoded = decodeReading(encodeReading(reading), file, dataFile) as FileReading;
    const byId = new Map<string, Observation['period']>();
    for (const o of [...reading.observations, ...decoded.observations]) {
      expect(o.period).toBe(byId.get(o.period.id) ?? o.period);
      byId.set(o.period.id, o.period);
    }
  });

  it('names the rows by the file as given now (for messages), and by their place in the data folder (their id and pages)', () => {
    const decoded = decodeReading(encodeReading(reading), 'moved/x.csv', 'observations/x.csv') as FileReading;
    expect(decoded.observations[0]).toMatchObject({ id: 'observations/x.csv:2', at: { file: 'moved/x.csv', dataFile: 'observations/x.csv', line: 2, column: 5 } });
  });

  it('refuses text that is not a reading of this format', () => {
    const text = encodeReading(reading);
    expect(decodeReading(text.slice(0, -10), file, dataFile)).toBeUndefined();
    expect(text).toContain('"format":3');
    expect(decodeReading(text.replace('"format":3', '"format":2'), file, dataFile)).toBeUndefined();
    expect(decodeReading('null', file, dataFile)).toBeUndefined();
  });
});
