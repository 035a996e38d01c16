import { z } from 'zod';
import { IdSchema } from './id.ts';
import { PeriodValueSchema } from './period.ts';
import { QualifierSchema } from './qualifier.ts';

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
  /** In the metric's canonical unit (万元 for funds); a ratio as a share 0-1. */
  value: z.number().finite(),
  qualifier: QualifierSchema,
  /**
   * - reported: as an article states it;
   * - sum_of_units: committee total summed from unit figures (no total was reported);
   * - ratio_of_parts: numerator / denominator, both known.
   */
  basis: z.enum(['reported', 'sum_of_units', 'ratio_of_parts']),
  /** Ids (`file:line`) of the observations behind the value: each leads to a source row and its quote. */
  observations: z.array(z.string()).min(1),
  /** For sum_of_units: ids of the units summed. */
  units: z.array(IdSchema).optional(),
  /** For a ratio both stated and computable: the stated value beside the computed one. */
  stated: z
    .object({
      /** Share 0-1, as the article states it. */
      value: z.number(),
      qualifier: QualifierSchema,
      observation: z.string(),
      /** Stated minus computed, in percentage points (个百分点). */
      differencePoints: z.number(),
      /** True when the computed value rounds to the stated one at the stated precision. */
      agrees: z.boolean(),
    })
    .optional(),
});

export type Figure = z.infer<typeof FigureSchema>;
