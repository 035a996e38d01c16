/**
 * Incremental builds. Every page hands its data to the build before it renders
 * (src/lib/pages/published.ts); the build hashes that data with the code that
 * renders it. A page whose hash is the one it had in the previous build is not
 * rendered again: its frame renders nothing, and its HTML, its Traditional
 * edition and its tables are hard-linked from the previous site, which stays
 * untouched until the new one is swapped in. Linking rather than reading and
 * writing the HTML keeps ~260 MB of unchanged national pages out of memory.
 * A page that names the part of the data set it reads (a unit page: its
 * province) is known unchanged when that part and the code are, before its
 * data is made (src/cli/pageInputs.ts): its route then leaves it out, and Astro
 * does not render it at all (stillToMake). When it is made, that hash stands
 * for its data's: such a page is rendered again whenever what it reads
 * changed, even where its own data came out the same. The hashes of the last build are kept
 * in the cache folder (pages/), with the searchable text of each page for the
 * search index, so deleting that folder, or the site, only makes the next
 * build a full one. Other files made from one province's rows alone (the data
 * package's parts) are kept the same way, as pages with no HTML.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PagePublisher, PageScope, PublishedPage, UnchangedScope } from '../lib/pages/published.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { ObservationDigests } from '../load/scopeDigests.ts';
import { sitePaths } from '../lib/site/paths.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { codeVersion } from './codeVersion.ts';
import { scopeFingerprints } from './pageInputs.ts';
import { searchTextFolder, type SearchTexts } from './searchTextFolder.ts';

/** Page data as JSON for its hash; a Map, a Set or a function would hash as {} and hide a change, so they are refused. */
function pageJson(data: unknown): string {
  return JSON.stringify(data, (key, value: unknown) => {
    if (value instanceof Map || value instanceof Set || typeof value === 'function') throw new Error(`page data must be plain to be hashed: '${key}' is not`);
    return value;
  });
}

/** The files a page's tables and charts' tables are written to. */
function tableFiles({ table, charts }: PublishedPage): string[] {
  return [sitePaths.pageCsv(table.id), sitePaths.pageJson(table.id), ...charts.flatMap((c) => [sitePaths.chartCsv(c.id), sitePaths.chartJson(c.id)])];
}

/**
 * Takes files of the previous site into the new one without copying their bytes, over anything
 * written there; false when one is not there. An incremental national build carries ~25k files:
 * one link each, with a folder made once and a file replaced only where there was one, rather
 * than four calls to the file system per file.
 */
function carrier(previousSite: string, siteDir: string): (path: string) => boolean {
  const folders = new Set<string>();
  return (path) => {
    const from = join(previousSite, path);
    const to = join(siteDir, path);
    const folder = dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      if (code !== 'EEXIST') throw error;
      rmSync(to);
      linkSync(from, to);
    }
    return true;
  };
}

/** What the cache keeps of a page of the last build. */
interface PageRecord {
  /** Hash of the code and the page's data; for a page that names what it reads, its `inputs`. Its search texts are kept under it. */
  data: string;
  /** Hash of the code and the part of the data set the page reads, for a page that names it. */
  inputs?: string;
  /** The page's table files. */
  files: string[];
}

/** The pages of the last build; none when the manifest is missing or not whole JSON: a broken cache file is as good as a deleted one, and the build is a full one. */
function previousRecords(manifest: string): Map<string, PageRecord> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, PageRecord>));
  } catch {
    return new Map();
  }
}

export interface PageReuse {
  /** Hashes each page as its data is ready; carries over its tables when it is unchanged, else writes them. */
  publish: PagePublisher;
  /** For a page that reads only part of the data set: true, and its tables carried over, when that part is unchanged. */
  unchangedScope: UnchangedScope;
  /** Whether a page was found unchanged: then the page renders nothing and carryOverPages puts its previous HTML in place. */
  unchanged(path: string): boolean;
  /** Once the pages are written: links the previous HTML of every unchanged page over its empty render. */
  carryOverPages(): void;
  /** Takes the Traditional edition of an unchanged page from the previous site; false when the page changed. */
  carryOverTraditional(path: string): boolean;
  /** The searchable texts of an unchanged page, as the build that made it kept them; undefined: extract them from its HTML. */
  searchTexts(path: string): SearchTexts | undefined;
  /** Keeps the searchable texts of a page of this build for the next. */
  keepSearchTexts(path: string, texts: SearchTexts): void;
  /** For a file other than a page made from only part of the data set: true, and the file linked from the previous site, when that part and the code are unchanged; false: the caller writes it. */
  carryOverScopedFile(path: string, scope: PageScope): boolean;
  /** Pages found unchanged. */
  reused(): number;
  /** Records this build's hashes, once the new site is in place. */
  save(): void;
}

export interface PageReuseOptions {
  /** The folder of kept hashes (.zongshu-cache/pages). */
  cacheDir: string;
  /** The site being replaced, read from; and the staging folder, written to. */
  previousSite: string;
  siteDir: string;
  /** The data set being built: its site settings frame every page, and pages that read part of it are hashed by that part. */
  dataSet: DataSet;
  /** The load's digests of the observation files' rows, if it made them. */
  digests?: ObservationDigests | undefined;
  /** Writes a changed page's tables. */
  writeTables: PagePublisher;
}

export function pageReuse(options: PageReuseOptions): PageReuse {
  const site = join(options.cacheDir, createHash('sha256').update(resolve(options.previousSite)).digest('hex').slice(0, 16));
  const manifest = `${site}.json`;
  // Per site, as the manifest is: a build keeps only its own pages' texts, and another site's build must not delete them.
  const kept = searchTextFolder(`${site}.search`);
  const previous = existsSync(options.previousSite) ? previousRecords(manifest) : new Map<string, PageRecord>();
  const version = createHash('sha256').update(codeVersion()).update(pageJson(options.dataSet.site)).digest('hex');
  const fingerprint = scopeFingerprints(options.dataSet, options.digests);
  const records = new Map<string, PageRecord>();
  /** Inputs hashes of scoped pages whose data is being made this build. */
  const inputsOf = new Map<string, string>();
  const unchanged = new Set<string>();
  const stillThere = (path: string, files: readonly string[]) => [path, ...files].every((f) => existsSync(join(options.previousSite, f)));
  const inputsHash = (path: string, scope: PageScope) => {
    const hash = createHash('sha256').update(version).update(path).update(fingerprint(scope));
    if ('beyond' in scope) hash.update(pageJson(scope.beyond));
    return hash.digest('hex');
  };
  const carryOver = carrier(options.previousSite, options.siteDir);
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
      const data = inputs ?? createHash('sha256').update(version).update(pageJson(page.data)).digest('hex');
      const record: PageRecord = { data, ...(inputs ? { inputs } : {}), files: tableFiles(page) };
      if (previous.get(path)?.data === data && stillThere(path, record.files)) {
        keep(path, record);
      } else {
        records.set(path, record);
        options.writeTables(page);
      }
    },
    unchangedScope(path, scope) {
      const inputs = inputsHash(path, scope);
      const held = previous.get(path);
      if (held?.inputs === inputs && stillThere(path, held.files)) {
        keep(path, held);
        return true;
      }
      inputsOf.set(path, inputs);
      return false;
    },
    unchanged: (path) => unchanged.has(path),
    carryOverPages() {
      for (const path of unchanged) {
        if (!carryOver(path)) throw new Error(`${path} of the previous build has gone; delete ${options.cacheDir} and build again`);
      }
    },
    carryOverTraditional(path) {
      return unchanged.has(path) && carryOver(`${traditionalRoot}/${path}`);
    },
    searchTexts(path) {
      const hash = records.get(path)?.data;
      return hash !== undefined && unchanged.has(path) ? kept.get(hash) : undefined;
    },
    keepSearchTexts(path, texts) {
      const hash = records.get(path)?.data;
      if (hash !== undefined) kept.set(hash, texts);
    },
    carryOverScopedFile(path, scope) {
      const inputs = inputsHash(path, scope);
      records.set(path, { data: inputs, inputs, files: [] });
      return previous.get(path)?.inputs === inputs && carryOver(path);
    },
    reused: () => unchanged.size,
    save() {
      mkdirSync(options.cacheDir, { recursive: true });
      writeFileSync(manifest, JSON.stringify(Object.fromEntries(records)));
      kept.keepOnly(new Set([...records.values()].map((r) => r.data)));
    },
  };
}

const slot = Symbol.for('zongshu.pageReuse');
type Slots = Record<symbol, PageReuse | undefined>;

export function installPageReuse(reuse: PageReuse | undefined): void {
  (globalThis as Slots)[slot] = reuse;
}

/** For the page frame: true when the build found this page unchanged and will link its previous HTML in place. */
export function isPageUnchanged(path: string): boolean {
  return (globalThis as Slots)[slot]?.unchanged(path) ?? false;
}
