/**
 * From a review's text to candidate rows of data format v1: the text is
 * cleaned of what web copies add, cut into sentences and clauses, and every
 * figure found is proposed with its clause as quote, its value and qualifier,
 * its measure word as written, a metric and how sure that metric is.
 */
import { parseQuantity } from '../quantity.ts';
import { toSimplified } from '../script.ts';
import type { Candidate } from '../schema/candidate.ts';
import type { Metric } from '../schema/metric.ts';
import { cleanText } from './clean.ts';
import { guessMetric, metricNames } from './metricMatch.ts';
import { numberTokens } from './numbers.ts';

export interface ExtractOptions {
  province: string;
  /** The review's period: 2020 or 2019-2020. */
  period: string;
  source: string;
  metrics: readonly Metric[];
}

interface Span {
  start: number;
  end: number;
}

/** Pieces of `text` between separators, with their offsets. */
function pieces(text: string, separators: RegExp, from = 0): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (const match of text.slice(from).matchAll(separators)) {
    const end = from + (match.index ?? 0);
    if (end > start) spans.push({ start, end });
    start = end + match[0].length;
  }
  if (text.length > start) spans.push({ start, end: text.length });
  return spans;
}

/** Words that say a figure covers more than one year, or is counted up to now. */
const periodWords = /(近两年来|两年来|近[两三四五]年|[两三四五]年来|\d+年来|近年来|截至目前|截至\d{4}年底?|一年来|去年以来|今年以来)/u;

function periodOf(sentence: string, period: string): { period: string; note: string } {
  const simplified = toSimplified(sentence);
  const [start = 0, end = start] = period.split('-').map(Number);
  const years = [...new Set([...simplified.matchAll(/(\d{4})年/gu)].map((m) => Number(m[1])))].filter((y) => y >= start && y <= end);
  const notes: string[] = [];
  const phrase = periodWords.exec(simplified)?.[1];
  if (phrase) notes.push(`期间：文中作“${phrase}”`);
  if (end > start && years.length === 1) {
    notes.push(`年份：文中为${years[0]}年`);
    return { period: String(years[0]), note: notes.join('；') };
  }
  return { period, note: notes.join('；') };
}

/** The shortest phrase that holds a figure and says what it counts: its part of a 、 list when that has words, else its clause. */
function quoteSpan(sentence: string, clause: Span, at: number, length: number): Span {
  const part = pieces(sentence.slice(0, clause.end), /、/gu, clause.start).find((p) => p.start <= at && at + length <= p.end);
  if (part) {
    const words = sentence.slice(part.start, part.end).replace(/[\d.,，%％万萬亿億余餘多约約近个個名人次件篇期场場项項家]/gu, '');
    if (words.length >= 2) return part;
  }
  return clause;
}

/** A candidate and where its figure stands in the cleaned text. */
export interface PlacedCandidate {
  candidate: Candidate;
  /** Offset of the figure's first digit in `cleaned`. */
  at: number;
}

export function extractCandidates(text: string, options: ExtractOptions): Candidate[] {
  return extractPlaced(text, options).candidates.map((p) => p.candidate);
}

export function extractPlaced(text: string, options: ExtractOptions): { cleaned: string; candidates: PlacedCandidate[] } {
  const names = metricNames(options.metrics);
  const cleaned = cleanText(text);
  const candidates: PlacedCandidate[] = [];
  for (const sentenceSpan of pieces(cleaned, /[。！？!?；;\n]+/gu)) {
    const sentence = cleaned.slice(sentenceSpan.start, sentenceSpan.end).trim();
    if (sentence === '') continue;
    const { period, note: periodNote } = periodOf(sentence, options.period);
    // A comma between digits with three after it is a thousands separator (1,200), not a clause break.
    const clauses = pieces(sentence, /(?<!\d)[，,]|[，,](?!\d{3}(?!\d))|[：:]/gu);
    for (const token of numberTokens(sentence)) {
      const read = parseQuantity(toSimplified(token.value));
      if (!read.ok) continue;
      const clause = clauses.find((c) => c.start <= token.at && token.at < c.end) ?? { start: 0, end: sentence.length };
      const span = quoteSpan(sentence, clause, token.at, token.text.length);
      const quote = sentence.slice(span.start, span.end).trim();
      const clauseText = sentence.slice(clause.start, clause.end);
      const guess = guessMetric(names, clauseText, sentence, {
        start: token.at - clause.start,
        end: token.at - clause.start + token.text.length,
        sentenceStart: token.at,
        sentenceEnd: token.at + token.text.length,
        measureWord: token.measureWord,
        value: token.value,
      });
      const notes = [periodNote];
      if (/其中/u.test(toSimplified(sentence.slice(0, token.at)))) notes.push('其中：可能是前面某一总数的一部分');
      if (guess.confidence === 'none') notes.push('指标未能确定，请人工判断');
      else if (guess.confidence === 'low') notes.push(`指标待确认（依据“${guess.name}”）`);
      const sentenceOffset = cleaned.indexOf(sentence, sentenceSpan.start);
      candidates.push({ at: sentenceOffset + token.at + (/\d/u.exec(token.text)?.index ?? 0), candidate: {
        province: options.province,
        unit: '',
        period,
        metric: guess.metric?.id ?? '',
        value: token.value,
        qualifier: read.quantity.qualifier ?? 'exact',
        source: options.source,
        quote,
        note: notes.filter(Boolean).join('；'),
        measure_word: token.measureWord,
        confidence: guess.confidence,
      } });
    }
  }
  return { cleaned, candidates };
}

export const candidateColumns = ['province', 'unit', 'period', 'metric', 'value', 'qualifier', 'source', 'quote', 'note', 'measure_word', 'confidence'] as const;

export function candidatesCsv(candidates: readonly Candidate[]): string {
  const cell = (value: string) => (/[",\n\r]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${[candidateColumns.join(','), ...candidates.map((c) => candidateColumns.map((k) => cell(c[k])).join(','))].join('\n')}\n`;
}
