/**
 * Ranks provinces (or units) on one metric. Equal values share a rank (1, 2,
 * 2, 4); entries without a figure are listed as not reported, never ranked as
 * zero; the result says when the figures cover periods of different length.
 */
import type { Figure } from '../schema/figure.ts';

export interface RankedEntry<K> {
  key: K;
  figure: Figure;
  /** 1 is the highest value (or the lowest, when ranking ascending). */
  rank: number;
  /** Another entry has the same value and rank. */
  tied: boolean;
}

export interface Ranking<K> {
  ranked: RankedEntry<K>[];
  notReported: K[];
  /** Distinct period lengths (years) among the ranked figures; more than one means the ranking mixes unlike periods. */
  periodLengths: number[];
}

export function rankFigures<K>(
  entries: ReadonlyArray<{ key: K; figure: Figure | undefined }>,
  order: 'descending' | 'ascending' = 'descending',
): Ranking<K> {
  const withFigure = entries.filter((e): e is { key: K; figure: Figure } => e.figure !== undefined);
  const sign = order === 'descending' ? -1 : 1;
  const sorted = [...withFigure].sort((a, b) => sign * (a.figure.value - b.figure.value));
  const ranked: RankedEntry<K>[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tiedWithPrevious = previous !== undefined && previous.figure.value === entry.figure.value;
    const rank = tiedWithPrevious ? previous.rank : index + 1;
    if (tiedWithPrevious) previous.tied = true;
    ranked.push({ key: entry.key, figure: entry.figure, rank, tied: tiedWithPrevious });
  });
  return {
    ranked,
    notReported: entries.filter((e) => e.figure === undefined).map((e) => e.key),
    periodLengths: [...new Set(withFigure.map((e) => e.figure.period.years))].sort((a, b) => a - b),
  };
}
