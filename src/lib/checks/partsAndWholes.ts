/**
 * Parts that exceed their whole: a ratio's numerator over its denominator
 * (达标 branches over all branches), disjoint shares over 100%, a unit over its
 * committee's total, the units together over that total, and a flow of one
 * year over the same flow of a period that contains the year.
 */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import { FigureMap } from '../aggregate/figureMap.ts';
import { formatCount, formatShare } from '../format.ts';
import { figureText } from '../figureText.ts';
import { writtenMeasureWord } from './measureWords.ts';
import { entryOf } from '../maps.ts';
import { observationLookup } from '../observationLookup.ts';
import { observationOf } from '../aggregate/reportedFigure.ts';
import { periodLabel, periodWithin } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import type { Wording } from '../problems.ts';
import { zhIds, type ZhNames } from './zhNames.ts';
import { bounds, sumBounds, surelyExceeds } from './bounds.ts';
import { disjointShares, partOf } from './relations.ts';
import { isUsual, slotOf } from '../aggregate/slot.ts';

interface Context {
  figures: readonly Figure[];
  /** The figures of each metric, in the order of `figures`. */
  byMetric: Map<string, Figure[]>;
  /** A metric's figures by committee or unit (subjectKey), in the order of `figures`; made for a metric when first asked for. */
  bySubject: (metric: string) => Map<string, Figure[]>;
  index: FigureIndex;
  metrics: Map<string, Metric>;
  /** The first row behind a figure: a reported figure's own. */
  row: (f: Figure) => Observation | undefined;
  names: ZhNames;
}

/** A committee or unit: `hainan|` for Hainan's committee. */
const subjectKey = (f: Pick<Figure, 'province' | 'unit'>) => `${f.province}|${f.unit ?? ''}`;

/**
 * Only the metrics that are another's whole are asked for, a few of the catalog's: the figures of
 * those are keyed, not the national set's million (a key made for each took a third of a second).
 */
function figuresBySubject(byMetric: ReadonlyMap<string, readonly Figure[]>): (metric: string) => Map<string, Figure[]> {
  const made = new Map<string, Map<string, Figure[]>>();
  return (metric) =>
    entryOf(made, metric, () => {
      const bySubject = new Map<string, Figure[]>();
      for (const f of byMetric.get(metric) ?? []) entryOf(bySubject, subjectKey(f), () => []).push(f);
      return bySubject;
    });
}

function figuresByMetric(figures: readonly Figure[]): Map<string, Figure[]> {
  const byMetric = new Map<string, Figure[]>();
  // A plain loop, with no function made for each of a million figures.
  for (const f of figures) {
    const metric = f.metric;
    const list = byMetric.get(metric);
    if (list) list.push(f);
    else byMetric.set(metric, [f]);
  }
  return byMetric;
}

/** The range a figure allows: its qualifier's, and for a stated figure also its rounding. */
function rangeOf(context: Context, f: Figure) {
  const step = f.basis === 'reported' ? (context.row(f)?.step ?? 0) : 0;
  return bounds(f.value, f.qualifier, step);
}

/**
 * False when parts cannot surely exceed a whole, judged on values alone: a
 * quick test that spares working out ranges (and finding the observation
 * behind each figure) for the million figures that are fine. A range holds
 * its figure's value when the value is not negative (see bounds), so parts
 * that add up to no more than the whole cannot surely exceed it.
 */
function mayExceed(parts: readonly Figure[], whole: number): boolean {
  let total = 0;
  for (const part of parts) {
    if (part.value < 0) return true;
    total += part.value;
  }
  return whole < 0 || total > whole;
}

function subject(f: Figure): string {
  return `${f.unit ?? f.province} ${periodLabel(f.period)}`;
}

function subjectZh(context: Context, f: Figure): string {
  return `${context.names.place(f.province, f.unit)} ${periodLabel(f.period)}`;
}

/** A figure in a message as the page shows it: a stated one as its review writes it. */
function shown(context: Context, f: Figure): string {
  const metric = context.metrics.get(f.metric);
  if (!metric) return String(f.value);
  const row = f.basis === 'reported' ? context.row(f) : undefined;
  return figureText(f, metric, row, row && writtenMeasureWord(row));
}

/** A warning placed on the data row behind a figure. */
function warning(context: Context, f: Figure, code: string, wording: Wording): Problem | undefined {
  const o = context.row(f);
  return o ? { severity: 'warning', code, ...o.at, ...wording } : undefined;
}

function wholePairs(context: Context): Array<readonly [string, string]> {
  const fromRatios = [...context.metrics.values()].filter((m) => m.kind === 'ratio').map((m) => [m.numerator, m.denominator] as const);
  return [...fromRatios, ...partOf].filter(([p, w]) => context.metrics.has(p) && context.metrics.has(w));
}

/**
 * The whole figures of a part given without a whole of its own period and scope: the whole
 * metric's other figures of the same committee or unit, a year apart at most (Jiangsu: 6280
 * branches rated in 2021, 6000多 branches 含直属单位 in 2022).
 */
function nearbyWholes(context: Context, part: Figure, wholeId: string): Figure[] {
  // Among the whole metric's figures of the part's own committee or unit: ten or so, where the
  // metric has 25,000 at national scale and most parts of a unit return have no whole of their own.
  return (context.bySubject(wholeId).get(subjectKey(part)) ?? []).filter(
    (w) =>
      w !== part &&
      Math.abs(w.period.end - part.period.end) <= 1 &&
      (w.period.id !== part.period.id || slotOf(w) !== slotOf(part)) &&
      // A year's part of a flow over a longer period of the same scope is as the text should have it.
      !(w.scope === part.scope && periodWithin(part.period, w.period)),
  );
}

function describeApart(f: Figure): string {
  return [periodLabel(f.period), ...(f.scope ? [f.scope] : []), ...(f.time === 'cumulative' ? ['累计'] : []), ...(f.undated ? ['未注明时间'] : [])].join('，');
}

function partsOverWholes(context: Context): Problem[] {
  const problems: Array<Problem | undefined> = [];
  for (const [partId, wholeId] of wholePairs(context)) {
    for (const part of context.byMetric.get(partId) ?? []) {
      const whole = context.index.get(part.province, part.unit, part.period, wholeId);
      if (!whole || !isUsual(part)) {
        for (const other of nearbyWholes(context, part, wholeId)) {
          const exceeds = mayExceed([part], other.value) && surelyExceeds(rangeOf(context, part), rangeOf(context, other));
          const what = `${partId} of ${part.unit ?? part.province} (${shown(context, part)}, ${describeApart(part)}) and ${wholeId} (${shown(context, other)}, ${describeApart(other)}), of which it is a part,`;
          const whatZh = `${context.names.place(part.province, part.unit)}的${context.names.metric(partId)}（${shown(context, part)}，${describeApart(part)}）和它所属的${context.names.metric(wholeId)}（${shown(context, other)}，${describeApart(other)}）`;
          const checkRows = '请核对每一行是否像原文一样写明了期间和口径';
          problems.push(
            exceeds
              ? warning(context, part, 'part-exceeds-related-whole', {
                  message: `${what} differ in period or scope, and the part is the larger`,
                  hint: 'pages never compare them; check that each row names its period and scope as the text does',
                  zh: { message: `${whatZh}期间或口径不同，而且部分比整体大`, hint: `页面不会比较二者；${checkRows}` },
                })
              : warning(context, part, 'related-figures-differ', {
                  message: `${what} are given for different periods or scopes`,
                  hint: 'pages show them side by side and never compare them or state a change between them; check that each row names its period and scope as the text does',
                  zh: { message: `${whatZh}是不同期间或口径的数字`, hint: `页面把二者并列显示，不作比较，也不计算变化；${checkRows}` },
                }),
          );
        }
        continue;
      }
      if (!mayExceed([part], whole.value) || !surelyExceeds(rangeOf(context, part), rangeOf(context, whole))) continue;
      problems.push(
        warning(context, part, 'part-exceeds-whole', {
          message: `${partId} of ${subject(part)} is ${shown(context, part)}, more than its whole ${wholeId} (${shown(context, whole)})`,
          hint: 'one of the two figures is wrong or they cover different scopes; check both rows against the source',
          zh: {
            message: `${subjectZh(context, part)}的${context.names.metric(partId)}为${shown(context, part)}，比它所属的${context.names.metric(wholeId)}（${shown(context, whole)}）还多`,
            hint: '两个数字中有一个不对，或者口径不同；请对照来源核对这两行',
          },
        }),
      );
    }
  }
  return problems.filter((p): p is Problem => p !== undefined);
}

function sharesOverHundred(context: Context): Problem[] {
  const problems: Problem[] = [];
  for (const group of disjointShares) {
    const [first] = group;
    if (first === undefined) continue;
    for (const anchor of context.byMetric.get(first) ?? []) {
      const shares = group.map((id) => context.index.get(anchor.province, anchor.unit, anchor.period, id)).filter((f): f is Figure => f !== undefined);
      if (shares.length < 2 || !mayExceed(shares, 1) || !surelyExceeds(sumBounds(shares.map((f) => rangeOf(context, f))), { low: 1, high: 1 })) continue;
      const total = shares.reduce((s, f) => s + f.value, 0);
      const p = warning(context, anchor, 'shares-exceed-whole', {
        message: `${group.join(' + ')} of ${subject(anchor)} add up to ${formatShare(total)}, more than the whole`,
        hint: 'these shares split one whole without overlapping; check them against the source',
        zh: {
          message: `${subjectZh(context, anchor)}的${group.map((id) => context.names.metric(id)).join('、')}合计${formatShare(total)}，超过了整体（100%）`,
          hint: '这几个比例互不重叠地划分同一个整体；请对照来源核对',
        },
      });
      if (p) problems.push(p);
    }
  }
  return problems;
}

function unitsOverTotals(context: Context): Problem[] {
  const problems: Array<Problem | undefined> = [];
  // Units by the committee total they are part of.
  const groups = new FigureMap<Figure[]>();
  for (const f of context.figures) {
    if (f.unit === null || f.basis !== 'reported' || context.metrics.get(f.metric)?.kind === 'ratio') continue;
    const group = groups.get(f.province, null, f.period, f.metric);
    if (group) group.push(f);
    else groups.set(f.province, null, f.period, f.metric, [f]);
  }
  for (const units of groups.values()) {
    const first = units[0] as Figure;
    const total = context.index.get(first.province, null, first.period, first.metric);
    if (!total || total.basis !== 'reported') continue;
    const over = units.filter((u) => mayExceed([u], total.value) && surelyExceeds(rangeOf(context, u), rangeOf(context, total)));
    for (const u of over) {
      problems.push(warning(context, u, 'unit-exceeds-total', {
        message: `${first.metric} of ${u.unit} (${shown(context, u)}) is more than the committee's total for ${first.province} ${periodLabel(first.period)} (${shown(context, total)})`,
        hint: "a unit's figure is part of its committee's; check both rows",
        zh: {
          message: `${context.names.place(u.province, u.unit)}的${context.names.metric(first.metric)}（${shown(context, u)}）超过了${context.names.place(first.province, null)}工委${periodLabel(first.period)}的总数（${shown(context, total)}）`,
          hint: '单位的数字是工委总数的一部分；请核对这两行',
        },
      }));
    }
    if (over.length === 0 && units.length > 1 && mayExceed(units, total.value) && surelyExceeds(sumBounds(units.map((u) => rangeOf(context, u))), rangeOf(context, total))) {
      const sum = units.reduce((s, u) => s + u.value, 0);
      problems.push(warning(context, total, 'units-exceed-total', {
        message: `${first.metric}: the ${units.length} units of ${first.province} add up to ${sum}, more than the committee's total ${shown(context, total)} for ${periodLabel(first.period)}`,
        hint: 'the total, or one of the units, is wrong or counts a different scope',
        zh: {
          message: `${context.names.metric(first.metric)}：${context.names.place(first.province, null)}的${units.length}个单位合计${formatCount(sum)}，超过了工委${periodLabel(first.period)}的总数${shown(context, total)}`,
          hint: '总数或某个单位的数字有误，或者口径不同',
        },
      }));
    }
  }
  return problems.filter((p): p is Problem => p !== undefined);
}

function yearsOverPeriods(context: Context): Problem[] {
  const problems: Array<Problem | undefined> = [];
  for (const whole of context.figures) {
    if (whole.period.years < 2 || context.metrics.get(whole.metric)?.kind !== 'flow') continue;
    for (const part of context.index.series(whole.province, whole.unit, whole.metric)) {
      if (part.period.id === whole.period.id || !periodWithin(part.period, whole.period)) continue;
      if (!mayExceed([part], whole.value) || !surelyExceeds(rangeOf(context, part), rangeOf(context, whole))) continue;
      problems.push(
        warning(context, part, 'period-part-exceeds-whole', {
          message: `${whole.metric} of ${whole.unit ?? whole.province} for ${periodLabel(part.period)} (${shown(context, part)}) is more than for the whole of ${periodLabel(whole.period)} (${shown(context, whole)})`,
          hint: 'a flow over a longer period includes its years; check the periods of both rows',
          zh: {
            message: `${context.names.place(whole.province, whole.unit)}${periodLabel(part.period)}的${context.names.metric(whole.metric)}（${shown(context, part)}）比整个${periodLabel(whole.period)}的（${shown(context, whole)}）还多`,
            hint: '较长期间的流量包含其中每一年；请核对两行的期间',
          },
        }),
      );
    }
  }
  return problems.filter((p): p is Problem => p !== undefined);
}

export function checkPartsAndWholes(figures: readonly Figure[], index: FigureIndex, metrics: readonly Metric[], observations: readonly Observation[], names: ZhNames = zhIds): Problem[] {
  const lookup = observationLookup(observations);
  const byMetric = figuresByMetric(figures);
  const context: Context = {
    figures,
    byMetric,
    bySubject: figuresBySubject(byMetric),
    index,
    metrics: new Map(metrics.map((m) => [m.id, m])),
    row: (f) => observationOf(f) ?? lookup.get(f.observations[0] ?? ''),
    names,
  };
  return [...partsOverWholes(context), ...sharesOverHundred(context), ...unitsOverTotals(context), ...yearsOverPeriods(context)];
}
