/**
 * What a build adds to Astro's output before the site is published: the data
 * package and the Traditional-script edition (a converted mirror of every page
 * under zh-Hant/), whose pages' documents go to the search index
 * (searchIndex.ts) as the edition is written. Each page's tables are written as it renders
 * (src/build/threads/tableFiles.ts).
 */
import { copyFileSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dataPackageFiles } from '../lib/openData/dataPackage.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { searchText } from '../lib/search/document.ts';
import { traditionalPage } from '../lib/site/traditionalPage.ts';
import type { PageReuse } from './incremental/pageReuse.ts';
import type { SearchFeed } from './searchFeed.ts';
import type { SearchTexts } from './incremental/searchTextFolder.ts';
import { collectGarbageWhenPiledUp } from './garbage.ts';
import { siteFilesUnder } from './siteFiles.ts';
import type { Progress } from '../cli/progress.ts';

/** A date only when the caller fixes one (SOURCE_DATE_EPOCH), so two builds are byte-identical. */
function createdDate(): string | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/u.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
}

/**
 * Streams each file of the data package to disk chunk by chunk, as the chunks
 * are made; a province's file of observations or figures (a resource of its
 * own) whose rows did not change since the previous build is linked from the
 * previous site instead, and none of it is made.
 */
export async function writeDataPackage(siteDir: string, dataSet: DataSet, reuse?: Pick<PageReuse, 'carryOverScopedFile'>): Promise<void> {
  const folders = new Set<string>();
  for (const file of dataPackageFiles(dataSet, createdDate())) {
    const path = `data/package/${file.path}`;
    if (file.province !== undefined && reuse?.carryOverScopedFile(path, { province: file.province })) continue;
    const target = join(siteDir, path);
    if (!folders.has(dirname(target))) await mkdir(dirname(target), { recursive: true });
    folders.add(dirname(target));
    await pipeline(Readable.from(collectingBetween(file.chunks())), createWriteStream(target));
  }
}

/** The chunks, with a look at the heap before each: a file's rows are made as they are written, and leave garbage. */
function* collectingBetween<T>(chunks: Iterable<T>): Generator<T> {
  for (const chunk of chunks) {
    collectGarbageWhenPiledUp();
    yield chunk;
  }
}

type EditionReuse = Pick<PageReuse, 'carryOverTraditional' | 'searchTexts' | 'keepSearchTexts'>;

/** The pages carried over from the site in the output folder (PageReuse.carryOverPages), and that folder. */
export interface CarriedPages {
  previousSite: string;
  pages: readonly string[];
}

/**
 * Writes a page's Traditional edition unless the previous build's is still
 * right, and gives the searchable texts of both. `from`: the folder its HTML is
 * in (the output folder for a carried page, else the staging folder). Files are
 * read and written synchronously: pages are a few hundred kilobytes from the
 * page cache, and the promise API's chunked reads and writes cost more than the
 * copies themselves.
 */
function pageEditions(from: string, siteDir: string, path: string, reuse: EditionReuse | undefined): SearchTexts {
  // An unchanged page's Traditional edition is the previous build's, and so are the texts of both editions when the cache has them.
  const carried = reuse?.carryOverTraditional(path) ?? false;
  const kept = carried ? reuse?.searchTexts(path) : undefined;
  if (kept) return kept;
  const simplified = readFileSync(join(from, path), 'utf8');
  const traditional = traditionalPage(simplified, path);
  if (!carried) {
    const target = join(siteDir, traditionalRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, traditional);
  }
  const texts = { simplified: searchText(simplified), traditional: searchText(traditional) };
  reuse?.keepSearchTexts(path, texts);
  return texts;
}

/**
 * Completes the Traditional edition: every page not converted as it rendered
 * (`converted`, src/build/threads/editionThread.ts) is carried over from the previous
 * site or converted here, every other file the staging folder has for the edition is
 * copied into it, and the search feed gets the texts it lacks.
 */
export async function writeTraditionalEdition(siteDir: string, feed: SearchFeed, converted: ReadonlySet<string>, reuse?: EditionReuse, carried?: CarriedPages, progress?: Progress): Promise<void> {
  const folders = new Set<string>();
  for (const path of siteFilesUnder(siteDir)) {
    progress?.tick();
    // Data files are shared: the Traditional pages link to the one copy at the root.
    if (path.startsWith(`${traditionalRoot}/`) || path.startsWith('search/') || path.startsWith('data/')) continue;
    if (converted.has(path)) continue;
    if (path.endsWith('.html')) {
      feed.provide(path, pageEditions(siteDir, siteDir, path, reuse));
      continue;
    }
    const target = join(siteDir, traditionalRoot, path);
    // The site's few files besides pages share fewer folders.
    if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    folders.add(dirname(target));
    copyFileSync(join(siteDir, path), target);
  }
  for (const path of carried?.pages ?? []) {
    progress?.tick();
    // An unchanged page whose texts the feed already has from the cache needs only its Traditional edition.
    if (feed.has(path)) reuse?.carryOverTraditional(path);
    else feed.provide(path, pageEditions(carried?.previousSite ?? siteDir, siteDir, path, reuse));
  }
}
