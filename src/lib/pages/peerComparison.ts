/**
 * A review's figures beside other provinces' latest figures of the same metric, as a table: for
 * each metric with at least one comparable figure elsewhere (comparability.ts: same scope and
 * counting, flows of equal length, stocks at one point), the province's place among them, the
 * highest with its province, and the middle. Real values and names, where a strip of dots over
 * metrics of different sizes could show neither.
 */
import { rankable } from '../aggregate/comparability.ts';
import { rankFigures } from '../aggregate/ranking.ts';
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { latestFigures, type PageContext, type Review } from './context.ts';
import { headlineFirst } from './headlines.ts';
import { figureCell, type FigureCell } from './views.ts';

export interface PeerRow {
  metricName: string;
  /** The metric's compare page, with every province's figure. */
  compareHref: string;
  /** The review's figure, linked to its source row. */
  own: FigureCell;
  ownPeriod: string;
  /** 3个可比省份中第2, 并列第1. */
  standing: string;
  /** The highest comparable figure, the review's own included, linked to its source row. */
  highest: { province: string; cell: FigureCell; period: string };
  /** How many other provinces report the metric comparably. */
  peers: number;
}

export interface PeerComparison {
  rows: PeerRow[];
  /** Metrics of the review no other province reports comparably. */
  alone: number;
}

/** Rows shown at most, headline metrics first: the compare pages have the rest. */
const rowLimit = 12;

export function peerComparison(context: PageContext, review: Review, chosen: ReadonlyMap<string, Figure>, path: string): PeerComparison {
  const rows: PeerRow[] = [];
  let alone = 0;
  for (const metricId of headlineFirst(chosen.keys(), chosen.size)) {
    const own = chosen.get(metricId);
    const metric = context.metrics.get(metricId);
    if (!own || !metric) continue;
    const others = latestFigures(context, metricId).flatMap(({ province, figure }) =>
      province.id !== review.province.id && rankable(own, figure, context.metrics).comparable ? [{ key: province.name, figure }] : [],
    );
    if (others.length === 0) {
      alone++;
      continue;
    }
    if (rows.length >= rowLimit) continue;
    const ranking = rankFigures([{ key: review.province.name, figure: own }, ...others]);
    const mine = ranking.ranked.find((r) => r.figure === own);
    const top = ranking.ranked[0];
    if (!mine || !top) continue;
    rows.push({
      metricName: metric.name,
      compareHref: relativeHref(path, sitePaths.compareMetric(metricId)),
      own: figureCell(context, own, path),
      ownPeriod: periodLabel(own.period),
      standing: `${ranking.ranked.length}个可比省份中${mine.tied ? '并列' : ''}第${mine.rank}`,
      highest: { province: top.key, cell: figureCell(context, top.figure, path), period: periodLabel(top.figure.period) },
      peers: others.length,
    });
  }
  return { rows, alone };
}
