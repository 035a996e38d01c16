/**
 * The provinces' latest figures of one metric, split by the comparability rule
 * (aggregate/comparability.ts): the largest group that may be ranked and mapped together,
 * and the rest, each with the reason it stands apart. One figure alone is compared with
 * nothing: a ranking or a map needs two.
 */
import { comparableGroups, rankable } from '../aggregate/comparability.ts';
import type { Figure } from '../schema/figure.ts';
import type { Province } from '../schema/province.ts';
import { latestFigure, type PageContext } from './context.ts';

export interface ProvinceFigure {
  province: Province;
  figure: Figure;
}

export interface LatestComparison {
  /** Figures that may be set against each other; empty when no two may. */
  compared: ProvinceFigure[];
  /** Figures shown beside them, never ranked with them, and why. */
  apart: Array<ProvinceFigure & { reason: string }>;
  notReported: Province[];
}

export function latestComparison(context: PageContext, metricId: string): LatestComparison {
  const reported: ProvinceFigure[] = [];
  const notReported: Province[] = [];
  for (const province of context.dataSet.provinces) {
    const figure = latestFigure(context, province.id, metricId);
    if (figure) reported.push({ province, figure });
    else notReported.push(province);
  }
  const [largest = []] = comparableGroups(reported, (e) => e.figure, context.metrics);
  const compared = largest.length >= 2 ? largest : [];
  // Why a figure stands apart: against the compared group, or, when no two may be compared, against another province's figure.
  const apart = reported
    .filter((e) => !compared.includes(e))
    .map((e) => {
      const reference = compared[0]?.figure ?? reported.find((other) => other !== e)?.figure;
      // The figure first: "期间长度不同：1年与2年" reads as this one against the others.
      const verdict = reference ? rankable(e.figure, reference, context.metrics) : undefined;
      return { ...e, reason: verdict && !verdict.comparable ? verdict.label : '没有其他省份的数字' };
    });
  return { compared, apart, notReported };
}
