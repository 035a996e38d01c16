/** The data of every chart as JSON, the same rows as its table and CSV. */
import type { APIRoute } from 'astro';
import dataSet from 'virtual:zongshu/data-set';
import type { ChartSpec } from '../../../lib/pages/chartData.ts';
import { tableJson } from '../../../lib/pages/pageTables.ts';
import { sitePages } from '../../../lib/pages/site.ts';

export function getStaticPaths() {
  return sitePages(dataSet).charts.map((chart) => ({ params: { chart: chart.id }, props: { chart } }));
}

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartSpec };
  return new Response(tableJson({ ...chart.table, title: chart.title }), { headers: { 'Content-Type': 'application/json' } });
};
