/**
 * A rate an article states that its own numerator and denominator do not
 * give (Hainan 2020: 89% stated, 2387/2824 = 84.5%). Both are kept; the
 * checker says so, so the difference is seen before it is published.
 */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import { formatCount, formatPoints, formatShare, percentDecimals } from '../format.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { periodLabel } from '../period.ts';
import { zhIds, type ZhNames } from './zhNames.ts';
import { partsDisagree } from '../aggregate/statedRatio.ts';

export function checkStatedRatios(
  figures: readonly Figure[],
  index: FigureIndex,
  metrics: readonly Metric[],
  observations: readonly Observation[],
  names: ZhNames = zhIds,
): Problem[] {
  const differing = figures.filter(partsDisagree);
  if (differing.length === 0) return [];
  const wanted = new Set(differing.map((f) => f.observations[0]));
  const observationById = new Map(observations.filter((o) => wanted.has(o.id)).map((o) => [o.id, o]));
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const problems: Problem[] = [];
  for (const figure of differing) {
    const computed = figure.computed;
    const metric = metricById.get(figure.metric);
    const observation = observationById.get(figure.observations[0] ?? '');
    if (!computed || !metric || !observation) continue;
    const part = (id: string) => index.get(figure.province, figure.unit, figure.period, id);
    const numerator = part(metric.numerator);
    const denominator = part(metric.denominator);
    const known = numerator && denominator ? `${formatCount(numerator.value, numerator.qualifier)}/${formatCount(denominator.value, denominator.qualifier)}` : undefined;
    const parts = known ?? 'its parts';
    const direction = computed.differencePoints > 0 ? 'higher' : 'lower';
    const stated = formatShare(figure.value, figure.qualifier, percentDecimals(observation.step));
    const worked = formatShare(computed.value, computed.qualifier, 1);
    const points = formatPoints(computed.differencePoints);
    problems.push({
      severity: 'warning',
      code: 'stated-ratio-differs',
      ...observation.at,
      message: `${metric.id} of ${figure.unit ?? figure.province} for ${figure.period.id} is stated as ${stated}, but ${parts} = ${worked}: the stated rate is ${points} ${direction}`,
      hint: 'pages show the stated rate with the computed one beside it; correct the row only if it was mistyped',
      zh: {
        message: `${names.place(figure.province, figure.unit)} ${periodLabel(figure.period)}的${metric.name}原文为${stated}，但${known ? ` ${known} = ` : '按分子分母计算为'}${worked}：原文比计算值${computed.differencePoints > 0 ? '高' : '低'}${points}`,
        hint: '页面显示原文的比率，并在旁边列出计算值；只有录入有误时才改这一行',
      },
    });
  }
  return problems;
}
