/**
 * What a page reads of the data set, hashed, for pages that read less than
 * all of it. A unit page reads its province's rows and the catalog, a source
 * page the rows quoting its source; when those did not change since the last
 * build, neither did the page, and its data need not even be made
 * (src/cli/pageReuse.ts). A review reads its province's rows and narratives.
 * Making the data of the 2,480 unit, 310 review and 310 source pages of the
 * national set just to hash it costs more than this.
 */
import { createHash } from 'node:crypto';
import type { PageScope } from '../lib/pages/published.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { Narrative } from '../lib/schema/narrative.ts';
import type { Observation } from '../lib/schema/observation.ts';

export type ScopeFingerprint = (scope: PageScope) => string;

/**
 * Every field of an observation that a page can show, in a line: half the time of JSON.stringify
 * over the national set's 927k rows. Left out are the two that hold the path the data folder was
 * given by: `at.file` (for messages) and `id` (file:line, a key that joins figures to their rows).
 * Pages show a row by its path within the data folder (`at.dataFile`), so the same data read from
 * another folder makes the same pages and keeps its fingerprints. tests/cli/pageInputs.test.ts
 * changes every other field of the schema in turn, so a field added to Observation and not here
 * fails it. Text fields hold no control characters (the schema refuses them), so the separators
 * cannot occur inside a field.
 */
function observationLine(o: Observation): string {
  const { at, period } = o;
  return `${at.dataFile}\u0001${at.line}\u0001${at.column}\u0001${o.province}\u0001${o.unit}\u0001${period.id}\u0001${period.start}\u0001${period.end}\u0001${period.years}\u0001${o.metric}\u0001${o.value}\u0001${o.step}\u0001${o.qualifier}\u0001${o.written}\u0001${o.measureWord}\u0001${o.source}\u0001${o.quote}\u0001${o.note}\n`;
}

/** A narrative as a page can show it: all but `file`, the path the content folder was given by, which no page shows. */
function narrativeLine(narrative: Narrative): string {
  return `${JSON.stringify({ ...narrative, file: undefined })}\n`;
}

/**
 * A fingerprint per province and per source: the catalog (provinces, units, metrics, sources)
 * and every observation of the province or quoting the source, where it stands included, since
 * pages link to rows by file and line; a province's also every narrative of the province. Figures are derived from these by the code, which the
 * page hash covers.
 */
export function scopeFingerprints(dataSet: DataSet): ScopeFingerprint {
  let made: Map<string, string> | undefined;
  const keyOf = (scope: PageScope) => ('province' in scope ? `province:${scope.province}` : `source:${scope.source}`);
  const fingerprints = (): Map<string, string> => {
    if (made) return made;
    const catalog = JSON.stringify([dataSet.provinces, dataSet.units, dataSet.metrics, dataSet.sources]);
    const scopes = [...dataSet.provinces.map((p) => keyOf({ province: p.id })), ...dataSet.sources.map((s) => keyOf({ source: s.id }))];
    const hashes = new Map(scopes.map((key) => [key, createHash('sha256').update(catalog)]));
    for (const observation of dataSet.observations) {
      const row = observationLine(observation);
      hashes.get(keyOf({ province: observation.province }))?.update(row);
      hashes.get(keyOf({ source: observation.source }))?.update(row);
    }
    for (const narrative of dataSet.narratives) hashes.get(keyOf({ province: narrative.province }))?.update(narrativeLine(narrative));
    made = new Map([...hashes].map(([key, hash]) => [key, hash.digest('hex')]));
    return made;
  };
  return (scope) => {
    const fingerprint = fingerprints().get(keyOf(scope));
    if (fingerprint === undefined) throw new Error(`no ${keyOf(scope).replace(':', " '")}' to scope a page to`);
    return fingerprint;
  };
}
