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

/** The lookup, its index made at the first lookup: a build whose figures all hold their rows never makes it. */
export function observationLookup(observations: readonly Observation[]): ObservationLookup {
  let byFile: Map<string, Map<number, Observation[]>> | undefined;
  return {
    get(id) {
      if (!byFile) {
        byFile = new Map();
        for (const o of observations) {
          const { dataFile, line } = o.at;
          entryOf(entryOf(byFile, dataFile, () => new Map<number, Observation[]>()), line, () => []).push(o);
        }
      }
      const place = /:(\d+)(?::\d+)?$/u.exec(id);
      if (!place) return undefined;
      return byFile.get(id.slice(0, place.index))?.get(Number(place[1]))?.find((o) => o.id === id);
    },
  };
}
