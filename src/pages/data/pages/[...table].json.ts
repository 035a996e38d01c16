/** The table behind each page as JSON: title, columns, and one object per row. */
import type { APIRoute } from 'astro';
import dataSet from 'virtual:zongshu/data-set';
import { tableJson, type PageTable } from '../../../lib/pages/pageTables.ts';
import { sitePages } from '../../../lib/pages/site.ts';

export function getStaticPaths() {
  return sitePages(dataSet).tables.map((table) => ({ params: { table: table.id }, props: { table } }));
}

export const GET: APIRoute = ({ props }) => new Response(tableJson((props as { table: PageTable }).table), { headers: { 'Content-Type': 'application/json' } });
