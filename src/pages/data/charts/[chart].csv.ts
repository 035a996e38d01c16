/** The data of every chart as CSV, exactly as the table under the chart shows it. */
import type { APIRoute } from 'astro';
import dataSet from 'virtual:zongshu/data-set';
import { chartCsv, type ChartSpec } from '../../../lib/pages/chartData.ts';
import { sitePages } from '../../../lib/pages/site.ts';

export function getStaticPaths() {
  return sitePages(dataSet).charts.map((chart) => ({ params: { chart: chart.id }, props: { chart } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { chart: ChartSpec }).chart.table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
