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
  source: (source: string) => `sources/${source}.html`,
  methodology: () => 'methodology.html',
  chartCsv: (chart: string) => `data/charts/${chart}.csv`,
  chartJson: (chart: string) => `data/charts/${chart}.json`,
  /** The chart's drawing as a file of its own, taken from its page's HTML (site/chartFiles.ts). */
  chartSvg: (chart: string) => `data/charts/${chart}.svg`,
  pageCsv: (table: string) => `data/pages/${table}.csv`,
  pageJson: (table: string) => `data/pages/${table}.json`,
  dataPackage: () => 'data/package/datapackage.json',
  /** A province's unit-return lines in the data package, every period: one resource of it. */
  unitReturns: (province: string) => `data/package/unit-returns/${province}.csv`,
  search: () => 'search.html',
} as const;

/** The link from one page to another (or to an anchor on it), both given as paths from the site root. */
export function relativeHref(from: string, to: string): string {
  const hash = to.indexOf('#');
  const toPath = hash < 0 ? to : to.slice(0, hash);
  const anchor = hash < 0 ? '' : to.slice(hash);
  // Walk the common folders without splitting: this runs for every link of every page.
  let common = 0;
  let fromDirs = 0;
  for (let i = from.indexOf('/'); i >= 0; i = from.indexOf('/', i + 1)) fromDirs++;
  let at = 0;
  while (common < fromDirs) {
    const slash = from.indexOf('/', at);
    const folder = from.slice(at, slash + 1);
    if (!toPath.startsWith(folder, at)) break;
    common++;
    at = slash + 1;
  }
  const up = fromDirs - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${toPath.slice(at)}${anchor}`;
}

/** A data row as pages name it: its file within the data folder and its line (`observations/hainan-2020.csv:4`). */
/**
 * A cell of a unit-return table (data/tables/) is a figure of its own: the cells of one table row share
 * its line, so its column tells them apart. A row of data/observations/ holds one figure.
 */
function cellOf(at: { dataFile: string; column?: number }): number | undefined {
  return isTableCell(at) ? at.column : undefined;
}

/** Where a figure stands in the data folder: `observations/hainan.csv:12`, or `tables/hainan/2020.csv:3:7` for a table's cell (line 3, column 7). */
export function rowLabel(at: { dataFile: string; line: number; column?: number }): string {
  const cell = cellOf(at);
  return cell === undefined ? `${at.dataFile}:${at.line}` : `${at.dataFile}:${at.line}:${cell}`;
}

const anchorBases = new Map<string, string>();

/**
 * Anchor of a data row on its source's page: `row-observations-hainan-2020-4` for
 * observations/hainan-2020.csv:4. A source page shows a unit-return table line by line, a row a
 * unit and a column a metric, so the cells of one line share its anchor (`row-tables-hainan-2020-3`);
 * the cell is the line's column for the figure's metric, and its label (rowLabel) names the column.
 */
export function rowAnchor(at: { dataFile: string; line: number; column?: number }): string {
  let base = anchorBases.get(at.dataFile);
  if (base === undefined) {
    base = at.dataFile.replace(/\.csv$/u, '').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
    anchorBases.set(at.dataFile, base);
  }
  return `row-${base}-${at.line}`;
}

/** Whether a data row is a cell of a unit-return table (data/tables/), one figure of its line. */
export function isTableCell(at: { dataFile: string }): boolean {
  return at.dataFile.startsWith('tables/');
}

/** The site path of a page from its URL path: /beijing/2023.html → beijing/2023.html, / → index.html. */
export function pagePathOf(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/u, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}
