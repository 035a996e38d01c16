/**
 * How good the extractor is on a review whose figures are known: recall of
 * the rows of the data set (their value found at their quote's place),
 * precision against a hand list of the text's real figures, and how often
 * the proposed metric is the data set's.
 */
import { toSimplified } from '../script.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { PlacedCandidate } from './extract.ts';

/** A figure's place in a text: four characters before its number, the number, two after (white space ignored). */
export function contextAt(text: string, at: number, number: string): string {
  const before = text.slice(Math.max(0, at - 12), at).replace(/\s+/gu, '').slice(-4);
  const after = text.slice(at + number.length, at + number.length + 8).replace(/\s+/gu, '').slice(0, 2);
  return before + number + after;
}

const coreOf = (text: string) => /\d+(?:\.\d+)?/u.exec(text.normalize('NFKC'))?.[0];
const isDigit = (ch: string | undefined) => ch !== undefined && /[\d.]/u.test(ch);

/** Where a number stands whole (not inside a longer one) between two offsets; -1 when it does not. */
function numberAt(text: string, number: string, from: number, to: number): number {
  for (let at = text.indexOf(number, from); at >= 0 && at + number.length <= to; at = text.indexOf(number, at + 1)) {
    if (!isDigit(text[at - 1]) && !isDigit(text[at + number.length])) return at;
  }
  return -1;
}

export interface Tally {
  total: number;
  hit: number;
}

export interface QualityReport {
  recall: Tally;
  metricRight: Tally;
  precision: Tally;
  recallByCategory: Record<string, Tally>;
  precisionByCategory: Record<string, Tally>;
  missed: string[];
  wrong: string[];
}

const add = (tallies: Record<string, Tally>, key: string, hit: boolean) => {
  const tally = (tallies[key] ??= { total: 0, hit: 0 });
  tally.total++;
  if (hit) tally.hit++;
};

export function measureQuality(
  cleaned: string,
  candidates: readonly PlacedCandidate[],
  rows: readonly Observation[],
  realFigures: ReadonlyArray<{ number: string; context: string }>,
  metrics: readonly Metric[],
): QualityReport {
  const category = new Map(metrics.map((m) => [m.id, m.category as string]));
  const placed = candidates.map((c) => {
    const core = coreOf(c.candidate.value) ?? '';
    return { ...c, core, context: contextAt(cleaned, c.at, core) };
  });
  const report: QualityReport = { recall: { total: 0, hit: 0 }, metricRight: { total: 0, hit: 0 }, precision: { total: 0, hit: 0 }, recallByCategory: {}, precisionByCategory: {}, missed: [], wrong: [] };

  for (const row of rows) {
    const core = coreOf(row.written);
    const quoteAt = cleaned.indexOf(row.quote);
    const at = core === undefined || quoteAt < 0 ? -1 : numberAt(cleaned, core, quoteAt, quoteAt + row.quote.length);
    // Rows whose quote names a unit in a list (value 1) have no number in the text to find.
    if (core === undefined || at < 0) continue;
    const context = contextAt(cleaned, at, core);
    const found = placed.find((c) => c.context === context);
    report.recall.total++;
    add(report.recallByCategory, category.get(row.metric) ?? 'other', found !== undefined);
    if (!found) {
      report.missed.push(`${row.metric} ${row.written} 「${row.quote}」`);
      continue;
    }
    report.recall.hit++;
    report.metricRight.total++;
    if (found.candidate.metric === row.metric) report.metricRight.hit++;
    else report.wrong.push(`${row.metric} proposed as ${found.candidate.metric || '—'}: 「${row.quote}」`);
  }

  const real = new Set(realFigures.map((f) => toSimplified(f.context)));
  for (const c of placed) {
    const isReal = real.has(toSimplified(c.context));
    report.precision.total++;
    if (isReal) report.precision.hit++;
    add(report.precisionByCategory, category.get(c.candidate.metric) ?? 'none', isReal);
  }
  return report;
}

export const share = (t: Tally) => (t.total === 0 ? 1 : t.hit / t.total);
