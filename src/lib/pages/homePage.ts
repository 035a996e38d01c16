/** Page data of the home page: the latest period at a glance, headline counts, and links to every review. */
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import { dayLabel } from '../site/buildDate.ts';
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
  /** The other metrics at least two provinces report comparably, most reported first: each has its map on its metric page. */
  otherMaps: Array<Link & { provinces: number }>;
  stats: Array<{ label: string; value: string }>;
  provinces: Array<{ name: string; href: string; reviews: Link[] }>;
  /** The six headline areas of each province's latest review: the period at a glance. */
  glance: { areas: string[]; rows: Array<{ name: string; review: Link; cells: Array<{ label: string; display: string; href: string; summed?: string } | null> }> };
  notReported: string[];
  latestPeriod: string;
  /** 2026年12月4日: the day the site was built, when the build says. */
  builtOn?: string;
}

/** Metrics by how many provinces report them comparably, most first (the compliance rate first on a tie), for the maps. */
function metricsByReach(context: PageContext): Array<{ metric: Metric; count: number }> {
  return context.dataSet.metrics
    .map((metric) => ({ metric, count: latestComparison(context, metric.id).compared.length }))
    .sort((a, b) => b.count - a.count || Number(b.metric.id === homeMetric) - Number(a.metric.id === homeMetric));
}

export function homePageData(context: PageContext, builtOn?: string): HomePageData {
  const path = sitePaths.home();
  const [first, ...others] = metricsByReach(context);
  if (!first) throw new Error('the metric dictionary is empty');
  const metric = first.metric;
  const reporting = reportingProvinces(context);
  const latest = [...context.reviews].sort((a, b) => b.period.end - a.period.end)[0];
  return {
    path,
    metric: { label: metric.name, href: relativeHref(path, sitePaths.metric(metric.id)) },
    charts: linkCharts(path, [tileChart(context, metric, 'home-tiles', path)].filter((c): c is ChartSpec => c !== undefined)),
    otherMaps: others
      .filter((o) => o.count >= 2)
      .map((o) => ({ label: o.metric.name, href: relativeHref(path, sitePaths.metric(o.metric.id)), provinces: o.count })),
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
          cells: cards.map((c) => (c.primary ? { label: c.primary.label, display: c.primary.display, href: c.primary.href, ...(c.primary.summed === undefined ? {} : { summed: c.primary.summed }) } : null)),
        }];
      }),
    },
    notReported: context.dataSet.provinces.filter((p) => !reporting.includes(p)).map((p) => p.name),
    latestPeriod: latest ? periodLabel(latest.period) : '',
    ...(builtOn ? { builtOn: dayLabel(builtOn) } : {}),
  };
}
