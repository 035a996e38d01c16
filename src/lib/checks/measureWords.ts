/**
 * A figure the source writes with another measure word than its metric's
 * (60名先进基层党组织 for a count of organisations in 个, 3054人 for a metric in
 * 人次): the article may be counting something else.
 */
import { measureWords } from '../quantity.ts';
import { toSimplified } from '../script.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { compatibleWords } from './relations.ts';

const fold = (text: string) => toSimplified(text.normalize('NFKC')).replace(/\s+/gu, '').replace(/人[（(]次[)）]/gu, '人次');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Measure words longest first, money included. */
const words = [...new Set(['亿元', '万元', ...measureWords, '位'])].sort((a, b) => b.length - a.length);

/** The measure word written after the figure: in the value itself, or in the quote right after the number. */
export function writtenMeasureWord(o: Pick<Observation, 'measureWord' | 'written' | 'quote'>): string | undefined {
  if (o.measureWord) return o.measureWord;
  const quote = fold(o.quote);
  const written = fold(o.written);
  const at = new RegExp(`(?<![\\d.])${escape(written)}(?![\\d])`, 'u').exec(quote);
  if (!at) return undefined;
  const after = quote.slice(at.index + at[0].length);
  return words.find((w) => after.startsWith(w));
}

export function checkMeasureWords(observations: readonly Observation[], metrics: ReadonlyMap<string, Metric>): Problem[] {
  const problems: Problem[] = [];
  for (const o of observations) {
    const metric = metrics.get(o.metric);
    const allowed = metric && compatibleWords[metric.unit];
    if (!metric || !allowed || metric.kind === 'ratio') continue;
    const word = writtenMeasureWord(o);
    if (!word || allowed.includes(word)) continue;
    problems.push({
      severity: 'warning',
      code: 'measure-word',
      ...o.at,
      message: `${o.metric} counts ${metric.unit}, but the source writes ${o.written}${o.measureWord ? '' : word}`,
      hint: word === '人' && metric.unit === '人次' ? '人 counts people, 人次 counts attendances: check which the article means' : 'check that the figure counts what the metric counts; if the article uses a loose word, say so in the note',
    });
  }
  return problems;
}
