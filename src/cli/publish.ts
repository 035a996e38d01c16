/**
 * What a build adds to Astro's output before the site is swapped in: the data
 * package, the Traditional-script edition (a converted mirror of every page
 * and table under zh-Hant/), and the Pagefind search index over both.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { dataPackageFiles } from '../lib/openData/dataPackage.ts';
import { chartCsv } from '../lib/pages/chartData.ts';
import { tableJson } from '../lib/pages/pageTables.ts';
import { builtPages, siteIndex } from '../lib/pages/site.ts';
import { sitePaths } from '../lib/site/paths.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { traditionalPage } from '../lib/site/traditionalPage.ts';
import type { Progress } from './progress.ts';

/** A date only when the caller fixes one (SOURCE_DATE_EPOCH), so two builds are byte-identical. */
function createdDate(): string | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/u.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
}

/** The table behind every page and every chart, as CSV (with BOM, for Excel) and JSON, one page at a time. */
export async function writeTables(siteDir: string, dataSet: DataSet): Promise<void> {
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(siteDir, path)), { recursive: true });
    await writeFile(join(siteDir, path), content);
  };
  for (const page of builtPages(siteIndex(dataSet))) {
    await write(sitePaths.pageCsv(page.table.id), chartCsv(page.table));
    await write(sitePaths.pageJson(page.table.id), tableJson(page.table));
    for (const chart of page.charts) {
      await write(sitePaths.chartCsv(chart.id), chartCsv(chart.table));
      await write(sitePaths.chartJson(chart.id), tableJson({ ...chart.table, title: chart.title }));
    }
  }
}

export async function writeDataPackage(siteDir: string, dataSet: DataSet): Promise<void> {
  const dir = join(siteDir, 'data/package');
  await mkdir(dir, { recursive: true });
  for (const [name, content] of dataPackageFiles(dataSet, createdDate())) await writeFile(join(dir, name), content);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'))
    .sort();
}

export async function writeTraditionalEdition(siteDir: string, progress?: Progress): Promise<void> {
  for (const path of await filesUnder(siteDir)) {
    progress?.tick();
    // Data files are shared: the Traditional pages link to the one copy at the root.
    if (path.startsWith(`${traditionalRoot}/`) || path.startsWith('pagefind/') || path.startsWith('data/')) continue;
    const target = join(siteDir, traditionalRoot, path);
    await mkdir(dirname(target), { recursive: true });
    if (path.endsWith('.html')) {
      await writeFile(target, traditionalPage(await readFile(join(siteDir, path), 'utf8'), path));
    } else {
      await copyFile(join(siteDir, path), target);
    }
  }
}

/** One index for both editions, so 江蘇 finds the Traditional pages and 江苏 the Simplified ones. */
export async function indexSearch(siteDir: string): Promise<void> {
  // Links in results keep their index.html: no link may depend on a server's directory index.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', keepIndexUrl: true });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
