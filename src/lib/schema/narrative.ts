import { z } from 'zod';
import { IdSchema, RequiredTextSchema, textSchema } from './id.ts';
import { PeriodValueSchema } from './period.ts';

/** YAML reads 2020-06-24 as a date; the model keeps the written day as text. */
const DayTextSchema = z
  .union([z.string().trim(), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .pipe(z.string().regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/u, { error: 'a date is written 2020, 2020-06 or 2020-06-24' }));

/** Front matter of content/<province>/<period>.md. */
export const NarrativeFrontMatterSchema = z.object({
  title: RequiredTextSchema,
  /** Id of the source (data/sources.csv) the review is based on. */
  source: IdSchema,
  author: textSchema(100).default(''),
  published: DayTextSchema.default(''),
});

/** A `{{metric_id}}`, `{{metric_id@unit_id}}` or `{{#row_id}}` placeholder in a narrative. */
export const FigureReferenceSchema = z.object({
  /** '' for a reference to a row. */
  metric: z.union([z.literal(''), IdSchema]),
  /** null: the committee's figure for the province and period. */
  unit: IdSchema.nullable(),
  /** The `id` of a row of the narrative's source; null for a reference by metric. */
  row: IdSchema.nullable(),
  /** 1-based line and column of the opening braces in the file. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The placeholder exactly as written. */
  text: z.string(),
});

/** One review narrative: our own prose, with every figure a reference into the data. */
export const NarrativeSchema = NarrativeFrontMatterSchema.extend({
  file: z.string(),
  province: IdSchema,
  period: PeriodValueSchema,
  /** Markdown body, placeholders still in place. */
  body: z.string(),
  /** 1-based line of the file on which the body starts. */
  bodyLine: z.number().int().positive(),
  references: z.array(FigureReferenceSchema),
});

export type NarrativeFrontMatter = z.infer<typeof NarrativeFrontMatterSchema>;
export type FigureReference = z.infer<typeof FigureReferenceSchema>;
export type Narrative = z.infer<typeof NarrativeSchema>;
