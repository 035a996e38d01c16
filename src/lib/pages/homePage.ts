/** Page data of the home page: the latest period at a glance, headline counts, and links to every review. */
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { linkCharts, type ChartSpec } from './chartData.ts';
import { reportingProvinces, reviewFigures, type PageContext } from './context.ts';
import { headlineAreas, headlineCards } from './headlines.ts';
import { headlineFigures } from './reviewCharts.ts';
import type { Link } from './reviewPage.ts';
import { tileChart } from './tileChart.ts';
import { latestComparison } from './comparison.ts';

/** The metric the home page prefers for its map, among those most provinces report comparably. */
export const homeMetric = 'branch-compliance-rate';

export interface HomePageData {
  path: string;
  metric: Link;
  charts: ChartSpec[];
  stats: Array<{ label: string; value: string }>;
  provinces: Array<{ name: string; href: string; reviews: Link[] }>;
  /** The six headline areas of each province's latest review: the period at a glance. */
  glance: { areas: string[]; rows: Array<{ name: string; review: Link; cells: Array<{ label: string; display: string; href: string } | null> }> };
  notReported: string[];
  latestPeriod: string;
}

/** The metric most provinces report comparably (the compliance rate on a tie), for the map. */
function chosenMetric(context: PageContext): Metric {
  let best: { metric: Metric; count: number } | undefined;
  for (const metric of context.dataSet.metrics) {
    const count = latestComparison(context, metric.id).compared.length;
    const better = !best || count > best.count || (count === best.count && metric.id === homeMetric);
    if (better) best = { metric, count };
  }
  const metric = best?.metric ?? context.dataSet.metrics[0];
  if (!metric) throw new Error('the metric dictionary is empty');
  return metric;
}

export function homePageData(context: PageContext): HomePageData {
  const path = sitePaths.home();
  const metric = chosenMetric(context);
  const reporting = reportingProvinces(context);
  const latest = [...context.reviews].sort((a, b) => b.period.end - a.period.end)[0];
  return {
    path,
    metric: { label: metric.name, href: relativeHref(path, sitePaths.metric(metric.id)) },
    charts: linkCharts(path, [tileChart(context, metric, 'home-tiles', path)].filter((c): c is ChartSpec => c !== undefined)),
    stats: [
      { label: '收录综述', value: `${context.reviews.length}篇` },
      { label: '省份', value: `${reporting.length}个` },
      { label: '数据行', value: `${context.dataSet.observations.length}条` },
      { label: '指标', value: `${context.dataSet.metrics.length}项` },
    ],
    provinces: reporting.map((p) => ({
      name: p.name,
      href: relativeHref(path, sitePaths.province(p.id)),
      reviews: context.reviews
        .filter((r) => r.province.id === p.id)
        .map((r) => ({ label: `${periodLabel(r.period)}`, href: relativeHref(path, sitePaths.review(p.id, r.period.id)) })),
    })),
    glance: {
      areas: headlineAreas.map((a) => a.area),
      rows: reporting.flatMap((p) => {
        const review = context.reviews.find((r) => r.province.id === p.id);
        if (!review) return [];
        const cards = headlineCards(context, headlineFigures(reviewFigures(context, review), review), review.period.id, path);
        return [{
          name: p.name,
          review: { label: periodLabel(review.period), href: relativeHref(path, sitePaths.review(p.id, review.period.id)) },
          cells: cards.map((c) => (c.primary ? { label: c.primary.label, display: c.primary.display, href: c.primary.href } : null)),
        }];
      }),
    },
    notReported: context.dataSet.provinces.filter((p) => !reporting.includes(p)).map((p) => p.name),
    latestPeriod: latest ? periodLabel(latest.period) : '',
  };
}
