/**
 * Incremental builds. Every page hands its data to the build before it renders
 * (src/session.ts); the build hashes that data with the code that renders it.
 * A page whose hash is the one the manifest of the site being replaced records
 * for it (siteManifest.ts), and whose files are all still as that manifest has
 * them, is not rendered again: its frame renders nothing, and its HTML, its
 * Traditional edition and its tables are carried over: kept where they are in
 * the output folder, which stays untouched until the new site's files are
 * published into it (publishSite.ts: publishInPlace). Keeping rather than
 * reading and writing the HTML keeps ~260 MB of unchanged national pages out of
 * memory and off the disk. A page that names the part of the data set it reads (a unit page: its
 * province) is known unchanged when that part and the code are, before its data
 * is made (pageInputs.ts): its route then leaves it out, and Astro does not
 * render it at all. When it is made, that hash stands for its data's: such a
 * page is rendered again whenever what it reads changed, even where its own data
 * came out the same. The page list lives with the site, so a site built from
 * other data, by another cache folder, or edited by hand is never mistaken for
 * this one; the cache folder keeps only the searchable text of each page, under
 * the page's hash and sealed. Other files made from one province's rows alone
 * (the data package's parts) are kept the same way, as pages with no HTML.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PageScope, PublishedPage } from '../../lib/pages/published.ts';

/** Hands a page's data and tables on: to be hashed and written, or to be written. */
export type PagePublisher = (page: PublishedPage) => void;
import type { DataSet } from '../../lib/schema/dataSet.ts';
import type { ObservationDigests } from '../../load/scopeDigests.ts';
import { sitePaths } from '../../lib/site/paths.ts';
import { traditionalRoot } from '../../lib/site/navigation.ts';
import { codeVersion } from './codeVersion.ts';
import { scopeFingerprints } from './pageInputs.ts';
import { searchTextFolder, type SearchTexts } from './searchTextFolder.ts';
import { checkedStats, readManifest, unchangedRecord, siteStats, type PageRecord, type SealedManifest, type SiteCheck, type StatRecord } from './siteManifest.ts';

/** Page data as JSON for its hash; a Map, a Set or a function would hash as {} and hide a change, so they are refused. */
function pageJson(data: unknown): string {
  return JSON.stringify(data, (key, value: unknown) => {
    if (value instanceof Map || value instanceof Set || typeof value === 'function') throw new Error(`page data must be plain to be hashed: '${key}' is not`);
    return value;
  });
}

/** The files a page's tables and charts' tables are written to, and its charts' drawings. */
function tableFiles({ table, charts }: PublishedPage): string[] {
  return [sitePaths.pageCsv(table.id), sitePaths.pageJson(table.id), ...charts.flatMap((c) => [sitePaths.chartCsv(c.id), sitePaths.chartJson(c.id), sitePaths.chartSvg(c.id)])];
}

export interface PageReuse {
  /** Hashes each page as its data is ready; carries over its tables when it is unchanged, else writes them. */
  publish: PagePublisher;
  /** For a page that reads only part of the data set: true, and its tables carried over, when that part is unchanged. */
  unchangedScope(path: string, scope: PageScope): boolean;
  /** Whether a page was found unchanged: then the page renders nothing and carryOverPages keeps its previous HTML. */
  unchanged(path: string): boolean;
  /** Once the pages are written: keeps the previous HTML of every unchanged page (nothing of it was written), and gives their paths. */
  carryOverPages(): string[];
  /** Keeps the Traditional edition of an unchanged page from the previous site; false when the page changed. */
  carryOverTraditional(path: string): boolean;
  /** The searchable texts of an unchanged page, as the build that made it kept them; undefined: extract them from its HTML. */
  searchTexts(path: string): SearchTexts | undefined;
  /** Keeps the searchable texts of a page of this build for the next (written by `writeSearchTexts`). */
  keepSearchTexts(path: string, texts: SearchTexts): void;
  /**
   * Once every page and file of the build is recorded, before the site is put in place: keeps the search texts of
   * its pages for the next build, and no others. A failure to write them fails the build, its output untouched.
   */
  writeSearchTexts(): void;
  /** For a file other than a page made from only part of the data set: true, and the file kept from the previous site, when that part and the code are unchanged; false: the caller writes it. */
  carryOverScopedFile(path: string, scope: PageScope): boolean;
  /** Pages found unchanged. */
  reused(): number;
  /** Pages of the previous site not taken because a file of theirs was not as its manifest had it (edited by hand, say). */
  refused(): number;
  /** Kept search texts not taken (changed, cut short, of another shape): 1 or 0, as they are kept in one file. */
  rejectedTexts(): number;
  /** What every page of this build was made from, for the new site's manifest. */
  records(): Record<string, PageRecord>;
  /**
   * The files carried over from the previous site, with their hashes there, as checked against its manifest: they stay
   * where they are in the output folder, and publishing the new site fails when one has gone since.
   */
  carriedFiles(): ReadonlyMap<string, string>;
  /**
   * The previous site's files as its manifest has them (site path → SHA-256), each found intact by the check of the
   * site on its own thread; none when the site is checked here, file by file. A file of a changed page that comes out
   * as one of these is not written again (carryOverFile): see siteFileWriter.ts.
   */
  intactFiles(): Array<[string, string]>;
  /** Keeps a file of the previous site that intactFiles gave with the hash `sha256`; false (nothing kept) when it is not one of them. */
  carryOverFile(path: string, sha256: string): boolean;
  /** Once the new site is in place: keeps its files' stats. */
  save(published: SealedManifest): void;
}

export interface PageReuseOptions {
  /** The folder of kept search texts and stats (.zongshu-cache/pages); absent: every page is made, and only hashed for the new site's manifest. */
  cacheDir?: string | undefined;
  /** The site being replaced, read from. */
  previousSite: string;
  /** The data set being built: its site settings frame every page, and pages that read part of it are hashed by that part. */
  dataSet: DataSet;
  /** The load's digests of the observation files' rows, if it made them. */
  digests?: ObservationDigests | undefined;
  /** Writes a changed page's tables. */
  writeTables: PagePublisher;
  /**
   * The previous site's files checked against its manifest on a thread of its own
   * (src/build/threads/previousSiteThread.ts), taken while the manifest is the one checked. Absent: each file is
   * checked here, as it is asked for.
   */
  previousSiteCheck?: () => SiteCheck | undefined;
}

/** Where, in the folder pageReuse is given, the stats of the sites it built are kept (siteManifest.ts). */
export const siteStatsFolder = (cacheDir: string): string => join(cacheDir, 'sites');

export function pageReuse(options: PageReuseOptions): PageReuse {
  const kept = options.cacheDir === undefined ? undefined : searchTextFolder(join(options.cacheDir, 'texts'));
  const stats = options.cacheDir === undefined ? undefined : siteStats(siteStatsFolder(options.cacheDir), options.previousSite);
  const read = options.cacheDir === undefined ? undefined : readManifest(options.previousSite);
  const manifest = read?.manifest;
  const previous = new Map(Object.entries(manifest?.pages ?? {}));
  const previousFiles = manifest?.files ?? {};
  const given = options.previousSiteCheck;
  /** The files found changed by the check made on its own thread, asked for when a page is first looked at; undefined: checked here, file by file. */
  let checked: { changed: ReadonlySet<string>; check: SiteCheck } | undefined;
  let previousStats: ReadonlyMap<string, StatRecord> | undefined;
  /** The records of the files found unchanged here, file by file, as they were then. */
  const checkedHere = new Map<string, StatRecord>();
  /** Takes the check made on its own thread, once, when it is of this manifest; else reads the stats to check file by file. */
  const takeCheck = () => {
    if (!checked && !previousStats) {
      const check = given?.();
      if (check && check.seal === read?.seal) checked = { changed: new Set(check.changed), check };
      else previousStats = (read && stats?.read(read)) ?? new Map();
    }
  };
  const fileIntact = (file: string) => {
    takeCheck();
    if (checked) return previousFiles[file] !== undefined && !checked.changed.has(file);
    const record = unchangedRecord(options.previousSite, file, previousFiles[file], previousStats?.get(file));
    if (record) checkedHere.set(file, record);
    return record !== undefined;
  };
  const version = createHash('sha256').update(codeVersion()).update(pageJson(options.dataSet.site)).digest('hex');
  const fingerprint = scopeFingerprints(options.dataSet, options.digests);
  const records = new Map<string, PageRecord>();
  /** Inputs hashes of scoped pages whose data is being made this build. */
  const inputsOf = new Map<string, string>();
  /**
   * Pages of those whose data is hashed too, and kept when it came out as before: a metric's pages read the rows of the
   * metrics they show with it, and much that changes those leaves them as they were (a branch count of a year they give
   * nothing per 100 branches for; a ratio's part where the ratio is stated).
   */
  const dataHashed = new Set<string>();
  const unchanged = new Set<string>();
  const carried = new Map<string, string>();
  /** Pages refused, each once: a page that names what it reads is looked at up to three times (its route, its frame, its data). */
  const refused = new Set<string>();
  /** The files of a page (both editions and its tables) or of another file, each as the previous manifest has it. */
  const intact = (path: string, record: PageRecord) => {
    const files = path.endsWith('.html') ? [path, `${traditionalRoot}/${path}`, ...record.files] : [path, ...record.files];
    if (files.every(fileIntact)) return true;
    refused.add(path);
    return false;
  };
  const inputsHash = (path: string, scope: PageScope) => {
    const hash = createHash('sha256').update(version).update(path).update(fingerprint(scope));
    if ('beyond' in scope) hash.update(pageJson(scope.beyond));
    return hash.digest('hex');
  };
  // A file checked a moment ago is taken as there: one gone meanwhile fails the build when the site is published.
  const carryOver = (path: string) => {
    const hash = previousFiles[path];
    if (hash === undefined) return false;
    carried.set(path, hash);
    return true;
  };
  const keep = (path: string, record: PageRecord) => {
    for (const file of record.files) carryOver(file);
    records.set(path, record);
    unchanged.add(path);
  };
  return {
    publish(page) {
      const path = `${page.table.id}.html`;
      const inputs = inputsOf.get(path);
      // A page that names what it reads is made only when that changed, and the hash of that, with the code, is already
      // its hash: hashing its data too (a source page's thousands of rows) would cost as much again to say nothing new.
      const data = inputs !== undefined && !dataHashed.has(path) ? inputs : createHash('sha256').update(version).update(pageJson(page.data)).digest('hex');
      const record: PageRecord = { data, ...(inputs ? { inputs } : {}), files: tableFiles(page) };
      if (previous.get(path)?.data === data && intact(path, record)) {
        keep(path, record);
      } else {
        records.set(path, record);
        options.writeTables(page);
      }
    },
    unchangedScope(path, scope) {
      const inputs = inputsHash(path, scope);
      const held = previous.get(path);
      if (held?.inputs === inputs && intact(path, held)) {
        keep(path, held);
        return true;
      }
      inputsOf.set(path, inputs);
      if ('metrics' in scope) dataHashed.add(path);
      return false;
    },
    unchanged: (path) => unchanged.has(path),
    carryOverPages() {
      // Each was found intact, so the manifest has each.
      for (const path of unchanged) carryOver(path);
      return [...unchanged];
    },
    carryOverTraditional(path) {
      return unchanged.has(path) && carryOver(`${traditionalRoot}/${path}`);
    },
    searchTexts(path) {
      const hash = records.get(path)?.data;
      return hash !== undefined && unchanged.has(path) ? kept?.get(hash) : undefined;
    },
    keepSearchTexts(path, texts) {
      const hash = records.get(path)?.data;
      if (hash !== undefined) kept?.set(hash, texts);
    },
    writeSearchTexts() {
      kept?.write(new Set([...records.values()].map((r) => r.data)));
    },
    carryOverScopedFile(path, scope) {
      const inputs = inputsHash(path, scope);
      const record: PageRecord = { data: inputs, inputs, files: [] };
      records.set(path, record);
      return previous.get(path)?.inputs === inputs && intact(path, record) && carryOver(path);
    },
    reused: () => unchanged.size,
    refused: () => refused.size,
    rejectedTexts: () => kept?.rejected() ?? 0,
    records: () => Object.fromEntries(records),
    carriedFiles: () => carried,
    intactFiles() {
      takeCheck();
      const { changed } = checked ?? {};
      return changed ? Object.entries(previousFiles).filter(([path]) => !changed.has(path)) : [];
    },
    carryOverFile(path, sha256) {
      takeCheck();
      return checked !== undefined && !checked.changed.has(path) && previousFiles[path] === sha256 && carryOver(path);
    },
    save(published) {
      // A file kept where it was is recorded with the stat it had when it was found unchanged, not one taken now: a file
      // changed since (by hand, while the build ran) then has another stat than its record, and the next build reads it
      // again rather than take it for the content it had. The files written are stat'ed now. (And 24,000 stats fewer of
      // 27,000 in a national rebuild.)
      const taken = checked && manifest ? checkedStats(manifest, checked.check) : checkedHere;
      for (const path of taken.keys()) if (!carried.has(path)) taken.delete(path);
      stats?.write(published, taken);
    },
  };
}
