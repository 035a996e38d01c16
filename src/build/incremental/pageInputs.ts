/**
 * What a page reads of the data set, hashed, for pages that read less than
 * all of it. A unit page reads its province's unit rows, the committee rows
 * behind the figures it shows beside them, and the catalog; a source page the
 * rows quoting its source; when those did not change since the last build,
 * neither did the page, and its data need not even be made
 * (src/build/incremental/pageReuse.ts). A review reads its province's rows and narratives, a page
 * comparing two provinces the rows of both, a metric's pages the rows of that metric (and of the
 * metrics its figures are computed or normalised with) in every province.
 * Making the data of the 2,480 unit, 310 review and 310 source pages of the
 * national set just to hash it costs more than this; the 304 pages of metrics took 0.8 s of every
 * build, where one province's figures change few metrics.
 */
import { createHash } from 'node:crypto';
import type { PageScope, PartScope } from '../../lib/pages/published.ts';
import type { DataSet } from '../../lib/schema/dataSet.ts';
import type { Narrative } from '../../lib/schema/narrative.ts';
import { entryOf, groupBy } from '../../lib/maps.ts';
import { hashDigestsByScope, metricRowsKey, observationLine, scopeDigestsOf, scopeKey, unitRowsKey, type ObservationDigests } from '../../load/scopeDigests.ts';
import type { Observation } from '../../lib/schema/observation.ts';

export type ScopeFingerprint = (scope: PageScope) => string;

/** A province's rows, its narratives aside. */
const rowsKey = (province: string) => `rows:${province}`;

/** A narrative as a page can show it: all but `file`, the path the content folder was given by, which no page shows. */
function narrativeLine(narrative: Narrative): string {
  return `${JSON.stringify({ ...narrative, file: undefined })}\n`;
}

/**
 * A fingerprint per province, per province's unit rows, per source and per metric: the catalog (provinces,
 * units, metrics, sources) and every observation of the province, of its units, quoting the
 * source or of the metric, where it stands included, since pages link to rows by file and line; a province's also
 * every narrative of the province. A unit page's adds the committee rows it reads. Figures
 * are derived from these by the code, which the page hash covers. A load's files stand in by their
 * digests (`digests`: src/load/scopeDigests.ts), with the rows the store dropped; a data set that
 * no load digested has its rows digested here the same way, file by file.
 */
export function scopeFingerprints(dataSet: DataSet, digests?: ObservationDigests): ScopeFingerprint {
  let made: Map<string, string> | undefined;
  const fingerprints = (): Map<string, string> => {
    if (made) return made;
    // The catalog's digest, not the catalog, begins every scope's hash: the national catalog is 0.5 MB, and hashed into each of its 341 scopes it took 0.3 s.
    const catalog = createHash('sha256').update(JSON.stringify([dataSet.provinces, dataSet.units, dataSet.metrics, dataSet.sources])).digest('hex');
    const scopes = [
      ...dataSet.provinces.flatMap((p) => [scopeKey({ province: p.id }), unitRowsKey(p.id)]),
      ...dataSet.sources.map((s) => scopeKey({ source: s.id })),
      ...dataSet.metrics.map((m) => metricRowsKey(m.id)),
    ];
    const hashes = new Map(scopes.map((key) => [key, createHash('sha256').update(catalog)]));
    const hashOf = (key: string) => hashes.get(key);
    const files = (): ObservationDigests => ({ files: [...groupBy(dataSet.observations, (o) => o.at.dataFile)].map(([dataFile, rows]) => ({ dataFile, scopes: scopeDigestsOf(rows) })), dropped: [] });
    hashDigestsByScope(digests ?? files(), hashOf);
    // A province's rows without its narratives, for pages that show no narrative (`provinces`).
    const rowsOnly = dataSet.provinces.map((p) => [rowsKey(p.id), hashOf(scopeKey({ province: p.id }))?.copy().digest('hex') ?? ''] as const);
    for (const narrative of dataSet.narratives) hashOf(scopeKey({ province: narrative.province }))?.update(narrativeLine(narrative));
    made = new Map([...[...hashes].map(([key, hash]) => [key, hash.digest('hex')] as const), ...rowsOnly]);
    return made;
  };
  // The committee rows a province's unit pages read, hashed once for all of them: each page is handed the same list.
  const committeeDigests = new WeakMap<readonly Observation[], string>();
  const committeeDigest = (rows: readonly Observation[]) =>
    entryOf(committeeDigests, rows, () => {
      const hash = createHash('sha256');
      for (const row of rows) hash.update(observationLine(row));
      return hash.digest('hex');
    });
  /** The fingerprint of a scope's key; `named`: the scope a page asked for, said when the data set does not know it. */
  const fingerprintOf = (key: string, named = key) => {
    const fingerprint = fingerprints().get(key);
    if (fingerprint === undefined) throw new Error(`no ${named.replace(':', " '")}' to scope a page to`);
    return fingerprint;
  };
  const partFingerprint = (scope: PartScope) => {
    const fingerprint = fingerprintOf(scopeKey(scope));
    return 'unitsOf' in scope ? `${fingerprint}\u0001${committeeDigest(scope.committeeRows)}` : fingerprint;
  };
  const rowsFingerprint = (province: string) => fingerprintOf(rowsKey(province), scopeKey({ province }));
  return (scope) => {
    if ('provinces' in scope) return scope.provinces.map(rowsFingerprint).join('\u0002');
    if ('metrics' in scope) return scope.metrics.map((metric) => fingerprintOf(metricRowsKey(metric))).join('\u0002');
    return partFingerprint(scope);
  };
}
