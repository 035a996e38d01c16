/**
 * Where each page lives, as a path from the site root, and relative links
 * between pages. Every link is relative and ends in .html, so the site works
 * at any sub-path and from a folder opened with file://.
 */
export const sitePaths = {
  home: () => 'index.html',
  province: (province: string) => `${province}.html`,
  review: (province: string, period: string) => `${province}/${period}.html`,
  unit: (province: string, unit: string) => `${province}/units/${unit}.html`,
  metrics: () => 'metrics.html',
  metric: (metric: string) => `metrics/${metric}.html`,
  compare: () => 'compare.html',
  compareMetric: (metric: string) => `compare/${metric}.html`,
  comparePair: (a: string, b: string) => `compare/${a}/${b}.html`,
  sources: () => 'sources.html',
  methodology: () => 'methodology.html',
  chartCsv: (chart: string) => `data/charts/${chart}.csv`,
  chartJson: (chart: string) => `data/charts/${chart}.json`,
  pageCsv: (table: string) => `data/pages/${table}.csv`,
  pageJson: (table: string) => `data/pages/${table}.json`,
  dataPackage: () => 'data/package/datapackage.json',
  search: () => 'search.html',
} as const;

/** The link from one page to another (or to an anchor on it), both given as paths from the site root. */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const [toPath = '', anchor] = to.split('#');
  const toParts = toPath.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rest = toParts.slice(common).join('/');
  const path = `${up === 0 ? './' : '../'.repeat(up)}${rest}`;
  return anchor === undefined ? path : `${path}#${anchor}`;
}

/** A data row as pages name it: its file within the data folder and its line (`observations/hainan-2020.csv:4`). */
export function rowLabel(at: { dataFile: string; line: number }): string {
  return `${at.dataFile}:${at.line}`;
}

/** Anchor of a data row on the sources page: `row-observations-hainan-2020-4` for observations/hainan-2020.csv:4. */
export function rowAnchor(at: { dataFile: string; line: number }): string {
  const base = at.dataFile.replace(/\.csv$/u, '').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return `row-${base}-${at.line}`;
}
