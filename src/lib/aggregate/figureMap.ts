/**
 * A map from a figure's place (province, unit, period, slot) to anything. A
 * national data set has a million figures and looks each up several times, so
 * the map is built for size:
 * - the slots (a metric id for a figure in the committee's usual scope and
 *   time, a longer key for others: slot.ts) are numbered once for the map;
 * - each committee or unit and period has one small array of positions,
 *   indexed by slot number, instead of a Map of its own (a Map of 80 metrics
 *   takes 3.6 KB, the array 320 bytes);
 * - ids are strings that already exist and keep their hash, so a lookup
 *   allocates nothing;
 * - the places last looked up are remembered: figures come a line, a unit
 *   and a period at a time, and the next one is nearly always of the same
 *   (three Map lookups fewer each, 0.3 s of loading the national set).
 */
import { comparePeriods } from '../period.ts';
import type { Period } from '../schema/period.ts';

/** The places of one committee or unit in one period: position + 1 in the list of values, by slot number; 0 where none. */
interface PeriodPlaces {
  period: Period;
  positions: Int32Array;
}

export class FigureMap<T> {
  /** In the order places were first set, as a Map iterates. */
  readonly #values: T[] = [];
  /** slot → its number, the index into every PeriodPlaces' positions. */
  readonly #slots = new Map<string, number>();
  /** province → unit ('' for the committee itself) → period id → its places. */
  readonly #places = new Map<string, Map<string, Map<string, PeriodPlaces>>>();
  // The places last found or made, with what they were found by: places are never removed, so they stay right.
  #lastProvince = '';
  #lastUnit = '';
  #lastPeriod = '';
  #lastPlaces: PeriodPlaces | undefined;

  /** The places of a committee ('' for `unit`) or unit in a period; made when `make` and there are none. */
  #placesOf(province: string, unit: string, period: Period, make: boolean): PeriodPlaces | undefined {
    if (this.#lastPlaces && this.#lastPeriod === period.id && this.#lastUnit === unit && this.#lastProvince === province) return this.#lastPlaces;
    let byUnit = this.#places.get(province);
    if (!byUnit) {
      if (!make) return undefined;
      byUnit = new Map();
      this.#places.set(province, byUnit);
    }
    let byPeriod = byUnit.get(unit);
    if (!byPeriod) {
      if (!make) return undefined;
      byPeriod = new Map();
      byUnit.set(unit, byPeriod);
    }
    let places = byPeriod.get(period.id);
    if (!places) {
      if (!make) return undefined;
      places = { period, positions: new Int32Array(this.#slots.size) };
      byPeriod.set(period.id, places);
    }
    this.#lastProvince = province;
    this.#lastUnit = unit;
    this.#lastPeriod = period.id;
    this.#lastPlaces = places;
    return places;
  }

  get(province: string, unit: string | null, period: Period, slot: string): T | undefined {
    const at = this.#positionOf(province, unit, period, slot);
    return at === 0 ? undefined : this.#values[at - 1];
  }

  has(province: string, unit: string | null, period: Period, slot: string): boolean {
    return this.#positionOf(province, unit, period, slot) !== 0;
  }

  /** Sets the value of a place; a place set again keeps its position, as in a Map. */
  set(province: string, unit: string | null, period: Period, slot: string, value: T): void {
    let number = this.#slots.get(slot);
    if (number === undefined) {
      number = this.#slots.size;
      this.#slots.set(slot, number);
    }
    const places = this.#placesOf(province, unit ?? '', period, true) as PeriodPlaces;
    if (number >= places.positions.length) {
      // A slot numbered after these places were made: room for every slot known now.
      const grown = new Int32Array(this.#slots.size);
      grown.set(places.positions);
      places.positions = grown;
    }
    const at = places.positions[number] as number;
    if (at === 0) {
      this.#values.push(value);
      places.positions[number] = this.#values.length;
    } else {
      this.#values[at - 1] = value;
    }
  }

  get size(): number {
    return this.#values.length;
  }

  /** Every value, in the order their places were first set. */
  values(): readonly T[] {
    return this.#values;
  }

  /** The values of one slot for one committee (unit null) or unit, oldest period first. */
  series(province: string, unit: string | null, slot: string): T[] {
    const number = this.#slots.get(slot);
    const byPeriod = this.#places.get(province)?.get(unit ?? '');
    if (number === undefined || !byPeriod) return [];
    const found: Array<{ period: Period; value: T }> = [];
    for (const { period, positions } of byPeriod.values()) {
      const at = number < positions.length ? (positions[number] as number) : 0;
      if (at !== 0) found.push({ period, value: this.#values[at - 1] as T });
    }
    return found.sort((a, b) => comparePeriods(a.period, b.period)).map((f) => f.value);
  }

  /** Position + 1 of the place's value; 0 when the place is empty. */
  #positionOf(province: string, unit: string | null, period: Period, slot: string): number {
    const number = this.#slots.get(slot);
    if (number === undefined) return 0;
    const positions = this.#placesOf(province, unit ?? '', period, false)?.positions;
    return positions && number < positions.length ? (positions[number] as number) : 0;
  }
}
