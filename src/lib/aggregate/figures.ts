/**
 * From observations to the figures pages show:
 * 1. every observation is a reported figure;
 * 2. a committee total that was not reported is summed from its units' figures
 *    (flows and stocks only);
 * 3. a ratio is computed from its numerator and denominator wherever both are
 *    known; where the review states the ratio, the stated value is the figure's
 *    and the computed one stands beside it, never in its place.
 * Only figures in their metric's own slot (the usual scope, dated, not a running
 * total) are summed or divided: a figure of another scope is shown as stated.
 */
import { hasParts, type Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Figure } from '../schema/figure.ts';
import { indexFiguresBy } from './figureIndex.ts';
import { FigureMap } from './figureMap.ts';
import { figureFields, observationOf, reportedFigure } from './reportedFigure.ts';
import { StatedRatio } from './statedRatio.ts';
import { combineQualifiers, quotientQualifier } from './qualifiers.ts';
import { isUsual, metricOfSlot, slotOf } from './slot.ts';
import { entryOf } from '../maps.ts';
import type { Period } from '../schema/period.ts';
import { placedObservations } from '../ingest/observationStore.ts';

/** Digits after the decimal point as JavaScript writes the number (0 for 76, 2 for 312.85). */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const written = String(value);
  const dot = written.indexOf('.');
  return dot < 0 ? 0 : written.length - dot - 1;
}

/** Sums digit-exactly enough for counts and 万元 with a few decimals. */
function sum(values: readonly number[]): number {
  let decimals = 0;
  for (const v of values) decimals = Math.max(decimals, decimalsOf(v));
  const scale = 10 ** Math.min(decimals, 10);
  return values.reduce((total, v) => total + Math.round(v * scale), 0) / scale;
}

/** The observations behind figures, in order; a plain loop, as flatMap is slow over a million figures. */
function observationsOf(figures: readonly Figure[]): string[] {
  const ids: string[] = [];
  for (const f of figures) ids.push(...f.observations);
  return ids;
}

/**
 * The unit figures of each committee total that was not reported, by province, period and slot, each
 * group's figures in the order of `figures.values()`, the groups in the order of their first figure.
 * Read off the map's places a line at a time (forEachPlaces), not from each of a million figures.
 */
function unitGroups(figures: FigureMap<Figure>, metrics: Map<string, Metric>): Figure[][] {
  // The usual slot (the metric id) of every metric that is summed: a ratio is never.
  const summed: Array<{ slot: string; number: number }> = [];
  for (const slot of figures.slots()) {
    const number = figures.slotNumber(slot) as number;
    if (slot === metricOfSlot(slot) && metrics.get(slot)?.kind !== 'ratio') summed.push({ slot, number });
  }
  // Positions of the units' figures by province and period id, each a list per slot number.
  const byPlace = new Map<string, Map<string, { period: Period; bySlot: number[][] }>>();
  let held: { province: string; period: string; bySlot: number[][] } | undefined;
  figures.forEachPlaces((province, unit, period, positions) => {
    if (unit === null) return;
    if (held?.province !== province || held.period !== period.id) {
      const periods = entryOf(byPlace, province, () => new Map<string, { period: Period; bySlot: number[][] }>());
      held = { province, period: period.id, bySlot: entryOf(periods, period.id, () => ({ period, bySlot: [] })).bySlot };
    }
    for (const { number } of summed) {
      const at = number < positions.length ? (positions[number] as number) : 0;
      if (at !== 0) (held.bySlot[number] ??= []).push(at);
    }
  });
  const groups: number[][] = [];
  for (const [province, periods] of byPlace) {
    for (const { period, bySlot } of periods.values()) {
      for (const { slot, number } of summed) {
        const positions = bySlot[number];
        if (positions && !figures.has(province, null, period, slot)) groups.push(positions.sort((a, b) => a - b));
      }
    }
  }
  return groups.sort((a, b) => (a[0] as number) - (b[0] as number)).map((positions) => positions.map((at) => figures.valueAt(at)));
}

function unitSums(figures: FigureMap<Figure>, metrics: Map<string, Metric>): Figure[] {
  return unitGroups(figures, metrics).map((parts) => {
    const first = parts[0] as Figure;
    const sorted = parts.sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? ''));
    return {
      province: first.province,
      unit: null,
      period: first.period,
      metric: first.metric,
      scope: '',
      time: first.time,
      undated: false,
      value: sum(sorted.map((p) => p.value)),
      qualifier: combineQualifiers(sorted.map((p) => p.qualifier)),
      basis: 'sum_of_units',
      observations: observationsOf(sorted),
      units: sorted.map((p) => p.unit as string),
    };
  });
}

/** Parts summed from different sets of units would make a meaningless ratio. */
function sameCoverage(a: Figure, b: Figure): boolean {
  return (a.units ?? []).join('|') === (b.units ?? []).join('|');
}

/**
 * Numerator and denominator of a committee ratio summed over the units that
 * report both, when each part's sum covers other units too: the ratio of the
 * units that can be compared, never parts from different units.
 */
function matchedSums(figures: FigureMap<Figure>, numerator: Figure, denominator: Figure): [Figure, Figure] | undefined {
  const denominatorUnits = new Set(denominator.units);
  const both = (numerator.units ?? []).filter((u) => denominatorUnits.has(u));
  if (both.length === 0) return undefined;
  const partsOf = (total: Figure) => both.map((unit) => figures.get(total.province, unit, total.period, total.metric)).filter((f): f is Figure => f !== undefined);
  const sumOver = (total: Figure): Figure => {
    const parts = partsOf(total);
    return { ...figureFields(total), value: sum(parts.map((p) => p.value)), qualifier: combineQualifiers(parts.map((p) => p.qualifier)), observations: observationsOf(parts), units: both };
  };
  return [sumOver(numerator), sumOver(denominator)];
}

/** The numerator and denominator of a ratio, where both are known in the same coverage of units and the denominator is not 0. */
function ratioParts(figures: FigureMap<Figure>, metric: Metric, found: Figure): readonly [Figure, Figure] | undefined {
  const foundDenominator = figures.get(found.province, found.unit, found.period, metric.denominator);
  if (!foundDenominator || !isUsual(foundDenominator)) return undefined;
  const parts = sameCoverage(found, foundDenominator) ? ([found, foundDenominator] as const) : matchedSums(figures, found, foundDenominator);
  return parts && parts[1].value !== 0 ? parts : undefined;
}

/** A ratio of its parts. */
function computedRatio(metric: Metric, numerator: Figure, denominator: Figure): Figure {
  return {
    province: numerator.province,
    unit: numerator.unit,
    period: numerator.period,
    metric: metric.id,
    scope: '',
    time: 'stock',
    undated: false,
    value: numerator.value / denominator.value,
    qualifier: quotientQualifier(numerator.qualifier, denominator.qualifier),
    basis: 'ratio_of_parts',
    observations: [...numerator.observations, ...denominator.observations],
    // Parts summed from units make the ratio of those units alone, not of the committee: it goes only with ratios of the same units.
    ...(numerator.units ? { units: numerator.units } : {}),
  };
}

/**
 * Ratios computed from their parts. Where the ratio is also stated, the stated figure is the one
 * returned, with the computed value beside it (statedRatio.ts): the review's own number is what pages show.
 */
function ratioFigures(figures: FigureMap<Figure>, ratios: readonly Metric[]): Figure[] {
  const result: Figure[] = [];
  for (const metric of ratios) {
    // The numerator's figures in its usual slot, in the order of `figures`, read off the places.
    for (const found of figures.slotValues(metric.numerator)) {
      const parts = ratioParts(figures, metric, found);
      if (!parts) continue;
      const [numerator, denominator] = parts;
      const stated = figures.get(found.province, found.unit, found.period, metric.id);
      if (!stated || stated.basis !== 'reported') result.push(computedRatio(metric, numerator, denominator));
      else result.push(new StatedRatio(stated, observationOf(stated)?.step ?? 0, numerator, denominator));
    }
  }
  return result;
}

export function aggregateFigures(observations: readonly Observation[], metrics: readonly Metric[]): Figure[] {
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const placed = placedObservations(observations);
  const figures = placed ? placed.map(reportedFigure) : new FigureMap<Figure>();
  const add = (f: Figure) => figures.set(f.province, f.unit, f.period, slotOf(f), f);
  if (!placed) for (const o of observations) add(reportedFigure(o));
  for (const total of unitSums(figures, metricById)) add(total);
  for (const ratio of ratioFigures(figures, metrics.filter(hasParts))) add(ratio);
  const sorted = figures.inOrder(metricOfSlot);
  indexFiguresBy(sorted, figures);
  return sorted;
}
