import { z } from 'zod';
import { IdSchema, RequiredTextSchema, requiredTextSchema, textSchema } from './id.ts';
import { PeriodSchema, PeriodValueSchema } from './period.ts';
import { QualifierSchema } from './qualifier.ts';

/**
 * When a figure stands in time: counted within its period (flow), standing at the period's end
 * (stock), or a running total up to some point (cumulative), which is neither and is never
 * compared with either.
 */
export const TimeSchema = z.enum(['flow', 'stock', 'cumulative']);
export type TimeKind = z.infer<typeof TimeSchema>;

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
  /** Optional row id, unique within its source, for another row's `part_of` to name. */
  id: z.union([z.literal(''), IdSchema]).default(''),
  /** The `id` of the row of the same source whose figure this one is counted within (其中, a listed part). */
  part_of: z.union([z.literal(''), IdSchema]).default(''),
  /** Empty: the committee's usual scope (its own units); else the text's words for another one (全区各级机关, 含直属单位, one campaign or commendation). */
  scope: textSchema(60).default(''),
  /** Empty: as the metric's kind says; `cumulative` for a running total (截至目前, 累计) that is not the period's flow. */
  time: z.union([z.literal(''), TimeSchema], { error: 'time is empty, flow, stock or cumulative' }).default(''),
  /** yes: the text gives no time for the figure; its period is the review's, and it is never placed in a year. */
  undated: z.union([z.literal(''), z.literal('yes')], { error: "write 'yes' or leave it empty" }).default(''),
});

export type ObservationRow = z.infer<typeof ObservationRowSchema>;

/** One reported figure, resolved and typed: the atom every page number traces back to. */
export const ObservationSchema = z.object({
  /** `file:line` of the row it was read from, the file named within the data folder (`observations/hainan.csv:12`); a unit-return cell adds its column (`tables/hainan/2020.csv:3:7`). */
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
  /** The row's own id (`id` column), null when it has none. */
  rowId: z.string().nullable(),
  /** Row id of the whole this figure is counted within, in the same source; null when none. */
  partOf: z.string().nullable(),
  /** '' for the committee's usual scope. */
  scope: z.string(),
  time: TimeSchema,
  undated: z.boolean(),
});

export type Observation = z.infer<typeof ObservationSchema>;
