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
   * The same in Chinese, for the office staff who keep the data: what is wrong and how to fix it,
   * short and plain, quoting the offending text as `message` does. `check` and `build` print these
   * unless given `--lang en` (src/lib/problems.ts, formatProblem); `message` and `hint` stay English
   * for tools and tests. Every problem has a Chinese message; it has a Chinese hint when it has a hint.
   */
  zh: z.object({
    /** 出了什么问题, e.g. 找不到省份“jiangsuu”. */
    message: z.string(),
    /** 怎么改, e.g. 是不是 jiangsu（江苏）？ */
    hint: z.string().optional(),
  }),
  /**
   * Set on the one problem that stands for the rest of a kind in a file once the first few are
   * listed (src/lib/ingest/problemCap.ts): how many problems it stands for, none of them listed.
   */
  omitted: z.number().int().positive().optional(),
});

export type Problem = z.infer<typeof ProblemSchema>;
