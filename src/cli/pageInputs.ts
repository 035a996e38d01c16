/**
 * What a page reads of the data set, hashed, for pages that read less than
 * all of it. A unit page reads its province's rows and the catalog; when
 * neither changed since the last build, neither did the page, and its data
 * need not even be made (src/cli/pageReuse.ts). Making the data of the 2,480
 * unit pages of the national set just to hash it costs more than this.
 */
import { createHash } from 'node:crypto';
import type { PageScope } from '../lib/pages/published.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';

export type ScopeFingerprint = (scope: PageScope) => string;

/**
 * A fingerprint per province: the catalog (provinces, units, metrics, sources) and every
 * observation of the province, where it stands included, since pages link to rows by file
 * and line. Figures are derived from these by the code, which the page hash covers.
 */
export function scopeFingerprints(dataSet: DataSet): ScopeFingerprint {
  let byProvince: Map<string, string> | undefined;
  const fingerprints = (): Map<string, string> => {
    if (byProvince) return byProvince;
    const catalog = JSON.stringify([dataSet.provinces, dataSet.units, dataSet.metrics, dataSet.sources]);
    const hashes = new Map(dataSet.provinces.map((p) => [p.id, createHash('sha256').update(catalog)]));
    for (const observation of dataSet.observations) hashes.get(observation.province)?.update(JSON.stringify(observation));
    byProvince = new Map([...hashes].map(([province, hash]) => [province, hash.digest('hex')]));
    return byProvince;
  };
  return (scope) => {
    const fingerprint = fingerprints().get(scope.province);
    if (fingerprint === undefined) throw new Error(`no province '${scope.province}' to scope a page to`);
    return fingerprint;
  };
}
