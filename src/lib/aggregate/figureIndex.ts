/** Looks figures up by scope and metric, and lists the series of one metric over periods. */
import { comparePeriods } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Period } from '../schema/period.ts';
import { figureKeyOf } from './figures.ts';

function seriesKey(province: string, unit: string | null, metric: string): string {
  return `${province}|${unit ?? ''}|${metric}`;
}

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

export class FigureIndex {
  readonly #byKey = new Map<string, Figure>();
  readonly #series = new Map<string, Figure[]>();
  readonly #periods = new Map<string, Period>();

  constructor(figures: Iterable<Figure>) {
    for (const figure of figures) {
      this.#byKey.set(figureKeyOf(figure), figure);
      const key = seriesKey(figure.province, figure.unit, figure.metric);
      const series = this.#series.get(key);
      if (series) series.push(figure);
      else this.#series.set(key, [figure]);
      this.#periods.set(figure.period.id, figure.period);
    }
    for (const list of this.#series.values()) list.sort((a, b) => comparePeriods(a.period, b.period));
  }

  /** The figure, or undefined when it was not reported (and could not be derived). */
  get(province: string, unit: string | null, period: Period, metric: string): Figure | undefined {
    return this.#byKey.get(figureKeyOf({ province, unit, period, metric }));
  }

  /** The metric's figures for one committee (unit null) or unit, oldest period first. */
  series(province: string, unit: string | null, metric: string): readonly Figure[] {
    return this.#series.get(seriesKey(province, unit, metric)) ?? [];
  }

  /** Every period that has at least one figure, oldest first. */
  periods(): Period[] {
    return [...this.#periods.values()].sort(comparePeriods);
  }
}
