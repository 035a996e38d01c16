/**
 * Digests of the observations each page scope reads (a province's rows, the
 * rows quoting a source: src/lib/pages/published.ts), made per file as the
 * file is read and kept with its reading (src/build/incremental/readingCache.ts). A build
 * whose files did not change then hashes none of their rows again to tell its
 * pages unchanged (src/build/incremental/pageInputs.ts): over the national set's 833k rows
 * that hashing took 4 s of every build.
 */
import { createHash, type Hash } from 'node:crypto';
import type { PartScope } from '../lib/pages/published.ts';
import type { Observation } from '../lib/schema/observation.ts';

/** A file's path within the data folder, and a digest of it for each page scope its rows fall in. */
export interface FileDigest {
  dataFile: string;
  scopes: Record<string, string>;
}

/** What a load knows of the rows of the files it read. */
export interface ObservationDigests {
  /**
   * Every file read, in load order. An observation file by a digest of its rows for each scope they fall
   * in (scopeDigestsOf), made as it is read or kept with its reading in the cache; a unit-return table by
   * its bytes (tableDigest).
   */
  files: FileDigest[];
  /**
   * Rows of those files that the store did not keep, as an earlier row gave the same figure: which
   * of a file's rows a scope keeps depends on other files too, and the digests above cannot say.
   */
  dropped: Observation[];
}

/** The name a scope goes by in digests and fingerprints: a unit page's, that of its province's unit rows. */
export function scopeKey(scope: PartScope): string {
  if ('province' in scope) return `province:${scope.province}`;
  return 'unitsOf' in scope ? `units:${scope.unitsOf}` : `source:${scope.source}`;
}

/**
 * Every field of an observation that a page can show, in a line: half the time of JSON.stringify
 * over the national set's 927k rows. Left out are `at.file`, which holds the path the data folder
 * was given by (for messages), and `id`, a key that joins figures to their rows, made of the
 * row's path within the data folder and its line and column, which are here already.
 * Pages show a row by its path within the data folder (`at.dataFile`), so the same data read from
 * another folder makes the same pages and keeps its fingerprints. tests/cli/pageInputs.test.ts
 * changes every other field of the schema in turn, so a field added to Observation and not here
 * fails it. Text fields hold no control characters (the schema refuses them), so the separators
 * cannot occur inside a field.
 */
export function observationLine(o: Observation): string {
  const { at, period } = o;
  return `${at.dataFile}\u0001${at.line}\u0001${at.column}\u0001${o.province}\u0001${o.unit}\u0001${period.id}\u0001${period.start}\u0001${period.end}\u0001${period.years}\u0001${o.metric}\u0001${o.value}\u0001${o.step}\u0001${o.qualifier}\u0001${o.written}\u0001${o.measureWord}\u0001${o.source}\u0001${o.quote}\u0001${o.note}\u0001${o.rowId}\u0001${o.partOf}\u0001${o.scope}\u0001${o.time}\u0001${o.undated}\n`;
}

/** The scope of a province's unit rows (a unit page's: `scopeKey`). */
export const unitRowsKey = (province: string) => `units:${province}`;

/** The scope of a metric's rows, of every province and unit (a metric's pages read them: MetricsScope). */
export const metricRowsKey = (metric: string) => `metric:${metric}`;

/** Feeds each row to the hash of its province's scope, of its source's and of its metric's, and a unit's row to its province's unit rows, made as they are first needed. */
export function hashRowsByScope(observations: Iterable<Observation>, hashOf: (key: string) => Hash | undefined, prefix = ''): void {
  for (const observation of observations) {
    const row = prefix + observationLine(observation);
    hashOf(scopeKey({ province: observation.province }))?.update(row);
    hashOf(scopeKey({ source: observation.source }))?.update(row);
    hashOf(metricRowsKey(observation.metric))?.update(row);
    if (observation.unit !== null) hashOf(unitRowsKey(observation.province))?.update(row);
  }
}

/**
 * A unit return's digest: its bytes, for each scope its kept cells fall in. A table's cells are what
 * its bytes, the catalog and the code make of them, and a scope's fingerprint covers the catalog
 * (pageInputs.ts) as a page's hash covers the code; which of its cells the store keeps depends on
 * other files too, and the cells it did not keep are hashed with `dropped`. Hashing the million cells
 * row by row took 1.8 s of every build of the national set; the bytes are hashed as they are read.
 */
export function tableDigest(dataFile: string, bytesDigest: string, scopes: Iterable<string>): FileDigest {
  const digest = `bytes:${bytesDigest}`;
  return { dataFile, scopes: Object.fromEntries([...scopes].sort().map((key) => [key, digest])) };
}

/** A digest of one file's rows per scope they fall in, in file order. */
export function scopeDigestsOf(observations: readonly Observation[]): Record<string, string> {
  const hashes = new Map<string, Hash>();
  hashRowsByScope(observations, (key) => {
    let hash = hashes.get(key);
    if (!hash) hashes.set(key, (hash = createHash('sha256')));
    return hash;
  });
  return Object.fromEntries([...hashes].map(([key, hash]) => [key, hash.digest('hex')]));
}

/**
 * Feeds a load's digests to the hashes of their scopes: each file's digest of a scope, in load
 * order, and the rows the store dropped. A page's fingerprint (src/build/incremental/pageInputs.ts)
 * and a check group's key (`provincesDigest`) are made of these.
 */
export function hashDigestsByScope(digests: ObservationDigests, hashOf: (key: string) => Hash | undefined): void {
  for (const file of digests.files) for (const [key, digest] of Object.entries(file.scopes)) hashOf(key)?.update(`${file.dataFile}\u0001${key}\u0001${digest}\n`);
  hashRowsByScope(digests.dropped, hashOf, 'dropped\u0001');
}

/**
 * A digest of the rows of some provinces as a load has them: what a check of those provinces' rows
 * reads of the data files (src/lib/checks/groupChecks.ts), the catalog aside.
 */
export function provincesDigest(digests: ObservationDigests, provinces: readonly string[]): string {
  const hash = createHash('sha256');
  const wanted = new Set(provinces.map((province) => scopeKey({ province })));
  for (const key of wanted) hash.update(`${key}\n`);
  hashDigestsByScope(digests, (key) => (wanted.has(key) ? hash : undefined));
  return hash.digest('hex');
}
