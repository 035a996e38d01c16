import { z } from 'zod';

/**
 * Something wrong with the input, as data: where it is, what is wrong and how
 * to fix it. Errors stop a build; warnings are printed and the build goes on.
 */
export const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable kebab-case name for tools (`--json`) and tests, e.g. `unknown-province`. */
  code: z.string(),
  /** Path as the user gave it, e.g. data/observations/hainan-2020.csv. */
  file: z.string(),
  /** 1-based line in the file; absent when the problem is the whole file. */
  line: z.number().int().positive().optional(),
  /** 1-based column: the field number in a CSV row, the character in a text line. */
  column: z.number().int().positive().optional(),
  /** What is wrong, quoting the offending text. */
  message: z.string(),
  /** How to fix it. */
  hint: z.string().optional(),
  /**
   * Set on the one problem that stands for the rest of a kind in a file once the first few are
   * listed (src/lib/ingest/problemCap.ts): how many problems it stands for, none of them listed.
   */
  omitted: z.number().int().positive().optional(),
});

export type Problem = z.infer<typeof ProblemSchema>;
