import { z } from 'zod';
import { IdSchema, RequiredTextSchema, requiredTextSchema, textSchema } from './id.ts';
import { PeriodSchema, PeriodValueSchema } from './period.ts';
import { QualifierSchema } from './qualifier.ts';

/** One row of data/observations/*.csv as written: names still unresolved, value still text. */
export const ObservationRowSchema = z.object({
  /** Province id, or its name in either script. */
  province: RequiredTextSchema,
  /** Empty for the committee's total; otherwise a unit id, name or alias. */
  unit: textSchema(200).default(''),
  period: PeriodSchema,
  /** Metric id, or its name or alias in either script. */
  metric: RequiredTextSchema,
  /** The figure as the article writes it: 2387, 89%, 3万多, 312.8. */
  value: requiredTextSchema(50),
  /** Empty (read from the value), or exact, more_than, nearly, about. */
  qualifier: z.union([z.literal(''), QualifierSchema]).default(''),
  source: IdSchema,
  /** The shortest phrase of the source that holds the number, verbatim. */
  quote: requiredTextSchema(500),
  note: textSchema(1000).default(''),
});

export type ObservationRow = z.infer<typeof ObservationRowSchema>;

/** One reported figure, resolved and typed: the atom every page number traces back to. */
export const ObservationSchema = z.object({
  /** `file:line` of the row it was read from. */
  id: z.string(),
  /** Where the value stands: the file as given (for messages), the file within the data folder (for pages), 1-based line and column. */
  at: z.object({ file: z.string(), dataFile: z.string(), line: z.number().int().positive(), column: z.number().int().positive() }),
  province: IdSchema,
  /** null: the committee's own total for the province. */
  unit: IdSchema.nullable(),
  period: PeriodValueSchema,
  metric: IdSchema,
  /** In the metric's canonical unit (万元 for funds); a ratio as a share 0-1. */
  value: z.number().finite(),
  /** One unit of the last written digit, in the units of `value`: the figure's precision. */
  step: z.number().positive(),
  qualifier: QualifierSchema,
  /** The value exactly as the file wrote it. */
  written: z.string(),
  /** Measure word written with the figure (个, 名, 人次 ...), if any. */
  measureWord: z.string().nullable(),
  source: IdSchema,
  quote: z.string(),
  note: z.string(),
});

export type Observation = z.infer<typeof ObservationSchema>;
