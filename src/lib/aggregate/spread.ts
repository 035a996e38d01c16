/** How the figures of a group of peers (a province's units) are spread: the five numbers of a box plot. */
import { quantileSorted } from 'd3';

export interface Spread {
  count: number;
  min: number;
  /** Lower quartile, median and upper quartile, interpolated as d3 (R-7, Excel's QUARTILE.INC) does. */
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  max: number;
}

/** The spread of some values; undefined for none. */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => quantileSorted(sorted, p) as number;
  return { count: sorted.length, min: sorted[0] as number, lowerQuartile: at(0.25), median: at(0.5), upperQuartile: at(0.75), max: sorted[sorted.length - 1] as number };
}
