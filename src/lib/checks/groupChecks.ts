/**
 * The checks of a data set's rows and figures (stated ratios, parts and wholes, measure words,
 * stated parts), run committee by committee. Each looks within one committee's data: a part and
 * its whole, a unit and its committee's total, the rows of one source. So the problems of a
 * province depend on its rows, the catalog and the code alone, and a build can keep them and take
 * them again while those are unchanged (`GroupCheckCache`): over the national set these checks take
 * 1 s of every build, where one province's take a thirtieth of it.
 *
 * A source whose rows name more than one province (the loader warns of it: source-province) ties
 * those provinces into one group, since its rows are checked together. Problems are listed check by
 * check, and within a check group by group, in the order of the groups' first province id.
 */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { checkMeasureWords } from './measureWords.ts';
import { checkPartsAndWholes } from './partsAndWholes.ts';
import { checkStatedParts } from './statedParts.ts';
import { checkStatedRatios } from './statedRatios.ts';
import type { ZhNames } from './zhNames.ts';

/** Problems of one group, one list per check in the order `groupChecks` runs them. */
export type GroupProblems = Problem[][];

/** The checks run on a group, in the order their problems are listed. */
export const checkCount = 4;

/** Problems kept from an earlier build, by a key the caller makes of what the group's checks read. */
export interface GroupCheckCache {
  /** The key of a group, from its provinces (sorted): a digest of their rows with the catalog and the code. */
  key(provinces: readonly string[]): string;
  get(key: string): GroupProblems | undefined;
  set(key: string, problems: GroupProblems): void;
}

/** Provinces whose rows are checked together, each group sorted, the groups by their first province. */
export function checkGroups(observations: readonly Observation[]): string[][] {
  const parent = new Map<string, string>();
  const root = (province: string): string => {
    let at = province;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(province, at);
    return at;
  };
  const sourceProvince = new Map<string, string>();
  let lastSource = '';
  let lastProvince = '';
  for (const o of observations) {
    const { source, province } = o;
    // A unit return's eighty cells a line, and an article's rows, come one source and province at a time.
    if (source === lastSource && province === lastProvince) continue;
    lastSource = source;
    lastProvince = province;
    if (!parent.has(province)) parent.set(province, province);
    const first = sourceProvince.get(source);
    if (first === undefined) sourceProvince.set(source, province);
    else if (first !== province) {
      const [a, b] = [root(first), root(province)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, string[]>();
  for (const province of parent.keys()) {
    const at = root(province);
    const group = groups.get(at);
    if (group) group.push(province);
    else groups.set(at, [province]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
}

/** The problems of one group, from its figures and rows (each in the data set's order). */
function checkGroup(figures: readonly Figure[], index: FigureIndex, metrics: readonly Metric[], metricById: ReadonlyMap<string, Metric>, observations: readonly Observation[], names: ZhNames): GroupProblems {
  return [
    checkStatedRatios(figures, index, metrics, observations, names),
    checkPartsAndWholes(figures, index, metrics, observations, names),
    checkMeasureWords(observations, metricById),
    checkStatedParts(observations, metricById, names),
  ];
}

/** `groups.get`, remembering the last province asked for. */
function lastGroup(groups: ReadonlyMap<string, number>): (province: string) => number | undefined {
  let last: string | undefined;
  let group: number | undefined;
  return (province) => {
    if (province !== last) {
      last = province;
      group = groups.get(province);
    }
    return group;
  };
}

/**
 * The problems of every group: kept ones as `cache` has them, the others checked (and kept). The
 * figures and rows of a group are picked out only when it is checked.
 */
export function checkByGroup(figures: readonly Figure[], index: FigureIndex, metrics: readonly Metric[], observations: readonly Observation[], names: ZhNames, cache?: GroupCheckCache): Problem[] {
  const groups = checkGroups(observations);
  const keys = groups.map((provinces) => cache?.key(provinces));
  const found: Array<GroupProblems | undefined> = keys.map((key) => (key === undefined ? undefined : cache?.get(key)));
  // The groups to check, by each of their provinces.
  const toCheck = new Map<string, number>();
  groups.forEach((provinces, g) => {
    if (!found[g]) for (const province of provinces) toCheck.set(province, g);
  });
  if (toCheck.size > 0) {
    const groupFigures = groups.map((): Figure[] => []);
    const groupRows = groups.map((): Observation[] => []);
    // Figures and rows come a province at a time: its group is looked up when the province changes, not for each of two million.
    const groupOf = lastGroup(toCheck);
    for (const f of figures) {
      const g = groupOf(f.province);
      if (g !== undefined) groupFigures[g]?.push(f);
    }
    for (const o of observations) {
      const g = groupOf(o.province);
      if (g !== undefined) groupRows[g]?.push(o);
    }
    const metricById = new Map(metrics.map((m) => [m.id, m]));
    for (const g of new Set(toCheck.values())) {
      const problems = checkGroup(groupFigures[g] ?? [], index, metrics, metricById, groupRows[g] ?? [], names);
      found[g] = problems;
      const key = keys[g];
      if (key !== undefined) cache?.set(key, problems);
    }
  }
  const problems: Problem[] = [];
  for (let check = 0; check < checkCount; check++) for (const group of found) for (const problem of group?.[check] ?? []) problems.push(problem);
  return problems;
}
