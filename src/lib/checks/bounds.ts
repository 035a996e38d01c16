/**
 * The range a qualified figure allows, used to decide that two figures cannot
 * both be right. Generous on purpose: a check must never cry wolf.
 * - exact 2387 → [2387, 2387]; more_than 3万 → [3万, ∞);
 * - nearly 4000 → [3200, 4000]; about 7.5万 → [6万, 9万].
 */
import type { Qualifier } from '../schema/qualifier.ts';

export interface Bounds {
  low: number;
  high: number;
}

/** `step`: precision of a written figure (0.001 for 30.0%): an exact figure may be rounded by half of it. */
export function bounds(value: number, qualifier: Qualifier, step = 0): Bounds {
  switch (qualifier) {
    case 'exact':
      return { low: value - step / 2, high: value + step / 2 };
    case 'more_than':
      return { low: value, high: Infinity };
    case 'nearly':
      return { low: value * 0.8, high: value };
    case 'about':
      return { low: value * 0.8, high: value * 1.2 };
  }
}

/** True when the part must be larger than the whole, whatever the qualifiers allow. */
export function surelyExceeds(part: Bounds, whole: Bounds): boolean {
  return part.low > whole.high + 1e-9;
}

export function sumBounds(all: readonly Bounds[]): Bounds {
  return { low: all.reduce((s, b) => s + b.low, 0), high: all.reduce((s, b) => s + b.high, 0) };
}
