/**
 * What a build adds to Astro's output before the site is swapped in: each
 * page's tables (written as the page renders), the data package, the Traditional-script edition (a converted mirror of every page
 * under zh-Hant/), and the Pagefind search index over both, fed each page as
 * the edition is written.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as pagefind from 'pagefind';
import { dataPackageFiles } from '../lib/openData/dataPackage.ts';
import { chartCsv } from '../lib/pages/chartData.ts';
import { tableJson } from '../lib/pages/pageTables.ts';
import type { PagePublisher } from '../lib/pages/published.ts';
import { sitePaths } from '../lib/site/paths.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { searchableHtml } from '../lib/site/searchText.ts';
import { traditionalPage } from '../lib/site/traditionalPage.ts';
import type { PageReuse } from './pageReuse.ts';
import type { Progress } from './progress.ts';

/** A date only when the caller fixes one (SOURCE_DATE_EPOCH), so two builds are byte-identical. */
function createdDate(): string | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/u.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
}

/** Writes the table behind a page and each of its charts as CSV (with BOM, for Excel) and JSON, as the page renders. */
export function tableWriter(siteDir: string): PagePublisher {
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(siteDir, path)), { recursive: true });
    writeFileSync(join(siteDir, path), content);
  };
  return ({ table, charts }) => {
    write(sitePaths.pageCsv(table.id), chartCsv(table));
    write(sitePaths.pageJson(table.id), tableJson(table));
    for (const chart of charts) {
      write(sitePaths.chartCsv(chart.id), chartCsv(chart.table));
      write(sitePaths.chartJson(chart.id), tableJson({ ...chart.table, title: chart.title }));
    }
  };
}

/** Streams each file of the data package to disk chunk by chunk, as the chunks are made. */
export async function writeDataPackage(siteDir: string, dataSet: DataSet): Promise<void> {
  const dir = join(siteDir, 'data/package');
  await mkdir(dir, { recursive: true });
  for (const [name, chunks] of dataPackageFiles(dataSet, createdDate())) await pipeline(Readable.from(chunks), createWriteStream(join(dir, name)));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'))
    .sort();
}

/** Every page of both editions, as it is written: the search index reads them from here rather than from disk. */
export type PageSink = (path: string, html: string) => Promise<void>;

export async function writeTraditionalEdition(siteDir: string, progress?: Progress, onPage?: PageSink, reuse?: Pick<PageReuse, 'carryOverTraditional'>): Promise<void> {
  for (const path of await filesUnder(siteDir)) {
    progress?.tick();
    // Data files are shared: the Traditional pages link to the one copy at the root.
    if (path.startsWith(`${traditionalRoot}/`) || path.startsWith('pagefind/') || path.startsWith('data/')) continue;
    const target = join(siteDir, traditionalRoot, path);
    await mkdir(dirname(target), { recursive: true });
    if (path.endsWith('.html')) {
      const simplified = await readFile(join(siteDir, path), 'utf8');
      // An unchanged page's Traditional edition is the previous build's.
      const carried = reuse?.carryOverTraditional(path) ?? false;
      const traditional = carried ? await readFile(target, 'utf8') : traditionalPage(simplified, path);
      if (!carried) await writeFile(target, traditional);
      await onPage?.(path, simplified);
      await onPage?.(`${traditionalRoot}/${path}`, traditional);
    } else {
      await copyFile(join(siteDir, path), target);
    }
  }
}

export interface SearchIndex {
  /** Hands a page to Pagefind, which indexes it in its own process while the build goes on. */
  add: PageSink;
  /** Waits for every page and writes the index into `pagefind/`. */
  write(siteDir: string): Promise<void>;
  close(): Promise<void>;
}

/** One index for both editions, so 江蘇 finds the Traditional pages and 江苏 the Simplified ones. */
export async function startSearchIndex(): Promise<SearchIndex> {
  // Links in results keep their index.html: no link may depend on a server's directory index.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', keepIndexUrl: true });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  const failures: string[] = [];
  let pending: Array<Promise<unknown>> = [];
  const settle = async () => {
    const batch = pending;
    pending = [];
    await Promise.all(batch);
  };
  return {
    async add(path, html) {
      pending.push(index.addHTMLFile({ sourcePath: path, content: searchableHtml(html) }).then((added) => failures.push(...added.errors.map((e) => `${path}: ${e}`))));
      // A bounded queue: Pagefind keeps up, and pages do not pile up in memory.
      if (pending.length >= 32) await settle();
    },
    async write(siteDir) {
      await settle();
      if (failures.length > 0) throw new Error(`search index: ${failures.join('; ')}`);
      const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    },
    async close() {
      await pagefind.close();
    },
  };
}
