/**
 * npx tsx scripts/bench-pagedata.ts DIR [unit,review,source]
 * Times the page data of every unit, review and source page of a data set (DIR/data, DIR/content:
 * `npm run synth -- --out DIR` makes the national one), three rounds each, and prints a SHA-256 of
 * all their JSON: a change that makes page data faster must print the same digest.
 */
import { createHash } from 'node:crypto';
import { loadDataSet } from '../src/load/loadDataSet.ts';
import { reportText } from '../src/cli/report.ts';
import { hasErrors } from '../src/lib/problems.ts';
import { siteIndex } from '../src/lib/pages/site.ts';
import { unitPageData } from '../src/lib/pages/unitPage.ts';
import { reviewPageData } from '../src/lib/pages/reviewPage.ts';
import { sourcePageData } from '../src/lib/pages/sourcesPage.ts';
const dir = process.argv[2];
if (!dir) {
  console.error('用法：npx tsx scripts/bench-pagedata.ts 数据集文件夹 [unit,review,source]');
  process.exit(2);
}
const { dataSet, problems, files } = await loadDataSet({ dataDir: `${dir}/data`, contentDir: `${dir}/content` });
// Page data of a data set with errors, or of no data set, would time nothing worth a digest.
if (hasErrors(problems) || dataSet.observations.length === 0) {
  console.error(reportText(problems, files, 'zh'));
  console.error(`没有计时：${dir} 里的数据有错误，或者没有数据（应有 ${dir}/data 和 ${dir}/content）`);
  process.exit(1);
}
const site = siteIndex(dataSet, '2026-01-01');
const { context } = site;
const kinds: Record<string, () => unknown[]> = {
  unit: () => site.units.map((u) => unitPageData(context, u.province, u.id)),
  review: () => site.reviews.map((r) => reviewPageData(context, r)),
  source: () => site.sources.map((s) => sourcePageData(context, s.id)),
};
for (const kind of (process.argv[3] ?? 'unit,review,source').split(',')) {
  const pagesOf = kinds[kind];
  if (!pagesOf) throw new Error(`no page kind '${kind}': unit, review or source`);
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    const pages = pagesOf();
    const ms = performance.now() - t;
    const hash = createHash('sha256');
    for (const p of pages) hash.update(JSON.stringify(p));
    console.log(kind, pages.length, 'pages', ms.toFixed(0), 'ms', hash.digest('hex').slice(0, 16));
  }
}
