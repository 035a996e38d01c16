/**
 * The manifest of a published site, kept in the site itself (`.zongshu-site.json`): what every page
 * was made from (hashes of its data, or of the part of the data set it reads, with the code), and
 * every file's SHA-256. A later build reuses a page only when the manifest of the site it replaces
 * says the page was made from the same things and every file of the page still has the hash the
 * manifest records: a site built from other data or with another cache folder has other hashes, a
 * file edited by hand another content. A site without a manifest, or with one that is not whole,
 * is built from nothing. The manifest holds nothing but hashes, so two builds of the same inputs
 * write the same one.
 *
 * Reading every file of a large site to hash it would cost seconds, so the build also keeps, in its
 * cache folder, each file's size, times and inode as they were once the site was in place (`stats`):
 * a file whose stat is still that one is the file that was hashed, since no tool can set a file's
 * inode change time back. A file without such a record, or with another stat, is hashed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSealed, readSealedWithSeal, writeSealed } from './sealed.ts';
import { siteFilesUnder } from '../siteFiles.ts';

export const manifestName = '.zongshu-site.json';
const manifestKey = 'site-manifest-1';
const statsKey = 'site-stats-2';

/** What one page (or another file made from part of the data set, such as a data package part) was made from. */
export interface PageRecord {
  /** Hash of the code and the page's data; for a page that names what it reads, its `inputs`, unless its data is hashed too (a metric's pages: pageReuse.ts). */
  data: string;
  /** Hash of the code and the part of the data set the page reads, for a page that names it. */
  inputs?: string;
  /** The files that go with the page beside its two editions: its tables and its charts' tables. */
  files: string[];
}

export interface SiteManifest {
  pages: Record<string, PageRecord>;
  /** SHA-256 of every file of the site but the manifest, by site path. */
  files: Record<string, string>;
}

/** A file as it was once its site was in place. */
export interface StatRecord {
  sha256: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const sameStat = (stats: Stats, record: StatRecord) =>
  stats.size === record.size && stats.mtimeMs === record.mtimeMs && stats.ctimeMs === record.ctimeMs && stats.ino === record.ino;

const isRecordOf = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isManifest(value: unknown): value is SiteManifest {
  return isRecordOf(value) && isRecordOf(value.pages) && isRecordOf(value.files) && Object.values(value.files).every((hash) => typeof hash === 'string');
}

/** A manifest with its seal (which differs for every other manifest): as read from a site, or written into one. */
export interface SealedManifest {
  manifest: SiteManifest;
  seal: string;
}

/** The manifest of the site in `siteDir` with its seal, or undefined when it has none that holds. */
export function readManifest(siteDir: string): SealedManifest | undefined {
  const read = readSealedWithSeal(join(siteDir, manifestName), manifestKey, isManifest);
  return read && { manifest: read.value, seal: read.seal };
}

/**
 * The record of the file at `path` of the site as it is now, when it still has `sha256` for its content: known by its
 * stat when that is the one recorded (`stat`), else by reading it. Undefined when it has another content, or is no file.
 */
export function unchangedRecord(siteDir: string, path: string, sha256: string | undefined, stat: StatRecord | undefined): StatRecord | undefined {
  if (sha256 === undefined) return undefined;
  let stats: Stats;
  try {
    stats = statSync(join(siteDir, path));
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  if (!(stat && stat.sha256 === sha256 && sameStat(stats, stat)) && sha256Of(join(siteDir, path)) !== sha256) return undefined;
  return { sha256, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** The files of a site that no longer have the hash its manifest records, found against the manifest with that seal. */
export interface SiteCheck {
  seal: string;
  changed: string[];
  /**
   * The stat of each file found unchanged, as the check took it: size, mtime, ctime and inode (four numbers a file,
   * in the order of the manifest's files; NaN for a file found changed). A file the next site keeps where it is
   * keeps that stat, so the stats kept for the next build take it from here instead of a stat of their own.
   */
  stats: Float64Array<ArrayBuffer>;
}

/** Numbers a file takes in SiteCheck's stats and in the stats kept: size, mtime, ctime, inode. */
const statWidth = 4;

const statNumbers = (s: Pick<StatRecord, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): number[] => [s.size, s.mtimeMs, s.ctimeMs, s.ino];

/**
 * The records held as four numbers a file in the order of `manifest`'s files, by site path; a file whose numbers are
 * not all numbers (NaN from a check, null as kept) has none. Its hash is the manifest's.
 */
function recordsInOrder(manifest: SiteManifest, numbers: ArrayLike<number | null>): Map<string, StatRecord> {
  const records = new Map<string, StatRecord>();
  const at = (i: number): number | undefined => {
    const n = numbers[i];
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  };
  Object.entries(manifest.files).forEach(([path, sha256], index) => {
    const first = index * statWidth;
    const [size, mtimeMs, ctimeMs, ino] = [at(first), at(first + 1), at(first + 2), at(first + 3)];
    if (size !== undefined && mtimeMs !== undefined && ctimeMs !== undefined && ino !== undefined) records.set(path, { sha256, size, mtimeMs, ctimeMs, ino });
  });
  return records;
}

/**
 * Checks every file the manifest of the site in `siteDir` lists (as `unchangedRecord` does, with the
 * stats `stats` kept): undefined when the site has no manifest that holds. The build has it done on
 * a thread of its own while it lists the pages (src/build/threads/previousSiteThread.ts). Only a
 * file the folder's listing shows as a file can be unchanged: a link, or a file reached through a
 * folder replaced by a link, is kept by no build (a site published in place keeps what is there),
 * so a page with one is made again and the link removed.
 */
export function checkSite(siteDir: string, stats: SiteStats): SiteCheck | undefined {
  const read = readManifest(siteDir);
  if (!read) return undefined;
  const records = stats.read(read);
  const files = new Set(siteFilesUnder(siteDir));
  const entries = Object.entries(read.manifest.files);
  const changed: string[] = [];
  const taken = new Float64Array(entries.length * statWidth).fill(Number.NaN);
  entries.forEach(([path, sha256], index) => {
    const found = files.has(path) ? unchangedRecord(siteDir, path, sha256, records.get(path)) : undefined;
    if (!found) {
      changed.push(path);
      return;
    }
    taken.set(statNumbers(found), index * statWidth);
  });
  return { seal: read.seal, changed, stats: taken };
}

/**
 * The stat records of the files a check found unchanged, by site path: `manifest` is the one checked (the same seal),
 * whose files' order the check's stats follow.
 */
export function checkedStats(manifest: SiteManifest, check: SiteCheck): Map<string, StatRecord> {
  return recordsInOrder(manifest, check.stats);
}

/**
 * Writes the manifest of the site whose new files are in `siteDir` and whose other files are those
 * carried over from the previous site (`carried`, site paths), left where they are. A file whose hash
 * is `known` (a carried file's there, as checked against its manifest; one a thread hashed as it wrote
 * it) keeps it; every other file is hashed.
 */
export function writeManifest(siteDir: string, pages: Record<string, PageRecord>, known: ReadonlyMap<string, string> = new Map(), carried: Iterable<string> = []): SealedManifest {
  const files: Record<string, string> = {};
  const fresh = siteFilesUnder(siteDir);
  const all = new Set([...fresh, ...carried]);
  // Every file but the manifest itself, in code-point order whichever folder it is in.
  for (const path of all.size === fresh.length ? fresh : [...all].sort()) {
    if (path !== manifestName) files[path] = known.get(path) ?? sha256Of(join(siteDir, path));
  }
  const sortedPages = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const manifest: SiteManifest = { pages: sortedPages, files };
  return { manifest, seal: writeSealed(join(siteDir, manifestName), manifestKey, manifest) };
}

/** The stats of the files of the site at `outDir`, kept in the cache folder. */
export interface SiteStats {
  /** The records kept of the files of the site whose manifest is `read`, by site path: none unless they were kept for that manifest. */
  read(read: SealedManifest): ReadonlyMap<string, StatRecord>;
  /**
   * Records the files of the site now in place at `outDir`, as its manifest (`written`) hashes them. `taken`: records
   * of files stat'ed already and left as they were since (the files a publish in place kept, as the check found
   * them); a record is taken only for the hash the manifest gives, every other file is stat'ed now.
   */
  write(written: SealedManifest, taken?: ReadonlyMap<string, StatRecord>): void;
}

/**
 * The stats as kept: the seal of the manifest they follow, and four numbers a file (size, mtime, ctime, inode) in the
 * order of its files, null for a file with none. The hash of each is the manifest's: 27,000 records of a national site
 * written out with their paths and hashes made 4 MB of JSON to write at the end of every build and to read at the next.
 */
interface KeptStats {
  manifest: string;
  stats: Array<number | null>;
}

const isStats = (value: unknown): value is KeptStats => isRecordOf(value) && typeof value.manifest === 'string' && Array.isArray(value.stats);

export function siteStats(cacheDir: string, outDir: string): SiteStats {
  const file = join(cacheDir, `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`);
  return {
    read({ manifest, seal }) {
      const kept = readSealed(file, statsKey, isStats);
      return kept?.manifest === seal ? recordsInOrder(manifest, kept.stats) : new Map();
    },
    write({ manifest, seal }, taken) {
      const stats: Array<number | null> = [];
      for (const [path, sha256] of Object.entries(manifest.files)) {
        const before = taken?.get(path);
        if (before?.sha256 === sha256) {
          stats.push(...statNumbers(before));
          continue;
        }
        try {
          stats.push(...statNumbers(statSync(join(outDir, path))));
        } catch {
          // A file gone meanwhile has no record: it is read, or found missing, next time.
          stats.push(null, null, null, null);
        }
      }
      mkdirSync(cacheDir, { recursive: true });
      writeSealed(file, statsKey, { manifest: seal, stats } satisfies KeptStats);
    },
  };
}
