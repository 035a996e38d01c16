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
import { periodLabel } from '../period.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';

type Metrics = ReadonlyMap<string, Metric>;

const rangeOf = (o: Observation): Bounds => bounds(o.value, o.qualifier, o.step);
const at = (o: Observation) => `${o.at.file}:${o.at.line}`;

function problem(o: Observation, severity: Problem['severity'], code: string, message: string, hint: string): Problem {
  return { severity, code, file: o.at.file, line: o.at.line, column: o.at.column, message, hint };
}

/** Row ids unique within their source, and `part_of` leading to a row of the same source without a loop. */
function linkProblems(rows: readonly Observation[], byId: ReadonlyMap<string, Observation>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Observation>();
  for (const o of rows) {
    if (o.rowId === null) continue;
    const first = seen.get(o.rowId);
    if (first) problems.push(problem(o, 'error', 'duplicate-row-id', `row id ${quoted(o.rowId)} is already used at ${at(first)} for source ${o.source}`, 'give each row of a source its own id'));
    else seen.set(o.rowId, o);
  }
  for (const o of rows) {
    if (o.partOf === null) continue;
    if (o.partOf === o.rowId) {
      problems.push(problem(o, 'error', 'part-of-itself', `part_of ${quoted(o.partOf)} names this row itself`, 'name the row of the whole this figure is counted within'));
      continue;
    }
    if (!byId.has(o.partOf)) {
      problems.push(problem(o, 'error', 'unknown-part-of', `part_of ${quoted(o.partOf)} names no row of source ${o.source}`, `give the whole's row the id ${quoted(o.partOf)} in its id column, or correct part_of`));
      continue;
    }
    const visited = new Set<Observation>([o]);
    for (let next = byId.get(o.partOf); next?.partOf; next = byId.get(next.partOf)) {
      if (visited.has(next)) {
        problems.push(problem(o, 'error', 'part-of-loop', `part_of of this row leads back to itself (${[...visited].map((v) => v.rowId ?? at(v)).join(' → ')})`, 'a part is counted within a whole, never the other way round'));
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
      problems.push(problem(p, 'warning', 'stated-part-exceeds-whole', `${p.metric} ${shown(p, metrics)} is counted within ${whole.metric} ${shown(whole, metrics)} (row ${at(whole)}), but is larger than it`, 'the text says it is part of the whole: check both figures against the text; if the text says so, keep both and say so in the note'));
    }
    if (over.length === 0 && alike.length > 1 && surelyExceeds(sumBounds(alike.map(rangeOf)), rangeOf(whole))) {
      const total = alike.reduce((s, p) => s + p.value, 0);
      problems.push(problem(whole, 'warning', 'stated-parts-exceed-whole', `the ${alike.length} parts of ${whole.metric} ${shown(whole, metrics)} (${alike.map((p) => shown(p, metrics)).join(' + ')}) add up to ${total}, more than the whole`, 'the text lists them as parts of this figure: check them against the text; if the text says so, keep them all and say so in the note'));
    }
  }
  return problems;
}

/** A running total of a text no larger than a period's flow of the same metric and scope in the same text. */
function cumulativeBesidePeriod(rows: readonly Observation[]): Problem[] {
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
        problems.push(problem(total, 'warning', 'cumulative-not-above-period', `${total.metric} ${total.written} is given as a running total (${scopeLabel(total.scope)}), and ${flow.written} for ${periodLabel(flow.period)} (${scopeLabel(flow.scope)}, row ${at(flow)}): a running total is not larger than one period's figure`, 'the text gives the number both ways: check which it means; pages show both and compare neither'));
      }
    }
  }
  return problems;
}

/** One quantity given twice by one text, with different values: same metric, committee or unit, scope and period, once dated and once not. */
function twoValues(rows: readonly Observation[]): Problem[] {
  const problems: Problem[] = [];
  const groups = groupBy(rows, (o) => `${o.province}|${o.unit ?? ''}|${o.metric}|${o.scope}|${o.time}|${o.period.id}`);
  for (const group of groups.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const other of rest) {
      if (other.value === first.value && other.qualifier === first.qualifier) continue;
      problems.push(problem(other, 'warning', 'two-values', `${other.metric} of ${other.unit ?? other.province} for ${periodLabel(other.period)} is ${other.written} here and ${first.written} at ${at(first)}, in the same source`, 'one text gives two values for one quantity: keep both as written, and say in the notes which sentence each comes from'));
    }
  }
  return problems;
}

/** Figures of one metric and committee or unit in different scopes or kinds of time: shown side by side, never compared. */
function scopesDiffer(apart: readonly Observation[], all: readonly Observation[]): Problem[] {
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
    problems.push(problem(first, 'warning', 'scopes-differ', `${first.metric} of ${first.unit ?? first.province} is given in ${kinds.size} different scopes or kinds of time: ${described.join('、')}`, 'pages show these side by side with the reason and never rank them or state a change between them; check that each row names its scope'));
  }
  return problems;
}

export function checkStatedParts(observations: readonly Observation[], metrics: Metrics): Problem[] {
  const problems: Problem[] = [];
  for (const rows of groupBy(observations, (o) => o.source).values()) {
    const byId = new Map<string, Observation>();
    for (const o of rows) if (o.rowId !== null && !byId.has(o.rowId)) byId.set(o.rowId, o);
    problems.push(...linkProblems(rows, byId), ...partsOverWholes(rows, byId, metrics));
    // The next two group every row of a source; a national source of thousands of plain rows has nothing for them.
    if (rows.some((o) => o.time === 'cumulative')) problems.push(...cumulativeBesidePeriod(rows));
    if (rows.some((o) => o.undated)) problems.push(...twoValues(rows));
  }
  problems.push(...scopesDiffer(observations.filter((o) => o.unit === null && !isUsual(o)), observations));
  return problems;
}
