/**
 * The checks a review's own words call for, on its rows (not on derived figures):
 * - a row's `part_of` names a row of the same source (errors: unknown, itself, a loop;
 *   row ids repeated within a source);
 * - a part larger than the whole it is counted within (其中 20 of 51);
 * - listed parts that add up to more than their stated whole (460 + 345 + 182 of 762);
 * - a figure given both for a period and as a running total of the same text (73 in 2022,
 *   73 截至目前): a running total that is not larger than one period's flow;
 * - one quantity given twice by one text with different values (dated and undated, say);
 * - figures of one metric and committee whose scope or time differ: never ranked or turned
 *   into a change, and the checker says so.
 * Parts and wholes are compared only when they count alike (counting basis).
 */
import { bounds, sumBounds, surelyExceeds, type Bounds } from './bounds.ts';
import { scopeLabel } from '../aggregate/comparability.ts';
import { isUsual } from '../aggregate/slot.ts';
import { groupBy } from '../maps.ts';
import { quoted } from '../problems.ts';
import { formatCount } from '../format.ts';
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import type { Wording } from '../problems.ts';
import { zhIds, type ZhNames } from './zhNames.ts';

type Metrics = ReadonlyMap<string, Metric>;

const rangeOf = (o: Observation): Bounds => bounds(o.value, o.qualifier, o.step);
const at = (o: Observation) => `${o.at.file}:${o.at.line}`;

function problem(o: Observation, severity: Problem['severity'], code: string, wording: Wording): Problem {
  return { severity, code, file: o.at.file, line: o.at.line, column: o.at.column, ...wording };
}

/** Row ids unique within their source, and `part_of` leading to a row of the same source without a loop. */
function linkProblems(rows: readonly Observation[], byId: ReadonlyMap<string, Observation>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Observation>();
  for (const o of rows) {
    if (o.rowId === null) continue;
    const first = seen.get(o.rowId);
    if (first) {
      problems.push(problem(o, 'error', 'duplicate-row-id', {
        message: `row id ${quoted(o.rowId)} is already used at ${at(first)} for source ${o.source}`,
        hint: 'give each row of a source its own id',
        zh: { message: `行 id ${quoted(o.rowId, 'zh')}在 ${at(first)} 已经用于来源 ${o.source}`, hint: '同一来源的每一行 id 都要不同' },
      }));
    }
    else seen.set(o.rowId, o);
  }
  for (const o of rows) {
    if (o.partOf === null) continue;
    if (o.partOf === o.rowId) {
      problems.push(problem(o, 'error', 'part-of-itself', {
        message: `part_of ${quoted(o.partOf)} names this row itself`,
        hint: 'name the row of the whole this figure is counted within',
        zh: { message: `part_of ${quoted(o.partOf, 'zh')}指向的是这一行自己`, hint: 'part_of 填这个数字所属整体那一行的 id' },
      }));
      continue;
    }
    if (!byId.has(o.partOf)) {
      problems.push(problem(o, 'error', 'unknown-part-of', {
        message: `part_of ${quoted(o.partOf)} names no row of source ${o.source}`,
        hint: `give the whole's row the id ${quoted(o.partOf)} in its id column, or correct part_of`,
        zh: { message: `part_of ${quoted(o.partOf, 'zh')}在来源 ${o.source} 中找不到对应的行`, hint: `在整体那一行的 id 列填上${quoted(o.partOf, 'zh')}，或者改正 part_of` },
      }));
      continue;
    }
    const visited = new Set<Observation>([o]);
    for (let next = byId.get(o.partOf); next?.partOf; next = byId.get(next.partOf)) {
      if (visited.has(next)) {
        const chain = [...visited].map((v) => v.rowId ?? at(v)).join(' → ');
        problems.push(problem(o, 'error', 'part-of-loop', {
          message: `part_of of this row leads back to itself (${chain})`,
          hint: 'a part is counted within a whole, never the other way round',
          zh: { message: `这一行的 part_of 绕了一圈又回到自己（${chain}）`, hint: '部分计入整体，不能反过来' },
        }));
        break;
      }
      visited.add(next);
    }
  }
  return problems;
}

function shown(o: Observation, metrics: Metrics): string {
  const metric = metrics.get(o.metric);
  return `${o.written}${metric && metric.kind !== 'ratio' && metric.unit !== '万元' && !o.measureWord ? metric.unit : ''}`;
}

const metricName = (o: Observation, metrics: Metrics): string => metrics.get(o.metric)?.name ?? o.metric;

/** Parts over their whole: one part alone (其中), or the listed parts together. */
function partsOverWholes(rows: readonly Observation[], byId: ReadonlyMap<string, Observation>, metrics: Metrics): Problem[] {
  const problems: Problem[] = [];
  const countsOf = (o: Observation) => metrics.get(o.metric)?.counts;
  const partsOf = groupBy(rows.filter((o) => o.partOf !== null && byId.has(o.partOf)), (o) => o.partOf as string);
  for (const [wholeId, parts] of partsOf) {
    const whole = byId.get(wholeId) as Observation;
    const alike = parts.filter((p) => countsOf(p) === countsOf(whole) && countsOf(p) !== 'share');
    const over = alike.filter((p) => surelyExceeds(rangeOf(p), rangeOf(whole)));
    for (const p of over) {
      problems.push(problem(p, 'warning', 'stated-part-exceeds-whole', {
        message: `${p.metric} ${shown(p, metrics)} is counted within ${whole.metric} ${shown(whole, metrics)} (row ${at(whole)}), but is larger than it`,
        hint: 'the text says it is part of the whole: check both figures against the text; if the text says so, keep both and say so in the note',
        zh: {
          message: `${metricName(p, metrics)}${shown(p, metrics)}计入${metricName(whole, metrics)}${shown(whole, metrics)}（${at(whole)} 那一行），却比它还多`,
          hint: '原文说它是整体的一部分：请对照原文核对这两个数字；若原文确实如此，两个都保留，并在备注（note）中说明',
        },
      }));
    }
    if (over.length === 0 && alike.length > 1 && surelyExceeds(sumBounds(alike.map(rangeOf)), rangeOf(whole))) {
      const total = alike.reduce((s, p) => s + p.value, 0);
      const listed = alike.map((p) => shown(p, metrics)).join(' + ');
      problems.push(problem(whole, 'warning', 'stated-parts-exceed-whole', {
        message: `the ${alike.length} parts of ${whole.metric} ${shown(whole, metrics)} (${listed}) add up to ${total}, more than the whole`,
        hint: 'the text lists them as parts of this figure: check them against the text; if the text says so, keep them all and say so in the note',
        zh: {
          message: `${metricName(whole, metrics)}${shown(whole, metrics)}的${alike.length}个组成部分（${listed}）合计${formatCount(total)}，超过了整体`,
          hint: '原文把它们列为这个数字的组成部分：请对照原文核对；若原文确实如此，全部保留，并在备注（note）中说明',
        },
      }));
    }
  }
  return problems;
}

/** A running total of a text no larger than a period's flow of the same metric and scope in the same text. */
function cumulativeBesidePeriod(rows: readonly Observation[], metrics: Metrics): Problem[] {
  const problems: Problem[] = [];
  const groups = groupBy(rows, (o) => `${o.province}|${o.unit ?? ''}|${o.metric}`);
  for (const group of groups.values()) {
    const totals = group.filter((o) => o.time === 'cumulative');
    const flows = group.filter((o) => o.time === 'flow');
    for (const total of totals) {
      for (const flow of flows) {
        // The same number both ways, or a total of the flow's own scope that does not exceed it.
        const sameNumber = total.value === flow.value && total.qualifier === flow.qualifier;
        if (!sameNumber && (total.scope !== flow.scope || surelyExceeds(rangeOf(total), rangeOf(flow)))) continue;
        problems.push(problem(total, 'warning', 'cumulative-not-above-period', {
          message: `${total.metric} ${total.written} is given as a running total (${scopeLabel(total.scope)}), and ${flow.written} for ${periodLabel(flow.period)} (${scopeLabel(flow.scope)}, row ${at(flow)}): a running total is not larger than one period's figure`,
          hint: 'the text gives the number both ways: check which it means; pages show both and compare neither',
          zh: {
            message: `${metricName(total, metrics)}${total.written}作为累计数（${scopeLabel(total.scope)}），${flow.written}又作为${periodLabel(flow.period)}的数（${scopeLabel(flow.scope)}，${at(flow)} 那一行）：累计数并不比一个期间的数大`,
            hint: '原文两种说法都用了这个数：请核对它指的是哪一个；页面两个都显示，但都不拿来比较',
          },
        }));
      }
    }
  }
  return problems;
}

/** One quantity given twice by one text, with different values: same metric, committee or unit, scope and period, once dated and once not. */
function twoValues(rows: readonly Observation[], metrics: Metrics, names: ZhNames): Problem[] {
  const problems: Problem[] = [];
  const groups = groupBy(rows, (o) => `${o.province}|${o.unit ?? ''}|${o.metric}|${o.scope}|${o.time}|${o.period.id}`);
  for (const group of groups.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const other of rest) {
      if (other.value === first.value && other.qualifier === first.qualifier) continue;
      problems.push(problem(other, 'warning', 'two-values', {
        message: `${other.metric} of ${other.unit ?? other.province} for ${periodLabel(other.period)} is ${other.written} here and ${first.written} at ${at(first)}, in the same source`,
        hint: 'one text gives two values for one quantity: keep both as written, and say in the notes which sentence each comes from',
        zh: {
          message: `同一来源中，${names.place(other.province, other.unit)} ${periodLabel(other.period)}的${metricName(other, metrics)}在这里是${other.written}，在 ${at(first)} 却是${first.written}`,
          hint: '同一篇文章对同一个量给出了两个数：两个都照原文保留，并在备注（note）中写明各出自哪一句',
        },
      }));
    }
  }
  return problems;
}

/** Figures of one metric and committee or unit in different scopes or kinds of time: shown side by side, never compared. */
function scopesDiffer(apart: readonly Observation[], all: readonly Observation[], metrics: Metrics, names: ZhNames): Problem[] {
  const problems: Problem[] = [];
  // Only metrics with a row apart from the usual can differ: the rest of the rows are not grouped.
  const wanted = new Set(apart.map((o) => `${o.province}|${o.metric}`));
  const rows = all.filter((o) => o.unit === null && wanted.has(`${o.province}|${o.metric}`));
  const groups = groupBy(rows, (o) => `${o.province}|${o.metric}`);
  for (const group of groups.values()) {
    const kinds = groupBy(group, (o) => `${o.scope}|${o.time === 'cumulative' ? 'cumulative' : ''}`);
    if (kinds.size < 2) continue;
    const [first] = group as [Observation];
    const described = [...kinds.values()].map((g) => {
      const o = g[0] as Observation;
      return `${o.written}（${periodLabel(o.period)}，${scopeLabel(o.scope)}${o.time === 'cumulative' ? '，累计' : ''}）`;
    });
    problems.push(problem(first, 'warning', 'scopes-differ', {
      message: `${first.metric} of ${first.unit ?? first.province} is given in ${kinds.size} different scopes or kinds of time: ${described.join('、')}`,
      hint: 'pages show these side by side with the reason and never rank them or state a change between them; check that each row names its scope',
      zh: {
        message: `${names.place(first.province, first.unit)}的${metricName(first, metrics)}有${kinds.size}种不同的口径或时间：${described.join('、')}`,
        hint: '页面把它们并列显示并说明原因，不排名，也不计算变化；请核对每一行是否写明了口径',
      },
    }));
  }
  return problems;
}

export function checkStatedParts(observations: readonly Observation[], metrics: Metrics, names: ZhNames = zhIds): Problem[] {
  const problems: Problem[] = [];
  for (const rows of groupBy(observations, (o) => o.source).values()) {
    const byId = new Map<string, Observation>();
    for (const o of rows) if (o.rowId !== null && !byId.has(o.rowId)) byId.set(o.rowId, o);
    problems.push(...linkProblems(rows, byId), ...partsOverWholes(rows, byId, metrics));
    // The next two group every row of a source; a national source of thousands of plain rows has nothing for them.
    if (rows.some((o) => o.time === 'cumulative')) problems.push(...cumulativeBesidePeriod(rows, metrics));
    if (rows.some((o) => o.undated)) problems.push(...twoValues(rows, metrics, names));
  }
  problems.push(...scopesDiffer(observations.filter((o) => o.unit === null && !isUsual(o)), observations, metrics, names));
  return problems;
}
