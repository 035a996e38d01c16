/** Page data of a review (综述): narrative, headline cards, charts, the figures, the units and the sources. */
import { categoryLabel } from '../labels.ts';
import type { Figure } from '../schema/figure.ts';
import { renderNarrative } from '../narrativeHtml.ts';
import { periodLabel } from '../period.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { linkCharts, type ChartSpec } from './chartData.ts';
import { figuresWithin, inMetricThenPeriodOrder, reviewFigures, type PageContext, type Review } from './context.ts';
import { headlineCards, headlineFirst, type HeadlineCard } from './headlines.ts';
import { headlineFigures, reviewCharts } from './reviewCharts.ts';
import { peerComparison, type PeerComparison } from './peerComparison.ts';
import { entryOf } from '../maps.ts';
import { figureCell, figureDisplay, figureView, type FigureView } from './views.ts';
import type { Metric } from '../schema/metric.ts';

export interface Link {
  label: string;
  href: string;
}

export interface SourceEntry {
  title: string;
  publisher: string;
  published: string;
  url: string;
  /** The source on this site's sources page. */
  href: string;
}

export interface UnitEntry {
  name: string;
  href: string;
  /** A few of its figures, headline metrics first; the unit's page has them all. */
  figures: Array<{ metricName: string; display: string; href: string }>;
  /** How many figures the unit has in the review. */
  count: number;
}

/** Figures listed per unit on a review page; the rest are on the unit's own page. */
const unitFiguresShown = 2;

export interface ReviewPageData {
  path: string;
  title: string;
  provinceName: string;
  periodLabel: string;
  /** Said when the review spans more than one year. */
  lengthNote?: string;
  narrativeHtml?: string;
  cards: HeadlineCard[];
  /** The review's figures beside other provinces' comparable ones. */
  peers: PeerComparison;
  charts: ChartSpec[];
  groups: Array<{ category: string; rows: FigureView[] }>;
  units: UnitEntry[];
  sources: SourceEntry[];
  links: { province: Link; methodology: Link; otherReviews: Link[] };
}

export function lengthNote(years: number): string | undefined {
  return years > 1 ? `本期跨${years}年：其中的累计数（培训、发展党员等流量）不能与单一年度的数字直接比较。` : undefined;
}

export function sourceEntries(context: PageContext, review: Review, path: string): SourceEntry[] {
  return review.sources.map((s) => ({
    title: s.title,
    publisher: s.publisher,
    published: s.published,
    url: s.url,
    href: relativeHref(path, sitePaths.source(s.id)),
  }));
}

/** The committee figures of a review in the order its page lists them. */
function reviewFiguresInOrder(context: PageContext, review: Review): Figure[] {
  return inMetricThenPeriodOrder(context, reviewFigures(context, review));
}

/** Each review's comparison with other provinces, made once for a context: its route hashes it, and its page shows it. */
const beyondHeld = new WeakMap<PageContext, Map<Review, PeerComparison>>();

/**
 * What a review page reads beyond its province's rows and narratives: its comparison with other
 * provinces' figures, as data. A build hashes it with the province's rows to know the page unchanged
 * without making the rest of its data; it costs a few milliseconds where the page's data costs tens.
 * The page of a review made again takes the same comparison (the pages of 310 reviews made again
 * when one province's figures move it in the rankings: half a second of a national rebuild).
 */
export function reviewBeyondProvince(context: PageContext, review: Review): PeerComparison {
  return entryOf(entryOf(beyondHeld, context, () => new Map<Review, PeerComparison>()), review, () => {
    const path = sitePaths.review(review.province.id, review.period.id);
    return peerComparison(context, review, headlineFigures(reviewFiguresInOrder(context, review), review), path);
  });
}

export function reviewPageData(context: PageContext, review: Review): ReviewPageData {
  const path = sitePaths.review(review.province.id, review.period.id);
  const figures = reviewFiguresInOrder(context, review);
  const views = figures.map((f) => figureView(context, f, path));
  const groups = Object.entries(categoryLabel)
    .map(([category, label]) => ({ category: label, rows: views.filter((v) => context.metrics.get(v.metricId)?.category === category) }))
    .filter((g) => g.rows.length > 0);

  const units: UnitEntry[] = context.dataSet.units
    .filter((u) => u.province === review.province.id)
    .flatMap((u) => {
      const own = figuresWithin(context.unitFigures.get(`${u.province}/${u.id}`) ?? [], review.period);
      if (own.length === 0) return [];
      const shown = headlineFirst(new Set(own.map((f) => f.metric)), unitFiguresShown);
      return [{
        name: u.name,
        href: relativeHref(path, sitePaths.unit(u.province, u.id)),
        figures: inMetricThenPeriodOrder(context, own.filter((f) => shown.includes(f.metric)))
          .slice(0, unitFiguresShown)
          // A cell, not a full view: the list shows a figure's value and link, not its citations or shares (80 units a review).
          .map((f) => {
            const cell = figureCell(context, f, path);
            return { metricName: (context.metrics.get(f.metric) as Metric).name, display: cell.display, href: cell.href };
          }),
        count: own.length,
      }];
    });

  const title = review.narrative?.title ?? `${review.province.name}${periodLabel(review.period)}机关党建工作综述`;
  const note = lengthNote(review.period.years);
  return {
    path,
    title,
    provinceName: review.province.name,
    periodLabel: periodLabel(review.period),
    ...(note ? { lengthNote: note } : {}),
    ...(review.narrative ? { narrativeHtml: renderNarrative(review.narrative, context.figures, context.rowsById, (f) => figureDisplay(context, f, context.metrics.get(f.metric) as Metric)) } : {}),
    cards: headlineCards(context, headlineFigures(figures, review), review.period.id, path),
    peers: reviewBeyondProvince(context, review),
    charts: linkCharts(path, reviewCharts(context, review, figures)),
    groups,
    units,
    sources: sourceEntries(context, review, path),
    links: {
      province: { label: `${review.province.name}历年数据`, href: relativeHref(path, sitePaths.province(review.province.id)) },
      methodology: { label: '计算方法', href: relativeHref(path, sitePaths.methodology()) },
      otherReviews: context.reviews
        .filter((r) => r.province.id === review.province.id && r.period.id !== review.period.id)
        .map((r) => ({ label: periodLabel(r.period), href: relativeHref(path, sitePaths.review(r.province.id, r.period.id)) })),
    },
  };
}
