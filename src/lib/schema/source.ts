import { z } from 'zod';
import { IdSchema, RequiredTextSchema, textSchema } from './id.ts';
import { PeriodSchema } from './period.ts';

/** A published review that figures are taken from (data/sources.csv). */
export const SourceSchema = z.object({
  id: IdSchema,
  province: IdSchema,
  title: RequiredTextSchema,
  /** The body or site that published it, e.g. 南海先锋网. */
  publisher: textSchema(200).default(''),
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown. */
  published: z
    .string()
    .trim()
    .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/u, { error: 'published is a date: 2020, 2020-06 or 2020-06-24' })
    .default(''),
  /** Where the article can be read; empty when only a copy is known. */
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/u, error: 'url must be an http(s) address or empty' })]).default(''),
  /** The years the review covers. */
  period: PeriodSchema,
});

export type Source = z.infer<typeof SourceSchema>;
