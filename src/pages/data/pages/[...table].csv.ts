/** The table behind each page as CSV (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import dataSet from 'virtual:zongshu/data-set';
import { chartCsv } from '../../../lib/pages/chartData.ts';
import type { PageTable } from '../../../lib/pages/pageTables.ts';
import { sitePages } from '../../../lib/pages/site.ts';

export function getStaticPaths() {
  return sitePages(dataSet).tables.map((table) => ({ params: { table: table.id }, props: { table } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { table: PageTable }).table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
