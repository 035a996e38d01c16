/**
 * A figure the source writes with another measure word than its metric's
 * (60名先进基层党组织 for a count of organisations in 个, 3054人 for a metric in
 * 人次): the article counts on another basis, and a page would publish it on the
 * metric's. That is an error: the row belongs to a metric counted as the text counts.
 */
import { measureWords } from '../quantity.ts';
import { isTableCell } from '../site/paths.ts';
import { toSimplified } from '../script.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { allowedWords } from './relations.ts';

const fold = (text: string) => toSimplified(text.normalize('NFKC')).replace(/\s+/gu, '').replace(/人[（(]次[)）]/gu, '人次');
/** Measure words longest first, money included. */
const words = [...new Set(['亿元', '万元', ...measureWords, '位'])].sort((a, b) => b.length - a.length);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Where the written figure stands in the quote, not inside a longer number; -1 when it does not. */
function figureAt(quote: string, written: string): number {
  for (let at = quote.indexOf(written); at >= 0; at = quote.indexOf(written, at + 1)) {
    const before = quote[at - 1];
    if (!isDigit(quote[at + written.length]) && !isDigit(before) && before !== '.') return at;
  }
  return -1;
}

/**
 * The measure word written after the figure: in the value itself, or in the
 * quote right after the number. Only the few characters after the number are
 * folded to Simplified: folding every quote would cost more than the check.
 */
export function writtenMeasureWord(o: Pick<Observation, 'measureWord' | 'written' | 'quote' | 'at'>): string | undefined {
  if (o.measureWord) return o.measureWord;
  // A unit-return cell's quote is its line's label, its column and its value (tableCell.ts cellQuote): no word follows the value there.
  if (isTableCell(o.at)) return undefined;
  let at = figureAt(o.quote, o.written);
  let quote = o.quote;
  let written = o.written;
  if (at < 0) {
    // Full-width digits or Traditional qualifiers (餘, 約): compare the folded forms.
    quote = fold(o.quote);
    written = fold(o.written);
    at = figureAt(quote, written);
    if (at < 0) return undefined;
  }
  return wordAt(quote.slice(at + written.length, at + written.length + 5));
}

/**
 * Measure words by the few characters after a figure, found before: the same
 * texts (个党支部, 人次参) follow a data set's million figures, and folding
 * them costs more than looking them up.
 */
const wordsAfter = new Map<string, string | undefined>();

function wordAt(text: string): string | undefined {
  if (wordsAfter.has(text)) return wordsAfter.get(text);
  const after = fold(text);
  const word = words.find((w) => after.startsWith(w));
  // Bounded, like the name caches: quotes with ever new texts must not keep them all.
  if (wordsAfter.size > 100_000) wordsAfter.clear();
  wordsAfter.set(text, word);
  return word;
}

/** A note that names the text's own word (原文量词作“名”) says the article's word is loose and the row counts what its metric counts. */
function acknowledges(note: string, word: string): boolean {
  return note.includes(`原文量词作“${word}”`) || note.includes(`原文量词作"${word}"`);
}

export function checkMeasureWords(observations: readonly Observation[], metrics: ReadonlyMap<string, Metric>): Problem[] {
  const problems: Problem[] = [];
  for (const o of observations) {
    const metric = metrics.get(o.metric);
    if (!metric || metric.kind === 'ratio') continue;
    // Most figures carry no measure word of their own (a unit return's cells): nothing to compare, nothing made.
    const word = writtenMeasureWord(o);
    if (!word || allowedWords(metric).includes(word) || acknowledges(o.note, word)) continue;
    const peopleForAttendances = word === '人' && metric.unit === '人次';
    problems.push({
      severity: 'error',
      code: 'measure-word',
      ...o.at,
      message: `${o.metric} counts ${metric.unit}, but the source writes ${o.written}${o.measureWord ? '' : word}`,
      hint: peopleForAttendances
        ? '人 counts people, 人次 counts attendances: put the figure on a metric counted in 名 (people), or correct the quote'
        : `put the figure on a metric counted in ${word}; if the article's word is loose and the figure counts what ${o.metric} counts, say so in the note with 原文量词作“${word}”`,
      zh: {
        message: `${metric.name}（${o.metric}）以“${metric.unit}”计，但原文写的是“${o.written}${o.measureWord ? '' : word}”`,
        hint: peopleForAttendances
          ? '“人”计的是人数，“人次”计的是人次：请把这个数字放到以“名”（人数）计的指标上，或者改正引文'
          : `请把这个数字放到以“${word}”计的指标上；如果只是原文量词用得不严，这个数字计的正是 ${o.metric} 所计的东西，请在备注（note）中写明 原文量词作“${word}”`,
      },
    });
  }
  return problems;
}
