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

declare const placesBrand: unique symbol;
/** A committee's or unit's places in one period, as FigureMap.placesOf gives them: only the map reads them. */
export type Places = { readonly [placesBrand]: true };

/** Years are below 4096: one number orders periods by end year, then start year. */
const periodKey = (period: Period) => period.end * 4096 + period.start;

export class FigureMap<T> {
  /** In the order places were first set, as a Map iterates. */
  #values: T[] = [];
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
    const { places, number } = this.#room(province, unit, period, slot);
    const at = places.positions[number] as number;
    if (at === 0) {
      this.#values.push(value);
      places.positions[number] = this.#values.length;
    } else {
      this.#values[at - 1] = value;
    }
  }

  /**
   * Sets the value of an empty place and returns undefined; a place that holds a value keeps it, which
   * is returned. As `get` then `set`, with the place looked up once (a store of a million rows does this for each).
   */
  setIfEmpty(province: string, unit: string | null, period: Period, slot: string, value: T): T | undefined {
    const { places, number } = this.#room(province, unit, period, slot);
    const at = places.positions[number] as number;
    if (at !== 0) return this.#values[at - 1];
    this.#values.push(value);
    places.positions[number] = this.#values.length;
    return undefined;
  }

  /**
   * The number of a slot, numbered now if it is new: a unit return files a million cells in the slots of
   * its few dozen columns, numbered once per table (setIfEmptyIn), where each cell's slot was looked up.
   */
  slotNumberOf(slot: string): number {
    let number = this.#slots.get(slot);
    if (number === undefined) {
      number = this.#slots.size;
      this.#slots.set(slot, number);
    }
    return number;
  }

  /**
   * The places of a committee (unit null) or unit in a period, made if need be, for setting values in
   * them by slot number (setIfEmptyIn): the cells of one line of a unit return share them, so they are
   * found once for the line.
   */
  placesOf(province: string, unit: string | null, period: Period): Places {
    return this.#placesOf(province, unit ?? '', period, true) as unknown as Places;
  }

  /** As setIfEmpty, in places placesOf gave and a slot numbered by slotNumberOf. */
  setIfEmptyIn(places: Places, number: number, value: T): T | undefined {
    const held = this.#withRoom(places as unknown as PeriodPlaces, number);
    const at = held.positions[number] as number;
    if (at !== 0) return this.#values[at - 1];
    this.#values.push(value);
    held.positions[number] = this.#values.length;
    return undefined;
  }

  /** The places of a committee or unit and period, made if need be, and the number of a slot, with room for it in them. */
  #room(province: string, unit: string | null, period: Period, slot: string): { places: PeriodPlaces; number: number } {
    const number = this.slotNumberOf(slot);
    return { places: this.#withRoom(this.#placesOf(province, unit ?? '', period, true) as PeriodPlaces, number), number };
  }

  /** The places, with room for slot `number`: places made before the slot was numbered get room for every slot known now. */
  #withRoom(places: PeriodPlaces, number: number): PeriodPlaces {
    if (number >= places.positions.length) {
      const grown = new Int32Array(this.#slots.size);
      grown.set(places.positions);
      places.positions = grown;
    }
    return places;
  }

  get size(): number {
    return this.#values.length;
  }

  /** Every value, in the order their places were first set. */
  values(): readonly T[] {
    return this.#values;
  }

  /**
   * The map read as columns, for passes over a million values with no lookup per value: each
   * committee's (unit null) or unit's places in a period, as `positions` indexed by slot number
   * (`slotNumber`), each position + 1 of a value (`valueAt`) or 0.
   */
  forEachPlaces(visit: (province: string, unit: string | null, period: Period, positions: Int32Array) => void): void {
    for (const [province, byUnit] of this.#places) {
      for (const [unit, byPeriod] of byUnit) for (const { period, positions } of byPeriod.values()) visit(province, unit === '' ? null : unit, period, positions);
    }
  }

  /** The number of a slot, indexing the positions forEachPlaces gives (a slot numbered after some places were made is beyond their length there); undefined for a slot never set. */
  slotNumber(slot: string): number | undefined {
    return this.#slots.get(slot);
  }

  /** Every slot some value was set in. */
  slots(): IterableIterator<string> {
    return this.#slots.keys();
  }

  /** The value at a position forEachPlaces gives (position + 1 of the value, as in `values`). */
  valueAt(position: number): T {
    return this.#values[position - 1] as T;
  }

  /** The values of one slot, wherever they are set, in the order of `values`: read off the places, not from each value. */
  slotValues(slot: string): T[] {
    const number = this.#slots.get(slot);
    if (number === undefined) return [];
    const found: number[] = [];
    for (const byUnit of this.#places.values()) {
      for (const byPeriod of byUnit.values()) {
        for (const { positions } of byPeriod.values()) {
          const at = number < positions.length ? (positions[number] as number) : 0;
          if (at !== 0) found.push(at);
        }
      }
    }
    return found.sort((a, b) => a - b).map((at) => this.#values[at - 1] as T);
  }

  /** Every period some value is set for, once each. */
  periods(): Period[] {
    const periods = new Map<string, Period>();
    for (const byUnit of this.#places.values()) for (const byPeriod of byUnit.values()) for (const { period } of byPeriod.values()) periods.set(period.id, period);
    return [...periods.values()];
  }

  /**
   * The periods in which some unit of a province has its latest value of a slot: for each unit and slot, the latest
   * period with a value there (end year, then start year), once each. Read off the places, slot number by slot number.
   */
  unitsLatestPeriods(province: string): Set<string> {
    const periods = new Set<string>();
    for (const [unit, byPeriod] of this.#places.get(province) ?? []) {
      if (unit === '') continue;
      // By slot number, the latest places with a value there.
      const latest: PeriodPlaces[] = [];
      for (const places of byPeriod.values()) {
        const { positions } = places;
        for (let number = 0; number < positions.length; number++) {
          if (positions[number] === 0) continue;
          const held = latest[number];
          if (!held || periodKey(places.period) > periodKey(held.period)) latest[number] = places;
        }
      }
      for (const places of latest) if (places) periods.add(places.period.id);
    }
    return periods;
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

  /**
   * The same places with each value mapped, made from the places' positions without looking any up:
   * the figures of a million observations, placed as the observations were, instead of each placed
   * again (aggregation of the national set: 1.0 s before this and inOrder, 0.5 s after).
   */
  map<U>(mapped: (value: T) => U): FigureMap<U> {
    const copy = new FigureMap<U>();
    for (const [slot, number] of this.#slots) copy.#slots.set(slot, number);
    for (const [province, byUnit] of this.#places) {
      const units = new Map<string, Map<string, PeriodPlaces>>();
      for (const [unit, byPeriod] of byUnit) {
        const periods = new Map<string, PeriodPlaces>();
        for (const [id, { period, positions }] of byPeriod) periods.set(id, { period, positions: positions.slice() });
        units.set(unit, periods);
      }
      copy.#places.set(province, units);
    }
    copy.#values = this.#values.map((value) => mapped(value));
    return copy;
  }

  /**
   * Every value by province, unit (the committee first), period (by end year, then start year) and the
   * metric of its slot (`metricOf`), ids in locale order; values of one metric's several slots, or of
   * periods alike in both years, in the order they were first set. Read off the places, in that order:
   * nothing is sorted but the names and each committee's or unit's periods (0.4 s of loading the
   * national set when its million figures were sorted).
   */
  inOrder(metricOf: (slot: string) => string): T[] {
    const byLocale = (a: string, b: string) => a.localeCompare(b);
    const metrics = [...new Set([...this.#slots.keys()].map(metricOf))].sort(byLocale);
    const metricRank = new Map(metrics.map((m, rank) => [m, rank]));
    // The slot numbers of each metric, metrics in order.
    const slotsOfMetric = metrics.map((): number[] => []);
    for (const [slot, number] of this.#slots) slotsOfMetric[metricRank.get(metricOf(slot)) as number]?.push(number);
    const values = this.#values;
    const ordered = new Array<T>(values.length);
    let next = 0;
    for (const province of [...this.#places.keys()].sort(byLocale)) {
      const byUnit = this.#places.get(province) as Map<string, Map<string, PeriodPlaces>>;
      for (const unit of [...byUnit.keys()].sort(byLocale)) {
        const periods = [...(byUnit.get(unit) as Map<string, PeriodPlaces>).values()].sort((a, b) => periodKey(a.period) - periodKey(b.period));
        for (let first = 0; first < periods.length; ) {
          let end = first + 1;
          while (end < periods.length && periodKey((periods[end] as PeriodPlaces).period) === periodKey((periods[first] as PeriodPlaces).period)) end++;
          const positions = (periods[first] as PeriodPlaces).positions;
          for (let m = 0; m < slotsOfMetric.length; m++) {
            const slots = slotsOfMetric[m] as number[];
            if (end === first + 1 && slots.length === 1) {
              // The usual case: one period, one slot of the metric.
              const number = slots[0] as number;
              const at = number < positions.length ? (positions[number] as number) : 0;
              if (at !== 0) ordered[next++] = values[at - 1] as T;
              continue;
            }
            const found: number[] = [];
            for (let p = first; p < end; p++) {
              const held = (periods[p] as PeriodPlaces).positions;
              for (const number of slots) {
                const at = number < held.length ? (held[number] as number) : 0;
                if (at !== 0) found.push(at);
              }
            }
            for (const at of found.sort((a, b) => a - b)) ordered[next++] = values[at - 1] as T;
          }
          first = end;
        }
      }
    }
    return ordered;
  }

  /** Position + 1 of the place's value; 0 when the place is empty. */
  #positionOf(province: string, unit: string | null, period: Period, slot: string): number {
    const number = this.#slots.get(slot);
    if (number === undefined) return 0;
    const positions = this.#placesOf(province, unit ?? '', period, false)?.positions;
    return positions && number < positions.length ? (positions[number] as number) : 0;
  }
}
