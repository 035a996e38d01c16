/**
 * Incremental builds. Every page hands its data to the build before it renders
 * (src/lib/pages/published.ts); the build hashes that data with the code that
 * renders it. A page whose hash is the one it had in the previous build is not
 * rendered again: its HTML, its Traditional edition and its tables are taken
 * from the previous site, which stays untouched until the new one is swapped
 * in. The hashes of the last build are kept in the cache folder (pages/), with
 * the searchable text of each page for the search index, so deleting that
 * folder, or the site, only makes the next build a full one.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PagePublisher, PublishedPage } from '../lib/pages/published.ts';
import { sitePaths } from '../lib/site/paths.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { searchTextFolder, type SearchTexts } from './searchTextFolder.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A hash of everything that turns page data into HTML: the sources, the public files, the locked dependencies. */
export function siteCodeVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path.slice(projectRoot.length)).update(readFileSync(path));
    }
  };
  walk(join(projectRoot, 'src'));
  walk(join(projectRoot, 'public'));
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  return hash.digest('hex');
}

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

/** Takes a file of the previous site into the new one without copying its bytes; false when it is not there. */
function carryOver(previousSite: string, siteDir: string, path: string): boolean {
  const from = join(previousSite, path);
  if (!existsSync(from)) return false;
  mkdirSync(dirname(join(siteDir, path)), { recursive: true });
  linkSync(from, join(siteDir, path));
  return true;
}

export interface PageReuse {
  /** Hashes each page as its data is ready; carries over its tables when it is unchanged, else writes them. */
  publish: PagePublisher;
  /** The previous build's HTML of a page found unchanged; undefined: render it. */
  html(path: string): string | undefined;
  /** Takes the Traditional edition of an unchanged page from the previous site; false when the page changed. */
  carryOverTraditional(path: string): boolean;
  /** The searchable texts of an unchanged page, as the build that made it kept them; undefined: extract them from its HTML. */
  searchTexts(path: string): SearchTexts | undefined;
  /** Keeps the searchable texts of a page of this build for the next. */
  keepSearchTexts(path: string, texts: SearchTexts): void;
  /** Pages whose previous HTML was used. */
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
  /** What else the frame of every page shows (the data set's site settings). */
  frame: unknown;
  /** Writes a changed page's tables. */
  writeTables: PagePublisher;
}

export function pageReuse(options: PageReuseOptions): PageReuse {
  const site = join(options.cacheDir, createHash('sha256').update(resolve(options.previousSite)).digest('hex').slice(0, 16));
  const manifest = `${site}.json`;
  // Per site, as the manifest is: a build keeps only its own pages' texts, and another site's build must not delete them.
  const kept = searchTextFolder(`${site}.search`);
  const previous = new Map<string, string>(existsSync(manifest) && existsSync(options.previousSite) ? Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>) : []);
  const version = createHash('sha256').update(siteCodeVersion()).update(pageJson(options.frame)).digest('hex');
  const hashes = new Map<string, string>();
  const unchanged = new Set<string>();
  let reusedCount = 0;
  return {
    publish(page) {
      const path = `${page.table.id}.html`;
      const hash = createHash('sha256').update(version).update(pageJson(page.data)).digest('hex');
      hashes.set(path, hash);
      const same = previous.get(path) === hash && existsSync(join(options.previousSite, path)) && tableFiles(page).every((f) => existsSync(join(options.previousSite, f)));
      if (same) {
        for (const file of tableFiles(page)) carryOver(options.previousSite, options.siteDir, file);
        unchanged.add(path);
      } else {
        options.writeTables(page);
      }
    },
    html(path) {
      if (!unchanged.has(path)) return undefined;
      reusedCount++;
      return readFileSync(join(options.previousSite, path), 'utf8');
    },
    carryOverTraditional(path) {
      return unchanged.has(path) && carryOver(options.previousSite, options.siteDir, `${traditionalRoot}/${path}`);
    },
    searchTexts(path) {
      const hash = hashes.get(path);
      return hash !== undefined && unchanged.has(path) ? kept.get(hash) : undefined;
    },
    keepSearchTexts(path, texts) {
      const hash = hashes.get(path);
      if (hash !== undefined) kept.set(hash, texts);
    },
    reused: () => reusedCount,
    save() {
      mkdirSync(options.cacheDir, { recursive: true });
      writeFileSync(manifest, JSON.stringify(Object.fromEntries(hashes)));
      kept.keepOnly(new Set(hashes.values()));
    },
  };
}

const slot = Symbol.for('zongshu.pageReuse');
type Slots = Record<symbol, PageReuse | undefined>;

export function installPageReuse(reuse: PageReuse | undefined): void {
  (globalThis as Slots)[slot] = reuse;
}

/** For the page frame: the previous HTML of this page when the build found it unchanged. */
export function reusedPageHtml(path: string): string | undefined {
  return (globalThis as Slots)[slot]?.html(path);
}
