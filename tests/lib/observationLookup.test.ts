import { describe, expect, it } from 'vitest';
import { observationLookup } from '../../src/lib/observationLookup.ts';
import { observationId } from '../../src/lib/ingest/observations.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';
import { observation } from '../helpers/observation.ts';

function row(dataFile: string, line: number, column?: number): Observation {
  return observation({ id: observationId(dataFile, line, column), at: { file: `/data/${dataFile}`, dataFile, line, column: column ?? 5 }, value: line, written: String(line) });
}

describe('observationLookup', () => {
  const rows = [row('observations/hainan.csv', 2), row('observations/hainan.csv', 12), row('tables/hainan/2020.csv', 3, 2), row('tables/hainan/2020.csv', 3, 3), row('tables/hainan/2020.csv', 4, 2)];
  const lookup = observationLookup(rows);

  it('finds each row by its id: a line of an observation file, a cell of a unit return', () => {
    for (const o of rows) expect(lookup.get(o.id)).toBe(o);
    expect(lookup.get('tables/hainan/2020.csv:3:3')).toBe(rows[3]);
  });

  it('finds nothing for an id no row has, nor for one that is no id', () => {
    for (const id of ['observations/hainan.csv:3', 'tables/hainan/2020.csv:3:4', 'tables/hainan/2020.csv:3', 'observations/other.csv:2', 'observations/hainan.csv', '']) expect(lookup.get(id), id).toBeUndefined();
  });

  it('asks only the cells of the column an id names for their ids, and still finds a row whose value stands elsewhere', () => {
    const asked: string[] = [];
    const counted = (o: Observation): Observation => {
      const { id, ...fields } = o;
      return Object.defineProperty({ ...fields } as Observation, 'id', { get: () => (asked.push(id), id) });
    };
    const line = Array.from({ length: 80 }, (_, i) => counted(row('tables/hainan/2020.csv', 7, i + 2)));
    // Read in full with its value elsewhere than its id says: found by comparing ids, as before.
    const apart = counted(observation({ id: 'tables/hainan/2020.csv:8:4', at: { file: '/data/tables/hainan/2020.csv', dataFile: 'tables/hainan/2020.csv', line: 8, column: 1 } }));
    const lookup = observationLookup([...line, apart]);
    expect(lookup.get('tables/hainan/2020.csv:7:50')).toBe(line[48]);
    expect(asked).toEqual(['tables/hainan/2020.csv:7:50']);
    expect(lookup.get('tables/hainan/2020.csv:8:4')).toBe(apart);
  });
});
