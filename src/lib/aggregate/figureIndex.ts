/** Looks figures up by scope and metric, and lists the series of one metric over periods. */
import { comparePeriods } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Period } from '../schema/period.ts';
import { FigureMap } from './figureMap.ts';
import { slotOf } from './slot.ts';

const indexes = new WeakMap<readonly Figure[], FigureIndex>();

/** One index per list of figures: loading and every page share it instead of building their own. */
export function figureIndexOf(figures: readonly Figure[]): FigureIndex {
  let index = indexes.get(figures);
  if (!index) {
    index = new FigureIndex(figures);
    indexes.set(figures, index);
  }
  return index;
}

/**
 * Sets the index of a list of figures made from a map of the same figures by
 * place, so the index takes that map instead of building its own: aggregation
 * has one anyway, and a national data set has a million figures.
 */
export function indexFiguresBy(figures: readonly Figure[], byPlace: FigureMap<Figure>): FigureIndex {
  const index = new FigureIndex(figures, byPlace);
  indexes.set(figures, index);
  return index;
}

export class FigureIndex {
  readonly #byPlace: FigureMap<Figure>;
  readonly #periods = new Map<string, Period>();

  /** `byPlace`: the same figures by place, when the caller has them so. */
  constructor(figures: Iterable<Figure>, byPlace?: FigureMap<Figure>) {
    this.#byPlace = byPlace ?? new FigureMap<Figure>();
    if (!byPlace) for (const figure of figures) this.#byPlace.set(figure.province, figure.unit, figure.period, slotOf(figure), figure);
    for (const period of this.#byPlace.periods()) this.#periods.set(period.id, period);
  }

  /**
   * The figure, or undefined when it was not reported (and could not be derived). A metric id
   * finds the figure of the committee's usual scope and time; another slot (slot.ts) finds
   * a figure of another scope, a running total or an undated one.
   */
  get(province: string, unit: string | null, period: Period, slot: string): Figure | undefined {
    return this.#byPlace.get(province, unit, period, slot);
  }

  /**
   * The figures of one slot (a metric id: its usual figures) for one committee (unit null) or unit,
   * oldest period first. Made when asked: pages ask for the committees' series, and keeping one list
   * for each unit and metric of a national data set took 200,000 arrays.
   */
  series(province: string, unit: string | null, slot: string): readonly Figure[] {
    return this.#byPlace.series(province, unit, slot);
  }

  /** The periods in which some unit of a province has its latest figure of a slot (ids): a unit page sets those beside its committee's. */
  unitsLatestPeriods(province: string): Set<string> {
    return this.#byPlace.unitsLatestPeriods(province);
  }

  /** Every period that has at least one figure, oldest first. */
  periods(): Period[] {
    return [...this.#periods.values()].sort(comparePeriods);
  }
}
