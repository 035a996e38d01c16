/**
 * A ratio the review states whose parts are known too: the stated figure, with
 * the value its numerator and denominator give beside it (`computed`), never in
 * its place. A national data set has about 88,000 of them, nearly all a unit's
 * share. As a copy of the stated figure with `computed` and its ids set on it,
 * each took about 590 bytes (three ids made and kept, two lists, two objects);
 * held as the three figures it is made of, it takes 56, and what it shows is
 * worked out when asked, from the same parts, the same way.
 *
 * Its fields are getters, as in ReportedFigure: a spread copies none of them.
 */
import type { Figure } from '../schema/figure.ts';
import type { Observation } from '../schema/observation.ts';
import { figureFields, figureRow, observationOf } from './reportedFigure.ts';
import { quotientQualifier } from './qualifiers.ts';

/**
 * Does the computed share round to the stated one? `step` is the precision of
 * the stated figure (0.01 for 89%), so 89% covers 88.5%-89.5%. A stated bound
 * (80%以上, 近90%) agrees when the computed value lies on its side.
 */
export function ratioAgrees(stated: { value: number; qualifier: Figure['qualifier'] }, step: number, computed: number): boolean {
  const half = step / 2 + 1e-12;
  if (stated.qualifier === 'more_than') return computed >= stated.value - half;
  if (stated.qualifier === 'nearly') return computed <= stated.value + half;
  if (stated.qualifier === 'about') return Math.abs(computed - stated.value) <= step + 1e-12;
  return Math.abs(computed - stated.value) <= half;
}

/**
 * Asks a StatedRatio whether its parts agree with it, without `computed`'s new object and list of
 * rows: pages and checks ask this of every figure (88,000 stated ratios in a national set). A symbol
 * of the global registry, for the reason figureRow is (reportedFigure.ts).
 */
const partsAgreement = Symbol.for('zongshu: whether a stated ratio agrees with its parts');

/**
 * A stated ratio whose own parts give another value. `computed` is worked out at each reading
 * (its list of rows is made anew), so it is read once here, and not at all of a StatedRatio.
 */
export function partsDisagree(figure: Figure): boolean {
  const agreement = (figure as { [partsAgreement]?: () => boolean })[partsAgreement];
  if (agreement !== undefined) return !agreement.call(figure);
  const computed = figure.computed;
  return computed !== undefined && !computed.agrees;
}

export class StatedRatio implements Figure {
  readonly #stated: Figure;
  readonly #numerator: Figure;
  readonly #denominator: Figure;
  /** The precision of the stated figure (0.01 for 89%): its row's. */
  readonly #step: number;

  /** `numerator`, `denominator`: the parts, over the same units, the denominator not 0. */
  constructor(stated: Figure, step: number, numerator: Figure, denominator: Figure) {
    this.#stated = stated;
    this.#step = step;
    this.#numerator = numerator;
    this.#denominator = denominator;
  }

  get province(): string {
    return this.#stated.province;
  }

  get unit(): string | null {
    return this.#stated.unit;
  }

  get period(): Figure['period'] {
    return this.#stated.period;
  }

  get metric(): string {
    return this.#stated.metric;
  }

  get scope(): string {
    return this.#stated.scope;
  }

  get time(): Figure['time'] {
    return this.#stated.time;
  }

  get undated(): boolean {
    return this.#stated.undated;
  }

  get value(): number {
    return this.#stated.value;
  }

  get qualifier(): Figure['qualifier'] {
    return this.#stated.qualifier;
  }

  get basis(): Figure['basis'] {
    return this.#stated.basis;
  }

  get observations(): string[] {
    return this.#stated.observations;
  }

  get units(): string[] | undefined {
    return this.#stated.units;
  }

  /** A new object each time: the value the parts give, and how it stands to the stated one. */
  get computed(): NonNullable<Figure['computed']> {
    const numerator = this.#numerator;
    const denominator = this.#denominator;
    const value = this.#partsValue();
    return {
      value,
      qualifier: quotientQualifier(numerator.qualifier, denominator.qualifier),
      observations: [...numerator.observations, ...denominator.observations],
      differencePoints: (this.#stated.value - value) * 100,
      agrees: this[partsAgreement](),
    };
  }

  /** `computed.agrees`, worked out alone. */
  [partsAgreement](): boolean {
    return ratioAgrees(this.#stated, this.#step, this.#partsValue());
  }

  /** The share the parts give. */
  #partsValue(): number {
    return this.#numerator.value / this.#denominator.value;
  }

  /** The row of the stated figure: the one its value and `observations` are. */
  [figureRow](): Observation | undefined {
    return observationOf(this.#stated);
  }

  /** The figure as plain data, as JSON.stringify and page hashes see it. */
  toJSON(): Figure {
    return figureFields(this);
  }
}
