/**
 * A unit-return table on the pages: its source page shows it as the file lays it out, a line a
 * unit, and every figure read from it links to its line there.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { pageContext } from '../../../src/lib/pages/context.ts';
import { sourcePageData, unitReturnRowsHtml } from '../../../src/lib/pages/sourcesPage.ts';
import { unitPageData } from '../../../src/lib/pages/unitPage.ts';
import { figureCell } from '../../../src/lib/pages/views.ts';
import { reviewPageData } from '../../../src/lib/pages/reviewPage.ts';
import { reviewTable } from '../../../src/lib/pages/pageTables.ts';
import { siteIndex } from '../../../src/lib/pages/site.ts';
import type { Review } from '../../../src/lib/pages/context.ts';
import { isTableCell, rowAnchor, sitePaths } from '../../../src/lib/site/paths.ts';
import { corpusCase } from '../../helpers/corpusCase.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

/** The base corpus with tables/hainan/2020.csv: 省高院 (省高级人民法院, line 2) reports 培训人次 120; 省公安厅 (line 3) 立案 7 and 培訓人次 约300, noted 含轮训. */
async function withTable() {
  const { dataSet, problems } = await loadDataSet(corpusCase(tempDir(), '52-wide-table'));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const context = pageContext(dataSet);
  const cells = dataSet.observations.filter((o) => isTableCell(o.at));
  const source = cells[0]?.source as string;
  return { context, cells, source };
}

describe('a source page with a unit return', () => {
  it('lists the prose rows one a row and the table a line a unit, each cell where the file has it', async () => {
    const { context, cells, source } = await withTable();
    const page = sourcePageData(context, source);
    expect(page.rows.every((r) => !r.row.startsWith('tables/'))).toBe(true);
    expect(page.unitReturns).toHaveLength(1);
    const [table] = page.unitReturns;
    expect(table?.file).toBe('tables/hainan/2020.csv');
    expect(table?.columns.map((c) => c.name)).toEqual(['立案', '培训人次']);
    expect(table?.lines.map((l) => [l.unit.label, l.row, ...l.cells])).toEqual([
      ['省高级人民法院', 'tables/hainan/2020.csv:2', '', '120'],
      ['省公安厅', 'tables/hainan/2020.csv:3', '7', '约300'],
    ]);
    // The line's note column is said once, not once a cell.
    expect(table?.lines[1]?.notes).toEqual(['含轮训']);
    expect(table?.lines[1]?.unit.href).toBe('../hainan/units/gonganting.html');
    // Every cell of the table is on the page: as many filled cells as the source has table rows.
    expect(table?.lines.flatMap((l) => l.cells.filter((c) => c !== ''))).toHaveLength(cells.filter((o) => o.source === source).length);
    expect(page.unitReturnsDownload?.href).toBe(`../${sitePaths.unitReturns('hainan')}`);
    // 省公安厅's line has a note: its cells are rows of the package's observations, and the link says so.
    expect(page.unitReturnsDownload?.label).toContain('observations/hainan.csv');
  });

  it('writes one row a line with the anchor every figure of the line links to', async () => {
    const { context, cells, source } = await withTable();
    const page = sourcePageData(context, source);
    const table = page.unitReturns[0];
    if (!table) throw new Error('no table');
    const { document } = parseHTML(`<table><tbody>${unitReturnRowsHtml(table)}</tbody></table>`);
    const ids = [...document.querySelectorAll('tr[id]')].map((tr) => tr.id);
    expect(ids).toEqual(['row-tables-hainan-2020-2', 'row-tables-hainan-2020-3']);
    expect(document.querySelector('#row-tables-hainan-2020-3')?.textContent).toContain('约300');
    for (const o of cells) {
      const figure = context.figures.get(o.province, o.unit, o.period, o.metric);
      if (!figure) throw new Error(`no figure for ${o.id}`);
      const href = figureCell(context, figure, sitePaths.review('hainan', '2020')).href;
      expect(href).toBe(`../${sitePaths.source(source)}#${rowAnchor(o.at)}`);
      expect(ids).toContain(href.slice(href.indexOf('#') + 1));
    }
  });
});

describe('a unit page with a unit return', () => {
  it('links the figures of its return line through their period, and every other figure on its own', async () => {
    const { context, source } = await withTable();
    const page = unitPageData(context, 'hainan', 'gonganting');
    const column = page.periods.indexOf('2020年');
    expect(page.periodLines[column]).toBe(`../../${sitePaths.source(source)}#row-tables-hainan-2020-3`);
    const fromLine = page.rows.filter((r) => r.metricName === '立案' || r.metricName === '培训人次');
    expect(fromLine.map((r) => r.cells[column]?.display).sort()).toEqual(['7件', '约300人次']);
    expect(fromLine.map((r) => r.cells[column]?.href)).toEqual([undefined, undefined]);
    // The committee's total is read elsewhere: it keeps its own link.
    expect(fromLine.map((r) => r.latest.committee?.href ?? 'none').every((href) => href === 'none' || href.includes('#row-'))).toBe(true);
  });
});

describe('a figure cited from a unit return', () => {
  it('cites the cell as the table gives it, marked as a table cell and not as a quotation', async () => {
    const { context } = await withTable();
    const review = reviewPageData(context, siteIndex(context.dataSet, '2026-12-04').reviews.find((r) => r.province.id === 'hainan' && r.period.id === '2020') as Review);
    const citations = review.groups.flatMap((g) => g.rows.flatMap((r) => r.citations));
    const fromTable = citations.filter((c) => c.row.startsWith('tables/'));
    expect(fromTable.length).toBeGreaterThan(0);
    expect(fromTable.every((c) => c.fromTable)).toBe(true);
    expect(citations.filter((c) => !c.row.startsWith('tables/')).every((c) => !c.fromTable)).toBe(true);
    // The page's download says so too, where the article's words stand as they are.
    const quotes = reviewTable(review).rows.map((row) => String(row[5]));
    expect(quotes.some((q) => q.includes(`单位报表：${fromTable[0]?.quote}`))).toBe(true);
  });
});
