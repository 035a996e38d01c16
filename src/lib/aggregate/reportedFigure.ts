/**
 * The figure an observation states, read through the observation itself. A
 * national data set has a million of them: a copy of each observation's fields
 * with a list of its one id took 170 bytes and two objects a figure, this
 * takes 32 bytes and one. Its fields are getters, so a spread (`{...figure}`)
 * copies none of them: build a new figure with `figureFields`.
 */
import type { Figure } from '../schema/figure.ts';
import type { Observation } from '../schema/observation.ts';

/*
 * The mark below is a symbol of the global registry (Symbol.for), and nothing here asks `instanceof`:
 * Astro bundles the page modules with a copy of this module of their own, and the figures they are
 * given were made by the build's copy. A class or a plain symbol of one copy is not the other's, so
 * the pages found no figure's row through it, and looked each up by id.
 */

/**
 * Asks a figure read through one row for that row (observationOf). An observation that answers with
 * itself is also the figure it reports, with the figure's `basis` and `observations` of its own (a
 * unit-return cell, tableCell.ts): aggregation takes it as its figure rather than making a
 * ReportedFigure for it.
 */
export const figureRow = Symbol.for('zongshu: the row a figure is read through');

export class ReportedFigure implements Figure {
  readonly #observation: Observation;

  constructor(observation: Observation) {
    this.#observation = observation;
  }

  get province(): string {
    return this.#observation.province;
  }

  get unit(): string | null {
    return this.#observation.unit;
  }

  get period(): Figure['period'] {
    return this.#observation.period;
  }

  get metric(): string {
    return this.#observation.metric;
  }

  get scope(): string {
    return this.#observation.scope;
  }

  get time(): Figure['time'] {
    return this.#observation.time;
  }

  get undated(): boolean {
    return this.#observation.undated;
  }

  get value(): number {
    return this.#observation.value;
  }

  get qualifier(): Figure['qualifier'] {
    return this.#observation.qualifier;
  }

  get basis(): 'reported' {
    return 'reported';
  }

  /** A new list each time, of the one observation's id. */
  get observations(): string[] {
    return [this.#observation.id];
  }

  /** The observation it is read through. */
  [figureRow](): Observation {
    return this.#observation;
  }

  /** The figure as plain data, as JSON.stringify and page hashes see it. */
  toJSON(): Figure {
    return figureFields(this);
  }
}

function isSelfReported(o: Observation): o is Observation & Figure {
  return observationOf(o as unknown as Figure) === o;
}

/** The figure an observation states: the observation itself where it is one, else read through it. */
export function reportedFigure(o: Observation): Figure {
  return isSelfReported(o) ? o : new ReportedFigure(o);
}

/**
 * The one row a figure states as is, when the figure is read through it or is it (a reported figure,
 * a unit-return cell, a stated ratio): found without looking its id up among a million (most figures
 * of a page). Undefined for any other figure, whose rows are looked up by their ids.
 */
export function observationOf(figure: Figure): Observation | undefined {
  return (figure as { [figureRow]?: () => Observation | undefined })[figureRow]?.();
}

/** A figure's fields in a plain object of its own, for a figure made from another one. */
export function figureFields(f: Figure): Figure {
  return {
    province: f.province,
    unit: f.unit,
    period: f.period,
    metric: f.metric,
    scope: f.scope,
    time: f.time,
    undated: f.undated,
    value: f.value,
    qualifier: f.qualifier,
    basis: f.basis,
    observations: f.observations,
    ...(f.units ? { units: f.units } : {}),
    ...(f.computed ? { computed: f.computed } : {}),
  };
}
