/**
 * How qualifiers travel through arithmetic. A qualifier says which side of the
 * written number the truth lies on: more_than (above), nearly (below), about
 * (either side). A sum of lower bounds is a lower bound; mixing sides gives
 * "about".
 */
import type { Qualifier } from '../schema/qualifier.ts';

/** The qualifier of a sum (or of any quantity that grows with each term). */
export function combineQualifiers(qualifiers: Iterable<Qualifier>): Qualifier {
  const inexact = new Set<Qualifier>();
  for (const q of qualifiers) if (q !== 'exact') inexact.add(q);
  if (inexact.size === 0) return 'exact';
  if (inexact.size === 1) return [...inexact][0] as Qualifier;
  return 'about';
}

/** The qualifier a term contributes when it is subtracted or divided by: bounds swap sides. */
export function invertQualifier(q: Qualifier): Qualifier {
  if (q === 'more_than') return 'nearly';
  if (q === 'nearly') return 'more_than';
  return q;
}

/** numerator / denominator, or later − earlier. */
export function quotientQualifier(numerator: Qualifier, denominator: Qualifier): Qualifier {
  return combineQualifiers([numerator, invertQualifier(denominator)]);
}
