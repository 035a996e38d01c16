import { z } from 'zod';
import { QualifierSchema } from './qualifier.ts';

/** A figure the extractor proposes from a review's text, for a person to confirm: a row of data format v1 with two more columns. */
export const CandidateSchema = z.object({
  province: z.string(),
  /** Always empty: the extractor proposes committee figures. */
  unit: z.string(),
  /** The review's period, or the single year the sentence names. */
  period: z.string(),
  /** Proposed metric id; empty when no metric's name is near the figure. */
  metric: z.string(),
  /** The figure as written, without its measure word (money keeps 万元). */
  value: z.string(),
  qualifier: QualifierSchema,
  source: z.string(),
  /** The clause of the cleaned text that holds the figure, verbatim. */
  quote: z.string(),
  /** Why the row may need a second look: parts of a whole, periods, uncertain metric. */
  note: z.string(),
  /** The measure word as the text writes it: 個, 名, 人次 ... */
  measure_word: z.string(),
  /** high: a metric's name right beside the figure; medium: in its clause; low: in its sentence, or the measure word disagrees. */
  confidence: z.enum(['high', 'medium', 'low', 'none']),
});

export type Candidate = z.infer<typeof CandidateSchema>;
