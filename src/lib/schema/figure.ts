import { z } from 'zod';
import { IdSchema } from './id.ts';
import { PeriodValueSchema } from './period.ts';
import { QualifierSchema } from './qualifier.ts';
import { TimeSchema } from './observation.ts';

/**
 * A figure the site shows: one metric for a committee or unit and a period,
 * reported or derived, with the observations it rests on. A figure that does
 * not exist is "not reported", which is never the same as zero.
 */
export const FigureSchema = z.object({
  province: IdSchema,
  /** null: the committee's total. */
  unit: IdSchema.nullable(),
  period: PeriodValueSchema,
  metric: IdSchema,
  /** '' for the committee's usual scope; else the scope the text names (全区各级机关, 含直属单位, one campaign). */
  scope: z.string(),
  /** Counted within the period, standing at its end, or a running total: see TimeSchema. */
  time: TimeSchema,
  /** The text gives no time: the period is the review's, and the figure is never placed in a year. */
  undated: z.boolean(),
  /** In the metric's canonical unit (万元 for funds); a ratio as a share 0-1. What the review states, where it states it. */
  value: z.number().finite(),
  qualifier: QualifierSchema,
  /**
   * - reported: as an article states it (a stated ratio stays reported when its parts give
   *   another value: `computed` then stands beside it);
   * - sum_of_units: committee total summed from unit figures (no total was reported);
   * - ratio_of_parts: numerator / denominator, both known, no ratio stated.
   */
  basis: z.enum(['reported', 'sum_of_units', 'ratio_of_parts']),
  /** Ids (`file:line`) of the observations behind the value: each leads to a source row and its quote. */
  observations: z.array(z.string()).min(1),
  /** For a committee figure made from units' figures (a sum_of_units, or a ratio_of_parts of two such sums): ids of the units it covers. */
  units: z.array(IdSchema).optional(),
  /** For a ratio both stated and computable: the value its parts give, beside the stated one, which the figure keeps. */
  computed: z
    .object({
      /** Share 0-1, numerator / denominator. */
      value: z.number(),
      qualifier: QualifierSchema,
      /** Ids of the numerator's and the denominator's observations. */
      observations: z.array(z.string()),
      /** Stated minus computed, in percentage points (个百分点). */
      differencePoints: z.number(),
      /** True when the computed value rounds to the stated one at the stated precision. */
      agrees: z.boolean(),
    })
    .optional(),
});

export type Figure = z.infer<typeof FigureSchema>;
