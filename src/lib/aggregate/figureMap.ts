/**
 * A map from a figure's place (province, unit, period, slot) to anything, in
 * nested maps of ids instead of one map of joined key strings. A data set has
 * a million figures and is looked up several times per figure: the ids are
 * strings that already exist and keep their hash, so a lookup allocates
 * nothing, where a joined key costs two new strings each time and a million
 * of them stay on the heap. The slot is the metric id for a figure in the
 * committee's usual scope and time, and a longer key for others (slot.ts).
 */
import { entryOf } from '../maps.ts';
import type { Period } from '../schema/period.ts';

/** slot → position in the list of values. */
type ByMetric = Map<string, number>;

export class FigureMap<T> {
  /** In the order places were first set, as a Map iterates. */
  readonly #values: T[] = [];
  /** province → unit ('' for the committee itself) → period id → slot → position in #values. */
  readonly #positions = new Map<string, Map<string, Map<string, ByMetric>>>();

  get(province: string, unit: string | null, period: Period, metric: string): T | undefined {
    const at = this.#positions.get(province)?.get(unit ?? '')?.get(period.id)?.get(metric);
    return at === undefined ? undefined : this.#values[at];
  }

  has(province: string, unit: string | null, period: Period, metric: string): boolean {
    return this.#positions.get(province)?.get(unit ?? '')?.get(period.id)?.has(metric) ?? false;
  }

  /** Sets the value of a place; a place set again keeps its position, as in a Map. */
  set(province: string, unit: string | null, period: Period, metric: string, value: T): void {
    const byMetric = this.#byMetric(province, unit ?? '', period.id);
    const at = byMetric.get(metric);
    if (at === undefined) {
      byMetric.set(metric, this.#values.length);
      this.#values.push(value);
    } else {
      this.#values[at] = value;
    }
  }

  get size(): number {
    return this.#values.length;
  }

  /** Every value, in the order their places were first set. */
  values(): readonly T[] {
    return this.#values;
  }

  #byMetric(province: string, unit: string, period: string): ByMetric {
    const byUnit = entryOf(this.#positions, province, () => new Map());
    const byPeriod = entryOf(byUnit, unit, () => new Map());
    return entryOf(byPeriod, period, () => new Map());
  }
}
