/** Sets candidates against the rows a data set already has: what is new, what matches, what disagrees. */
import { readFigureValue } from '../ingest/figureValue.ts';
import type { Candidate } from '../schema/candidate.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';

export interface Comparison {
  candidate: Candidate;
  status: 'new' | 'matches' | 'disagrees';
  /** The row already in the data, for matches and disagreements. */
  existing?: Observation;
}

export function compareWithData(candidates: readonly Candidate[], observations: readonly Observation[], metrics: readonly Metric[]): Comparison[] {
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const byKey = new Map(observations.filter((o) => o.unit === null).map((o) => [`${o.province}|${o.period.id}|${o.metric}`, o]));
  return candidates.map((candidate): Comparison => {
    const metric = metricById.get(candidate.metric);
    const existing = byKey.get(`${candidate.province}|${candidate.period}|${candidate.metric}`);
    if (!metric || !existing) return { candidate, status: 'new' };
    const read = readFigureValue(candidate.value, metric);
    const same = read.ok && Math.abs(read.figure.value - existing.value) < 1e-9 && (read.figure.qualifier ?? 'exact') === existing.qualifier;
    return { candidate, status: same ? 'matches' : 'disagrees', existing };
  });
}
