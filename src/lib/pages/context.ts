/**
 * Indexes every page-data function shares, built once per build: figures by
 * key, metrics, observations, names, and the list of reviews.
 */
import { entryOf, groupBy } from '../maps.ts';
import { figureIndexOf, type FigureIndex } from '../aggregate/figureIndex.ts';
import { slotOf } from '../aggregate/slot.ts';
import { rowsById, type RowsById } from '../narrativeFigure.ts';
import { observationLookup, type ObservationLookup } from '../observationLookup.ts';
import { comparePeriods, periodWithin } from '../period.ts';
import type { DataSet } from '../schema/dataSet.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Narrative } from '../schema/narrative.ts';
import type { Observation } from '../schema/observation.ts';
import type { Period } from '../schema/period.ts';
import type { Province } from '../schema/province.ts';
import type { Source } from '../schema/source.ts';
import type { Unit } from '../schema/unit.ts';

/** One review (综述): a province and the period an article covers, with its sources and narrative. */
export interface Review {
  province: Province;
  period: Period;
  sources: Source[];
  narrative: Narrative | undefined;
}

export interface PageContext {
  dataSet: DataSet;
  figures: FigureIndex;
  metrics: Map<string, Metric>;
  /** Dictionary order, which pages follow when they list metrics. */
  metricOrder: Map<string, number>;
  /** Rows by id, for figures that name theirs (sums, ratios of parts); a reported figure holds its own (observationOf). */
  observations: ObservationLookup;
  provinces: Map<string, Province>;
  sources: Map<string, Source>;
  /** Units by `province/unit`. */
  units: Map<string, Unit>;
  reviews: Review[];
  /** Committee figures by province id. */
  committeeFigures: Map<string, Figure[]>;
  /** Unit figures by `province/unit`. */
  unitFigures: Map<string, Figure[]>;
  /** Observations by source id, in file order. */
  observationsBySource: Map<string, Observation[]>;
  /** Rows with an id by `source#id`, for narratives' `{{#row}}` placeholders. */
  rowsById: RowsById;
  /** Unit figures by `province|period|slot` (slot.ts): the units a unit is set against. */
  unitPeers: Map<string, Figure[]>;
}

const peersKeyOf = (province: string, periodId: string, slot: string) => `${province}|${periodId}|${slot}`;
export const peersKey = (province: string, period: Period, slot: string) => peersKeyOf(province, period.id, slot);

function reviewsOf(dataSet: DataSet, provinces: Map<string, Province>): Review[] {
  const reviews = new Map<string, Review>();
  const reviewFor = (provinceId: string, period: Period): Review | undefined => {
    const province = provinces.get(provinceId);
    if (!province) return undefined;
    const key = `${provinceId}/${period.id}`;
    const review = reviews.get(key) ?? { province, period, sources: [], narrative: undefined };
    reviews.set(key, review);
    return review;
  };
  for (const source of dataSet.sources) reviewFor(source.province, source.period)?.sources.push(source);
  for (const narrative of dataSet.narratives) {
    const review = reviewFor(narrative.province, narrative.period);
    if (review) review.narrative = narrative;
  }
  return [...reviews.values()].sort(
    (a, b) => a.province.id.localeCompare(b.province.id) || comparePeriods(b.period, a.period),
  );
}

/**
 * The figures by committee, by unit and by the units' peers, in one pass over the million figures of
 * a national set. The figures come by province, unit and period (FigureMap.inOrder), so the lists of
 * the last committee or unit and period are held and most figures go straight into them (looked up
 * for each figure, they made the national set's page context 0.1-0.2 s slower).
 */
function figureGroups(figures: readonly Figure[]): Pick<PageContext, 'committeeFigures' | 'unitFigures' | 'unitPeers'> {
  const committeeFigures = new Map<string, Figure[]>();
  const unitFigures = new Map<string, Figure[]>();
  const unitPeers = new Map<string, Figure[]>();
  /** A province's and period's peer lists by slot, by `province|period`; each list also in unitPeers under its key. */
  const peerSlots = new Map<string, Map<string, Figure[]>>();
  let held: { province: string; unit: string | null; list: Figure[] } | undefined;
  let heldPeers: { province: string; period: string; bySlot: Map<string, Figure[]> } | undefined;
  for (const f of figures) {
    const { province, unit, period } = f;
    if (held?.province !== province || held.unit !== unit) {
      const [groups, key] = unit === null ? [committeeFigures, province] : [unitFigures, `${province}/${unit}`];
      held = { province, unit, list: entryOf(groups, key, (): Figure[] => []) };
    }
    held.list.push(f);
    if (unit === null) continue;
    if (heldPeers?.province !== province || heldPeers.period !== period.id) {
      const bySlot = entryOf(peerSlots, `${province}|${period.id}`, () => new Map<string, Figure[]>());
      heldPeers = { province, period: period.id, bySlot };
    }
    const slot = slotOf(f);
    let peers = heldPeers.bySlot.get(slot);
    if (!peers) {
      heldPeers.bySlot.set(slot, (peers = []));
      unitPeers.set(peersKeyOf(province, period.id, slot), peers);
    }
    peers.push(f);
  }
  return { committeeFigures, unitFigures, unitPeers };
}

export function pageContext(dataSet: DataSet): PageContext {
  const provinces = new Map(dataSet.provinces.map((p) => [p.id, p]));
  return {
    dataSet,
    figures: figureIndexOf(dataSet.figures),
    metrics: new Map(dataSet.metrics.map((m) => [m.id, m])),
    metricOrder: new Map(dataSet.metrics.map((m, i) => [m.id, i])),
    observations: observationLookup(dataSet.observations),
    provinces,
    sources: new Map(dataSet.sources.map((s) => [s.id, s])),
    units: new Map(dataSet.units.map((u) => [`${u.province}/${u.id}`, u])),
    reviews: reviewsOf(dataSet, provinces),
    ...figureGroups(dataSet.figures),
    observationsBySource: groupBy(dataSet.observations, (o) => o.source),
    rowsById: rowsById(dataSet.observations),
  };
}

/** A list's figures in runs of one period, as positions from and to: a committee's or unit's list comes period after period. */
interface PeriodRun {
  period: Period;
  from: number;
  to: number;
}

const runsHeld = new WeakMap<readonly Figure[], PeriodRun[]>();

/**
 * The figures of a list (a committee's or a unit's) whose period lies within `period`, in the list's order. Each run of
 * one period is looked at once, not each figure: a review lists its province's 80 units, each with 400 figures of ten
 * periods (0.25 s of the page data of 310 reviews made again). A list not in runs is right too, only slower.
 */
export function figuresWithin(figures: readonly Figure[], period: Period): Figure[] {
  let runs = runsHeld.get(figures);
  // The lists of a context are not changed once made; one that grew is looked at again.
  if (runs?.at(-1)?.to !== figures.length) {
    const made: PeriodRun[] = [];
    figures.forEach((f, at) => {
      const last = made.at(-1);
      if (last?.period === f.period) last.to = at + 1;
      else made.push({ period: f.period, from: at, to: at + 1 });
    });
    runsHeld.set(figures, (runs = made));
  }
  const found: Figure[] = [];
  for (const run of runs) if (periodWithin(run.period, period)) for (let at = run.from; at < run.to; at++) found.push(figures[at] as Figure);
  return found;
}

/** The committee figures of a review: every figure of the province whose period lies within the review's. */
export function reviewFigures(context: PageContext, review: Review): Figure[] {
  return figuresWithin(context.committeeFigures.get(review.province.id) ?? [], review.period);
}

/**
 * The figures by dictionary order (metrics.csv), then period (end year, then start year), a new list; figures
 * alike in both keep their order. Figures are put in a list per metric, in the order given, and only a list
 * whose periods are out of order is sorted (stably): a unit's figures come a return at a time, period after
 * period, so its lists are nearly always in order already. Sorting a unit's 400 figures as one list, even with
 * keys made once, took 0.3 s of the national set's 2,480 unit pages.
 */
export function inMetricThenPeriodOrder(context: PageContext, figures: readonly Figure[]): Figure[] {
  const byRank = new Map<number, Figure[]>();
  for (const f of figures) {
    const rank = context.metricOrder.get(f.metric) ?? 0;
    const list = byRank.get(rank);
    if (list) list.push(f);
    else byRank.set(rank, [f]);
  }
  const ordered: Figure[] = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const list = byRank.get(rank) as Figure[];
    let inOrder = true;
    for (let i = 1; i < list.length && inOrder; i++) inOrder = periodOrder(list[i - 1] as Figure, list[i] as Figure) <= 0;
    if (!inOrder) list.sort(periodOrder);
    for (const f of list) ordered.push(f);
  }
  return ordered;
}

const periodOrder = (a: Figure, b: Figure): number => comparePeriods(a.period, b.period);

/** The latest committee figure of a province for a metric (latest end year; the shorter period on a tie). */
export function latestFigure(context: PageContext, provinceId: string, metricId: string): Figure | undefined {
  // Each review sets its figures beside every other province's latest: 310 reviews × 45 metrics × 30 provinces at national scale.
  // By province, then metric: no key string is made for each of those 418k questions.
  let byProvince = latestHeld.get(context);
  if (!byProvince) latestHeld.set(context, (byProvince = new Map()));
  let ofProvince = byProvince.get(provinceId);
  if (!ofProvince) byProvince.set(provinceId, (ofProvince = new Map()));
  if (ofProvince.has(metricId)) return ofProvince.get(metricId);
  const series = context.figures.series(provinceId, null, metricId);
  const latest = [...series].sort((a, b) => b.period.end - a.period.end || a.period.years - b.period.years)[0];
  ofProvince.set(metricId, latest);
  return latest;
}

const latestHeld = new WeakMap<PageContext, Map<string, Map<string, Figure | undefined>>>();

const latestOfMetric = new WeakMap<PageContext, Map<string, ReadonlyArray<{ province: Province; figure: Figure }>>>();

/** Each reporting province's latest committee figure of a metric, in the order of provinces.csv; a province without one is left out. */
export function latestFigures(context: PageContext, metricId: string): ReadonlyArray<{ province: Province; figure: Figure }> {
  // Asked by every review of every metric it reports (310 × 45 at national scale): made once per metric.
  const held = entryOf(latestOfMetric, context, () => new Map<string, ReadonlyArray<{ province: Province; figure: Figure }>>());
  return entryOf(held, metricId, () =>
    reportingProvinces(context).flatMap((province) => {
      const figure = latestFigure(context, province.id, metricId);
      return figure ? [{ province, figure }] : [];
    }),
  );
}

/** Provinces that have at least one figure: the set comparisons are made within. */
export function reportingProvinces(context: PageContext): Province[] {
  return context.dataSet.provinces.filter((p) => (context.committeeFigures.get(p.id)?.length ?? 0) > 0);
}
