/**
 * Proposes the metric of a figure from the words around it: the metric whose
 * name or alias (data/metrics.csv, either script) stands nearest, among those
 * whose measure word fits the figure's. No other word list is used.
 */
import { toSimplified } from '../script.ts';
import type { Metric } from '../schema/metric.ts';
import type { Candidate } from '../schema/candidate.ts';

export interface MetricNames {
  metrics: Metric[];
  /** Names and aliases in Simplified, longest first. */
  names: Array<{ name: string; metric: Metric }>;
}

export function metricNames(metrics: readonly Metric[]): MetricNames {
  const names = metrics
    .flatMap((metric) => [metric.name, metric.name_hant, ...metric.aliases].map((name) => ({ name: toSimplified(name), metric })))
    .filter((n, i, all) => n.name.length >= 2 && all.findIndex((m) => m.name === n.name && m.metric === n.metric) === i)
    .sort((a, b) => b.name.length - a.name.length);
  return { metrics: [...metrics], names };
}

/** Metric units a figure written with this measure word can be counted in; empty: any. */
export function unitsFor(measureWord: string, value: string): string[] {
  if (/[%％]/u.test(value)) return ['%'];
  if (/元$/u.test(value)) return ['万元'];
  const word = toSimplified(measureWord).replace(/[（(]次[)）]/u, '次');
  if (word === '人次') return ['人次'];
  if (['名', '人', '位'].includes(word)) return ['名', '人次'];
  if (['个', '家', '所'].includes(word)) return ['个', '项', '篇'];
  if (word === '项') return ['项', '个'];
  if (word === '件') return ['件'];
  if (word === '篇') return ['篇'];
  if (word === '期') return ['期'];
  if (['场', '场次', '次'].includes(word)) return ['场次'];
  return [];
}

export interface MetricGuess {
  metric: Metric | undefined;
  confidence: Candidate['confidence'];
  /** Where the name was found, for the note. */
  name: string;
}

interface Hit {
  metric: Metric;
  name: string;
  distance: number;
}

/** Names in `text` with their distance (in characters) from the span [start, end). */
function hits(names: MetricNames, text: string, start: number, end: number): Hit[] {
  const found: Hit[] = [];
  for (const { name, metric } of names.names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const nameEnd = at + name.length;
      const distance = nameEnd <= start ? start - nameEnd : at >= end ? at - end : 0;
      found.push({ metric, name, distance });
    }
  }
  return found.sort((a, b) => a.distance - b.distance || b.name.length - a.name.length);
}

export function guessMetric(names: MetricNames, clause: string, sentence: string, token: { start: number; end: number; sentenceStart: number; sentenceEnd: number; measureWord: string; value: string }): MetricGuess {
  const units = unitsFor(token.measureWord, token.value);
  const fits = (m: Metric) => units.length === 0 || units.includes(m.unit);
  const inClause = hits(names, toSimplified(clause), token.start, token.end);
  const near = inClause.find((h) => fits(h.metric));
  if (near) return { metric: near.metric, confidence: near.distance <= 3 ? 'high' : 'medium', name: near.name };
  const inSentence = hits(names, toSimplified(sentence), token.sentenceStart, token.sentenceEnd).find((h) => fits(h.metric));
  // A share whose rate is not named (2387个党支部达标，占全部在职党支部2824个的89%): the ratio whose
  // numerator and denominator the sentence names.
  if (units.includes('%') && !inSentence) {
    const named = new Set(hits(names, toSimplified(sentence), token.sentenceStart, token.sentenceEnd).map((h) => h.metric.id));
    const score = (m: Metric) => (named.has(m.numerator) ? 2 : 0) + (named.has(m.denominator) ? 1 : 0);
    const rate = names.metrics.filter((m) => m.kind === 'ratio' && named.has(m.numerator)).sort((a, b) => score(b) - score(a))[0];
    if (rate) return { metric: rate, confidence: 'medium', name: rate.name };
  }
  if (inSentence) return { metric: inSentence.metric, confidence: 'low', name: inSentence.name };
  const loose = inClause[0];
  return loose ? { metric: loose.metric, confidence: 'low', name: loose.name } : { metric: undefined, confidence: 'none', name: '' };
}
