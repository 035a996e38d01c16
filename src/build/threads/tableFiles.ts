/**
 * The files of a page's downloads: the table behind the page and each of its
 * charts, as CSV (with BOM, for Excel) and JSON. They are written on the
 * edition thread (src/build/threads/editionThread.ts), off the thread that renders the
 * pages: making and writing them took 18 s of that thread in a national build,
 * handing them over takes a tenth of that.
 */
import { chartCsv, type ChartTable } from '../../lib/pages/chartData.ts';
import { tableJson, type PageTable } from '../../lib/pages/pageTables.ts';
import type { PublishedPage } from '../../lib/pages/published.ts';
import { sitePaths } from '../../lib/site/paths.ts';
import type { SiteFileWriter } from './siteFileWriter.ts';

/** What a page's download files are made of: its table, and its charts' tables with their ids and titles. */
export interface PageTables {
  table: PageTable;
  charts: Array<{ id: string; title: string; table: ChartTable }>;
}

/** The part of a published page its files are made of: the rest of a chart (its drawing data, its texts) stays behind. */
export function pageTablesOf({ table, charts }: PublishedPage): PageTables {
  return { table, charts: charts.map(({ id, title, table: chartTable }) => ({ id, title, table: chartTable })) };
}

/** Writes a page's download files into the site folder. */
export function tableFileWriter(write: SiteFileWriter): (tables: PageTables) => void {
  return ({ table, charts }) => {
    write(sitePaths.pageCsv(table.id), chartCsv(table));
    write(sitePaths.pageJson(table.id), tableJson(table));
    for (const chart of charts) {
      write(sitePaths.chartCsv(chart.id), chartCsv(chart.table));
      write(sitePaths.chartJson(chart.id), tableJson({ ...chart.table, title: chart.title }));
    }
  };
}
