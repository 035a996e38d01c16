/**
 * The figure an observation states, read through the observation itself. A
 * national data set has a million of them: a copy of each observation's fields
 * with a list of its one id took 170 bytes and two objects a figure, this
 * takes 32 bytes and one. Its fields are getters, so a spread (`{...figure}`)
 * copies none of them: build a new figure with `figureFields`.
 */
import type { Figure } from '../schema/figure.ts';
import type { Observation } from '../schema/observation.ts';

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

  /** The observation a reported figure is read through. */
  static observationOf(figure: ReportedFigure): Observation {
    return figure.#observation;
  }

  /** The figure as plain data, as JSON.stringify and page hashes see it. */
  toJSON(): Figure {
    return figureFields(this);
  }
}

/**
 * The one row a figure states as is, when the figure is read through it: found without looking its
 * id up among a million (most figures of a page). Undefined for any other figure, whose rows are
 * looked up by their ids.
 */
export function observationOf(figure: Figure): Observation | undefined {
  return figure instanceof ReportedFigure ? ReportedFigure.observationOf(figure) : undefined;
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
