/**
 * Observations by id, for the figures whose rows are named by id (sums of units, ratios of
 * parts; a reported figure holds its row: src/lib/aggregate/reportedFigure.ts). An id is
 * `file:line`, or `file:line:column` for a cell of a unit return, the file named within the data
 * folder (src/lib/ingest/observations.ts). So the observations are indexed by that file and line:
 * a file's name is one string shared by all its rows and hashed once, a line a small integer, and
 * a line of a unit return holds some eighty cells. A map keyed by the national set's million ids
 * took 0.9 s to build, hashing each id, and 35 MB; this one takes 37,000 lines.
 */
import { entryOf } from './maps.ts';
import type { Observation } from './schema/observation.ts';

export interface ObservationLookup {
  get(id: string): Observation | undefined;
}

/** The observations of one line of a file, with the column of each one's value. */
interface LineEntries {
  observations: Observation[];
  columns: number[];
}

/**
 * The lookup, its index made at the first lookup: a build whose figures all hold their rows never makes it.
 * A unit-return cell makes its id when asked (src/lib/ingest/tableCell.ts), so a line's eighty cells are
 * not asked theirs in turn: an id that names a column is looked for first among the cells whose value
 * stands in that column, and its id compared there. Where none of those has it, every observation of
 * the line is asked, so what is found is always what comparing every id would find.
 */
export function observationLookup(observations: readonly Observation[]): ObservationLookup {
  let byFile: Map<string, Map<number, LineEntries>> | undefined;
  return {
    get(id) {
      if (!byFile) {
        byFile = new Map();
        for (const o of observations) {
          const { dataFile, line, column } = o.at;
          const entries = entryOf(entryOf(byFile, dataFile, () => new Map<number, LineEntries>()), line, () => ({ observations: [], columns: [] }));
          entries.observations.push(o);
          entries.columns.push(column);
        }
      }
      const place = /:(\d+)(?::(\d+))?$/u.exec(id);
      if (!place) return undefined;
      const entries = byFile.get(id.slice(0, place.index))?.get(Number(place[1]));
      if (!entries) return undefined;
      if (place[2] !== undefined) {
        const column = Number(place[2]);
        for (let i = 0; i < entries.columns.length; i++) {
          const o = entries.observations[i] as Observation;
          if (entries.columns[i] === column && o.id === id) return o;
        }
      }
      return entries.observations.find((o) => o.id === id);
    },
  };
}
