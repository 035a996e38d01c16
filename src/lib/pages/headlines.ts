/**
 * The six headline areas of a review page: the four of the mission (branches
 * and compliance, trainings, cases, honours) plus members and funds. Each
 * card shows the first metric of its list that the review reports.
 */
import type { Figure } from '../schema/figure.ts';
import type { PageContext } from './context.ts';
import { figureView, notReportedDisplay } from './views.ts';

export const headlineAreas = [
  { area: '支部建设', metrics: ['branch-compliance-rate', 'branches-total', 'branches-advanced-share', 'model-branches', 'committees-reelected'] },
  { area: '教育培训', metrics: ['training-attendance', 'training-classes', 'study-sessions'] },
  { area: '监督执纪', metrics: ['cases-filed', 'sanctions', 'petitions-leads', 'issues-found', 'issues-rectification-rate', 'warning-education-attendance', 'warning-education-sessions'] },
  { area: '表彰荣誉', metrics: ['model-organs', 'honoured-organisations', 'honoured-members', 'units-rated-excellent', 'civilised-units'] },
  { area: '党员发展', metrics: ['members-developed', 'members-developed-frontline'] },
  { area: '经费', metrics: ['relief-funds', 'donations', 'consumption-aid-sales'] },
] as const;

/** Metric ids of the headline areas, in the order of the cards: what charts show first when space is short. */
export const headlineMetricOrder: readonly string[] = headlineAreas.flatMap((a) => a.metrics);

const headlineRank = new Map(headlineMetricOrder.map((id, at) => [id, at]));

/** At most `limit` of the ids, headline metrics first, then the rest in the order given. */
export function headlineFirst(ids: Iterable<string>, limit: number): string[] {
  const all = [...ids];
  // Ranked once: a review page asks this for each of its eighty units, and indexOf in the comparator cost a second over the national set.
  const rank = new Map<string, number>();
  all.forEach((id, at) => {
    if (!rank.has(id)) rank.set(id, headlineRank.get(id) ?? headlineMetricOrder.length + at);
  });
  return all.sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number)).slice(0, limit);
}

export interface CardFigure {
  label: string;
  display: string;
  approximate: boolean;
  href: string;
  /** For a stated rate whose parts give another: 按2387个/2824个计算为84.5%. */
  computed?: string;
  /** As a cell's (FigureCell.summed). */
  summed?: string;
}

export interface HeadlineCard {
  area: string;
  /** null: the review reports none of the area's metrics. */
  primary: CardFigure | null;
  secondary: CardFigure[];
  notReported: string;
}

export function headlineCards(context: PageContext, chosen: ReadonlyMap<string, Figure>, reviewPeriod: string, pagePath: string): HeadlineCard[] {
  return headlineAreas.map(({ area, metrics }) => {
    const shown = metrics.flatMap((id) => {
      const figure = chosen.get(id);
      if (!figure || !context.metrics.has(id)) return [];
      const view = figureView(context, figure, pagePath);
      const apart = [...(figure.period.id === reviewPeriod ? [] : [view.periodLabel]), ...view.standing];
      const label = apart.length === 0 ? view.metricName : `${view.metricName}（${apart.join('；')}）`;
      return [{
        label,
        display: view.display,
        approximate: view.approximate,
        href: view.href,
        ...(view.computed && !view.computed.agrees ? { computed: `按${view.computed.parts}计算为${view.computed.display}` } : {}),
        ...(view.summed === undefined ? {} : { summed: view.summed }),
      }];
    });
    return { area, primary: shown[0] ?? null, secondary: shown.slice(1, 3), notReported: notReportedDisplay };
  });
}
