import { z } from 'zod';

/** A review period as the model holds it; `years` is its length in calendar years. */
export const PeriodValueSchema = z
  .object({
    /** As written in the data: `2020` or `2019-2020`. */
    id: z.string(),
    /** First calendar year, inclusive. */
    start: z.number().int(),
    /** Last calendar year, inclusive. */
    end: z.number().int(),
    /** end - start + 1. Flows over periods of different length are not comparable. */
    years: z.number().int(),
  })
  .refine((p) => p.end >= p.start, { error: 'the period ends before it starts' })
  .refine((p) => p.start >= 1949 && p.end <= 2100, { error: 'the period lies outside 1949-2100' });

/** A review period as files write it: one year (`2020`) or inclusive years (`2019-2020`). */
export const PeriodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(?:-\d{4})?$/u, { error: 'a period is a year (2020) or a range of years (2019-2020)' })
  .transform((id) => {
    const [start = 0, end = start] = id.split('-').map(Number);
    return { id, start, end, years: end - start + 1 };
  })
  .pipe(PeriodValueSchema);

export type Period = z.infer<typeof PeriodValueSchema>;
