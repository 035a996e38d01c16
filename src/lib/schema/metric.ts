import { z } from 'zod';
import { AliasListSchema, IdSchema, RequiredTextSchema, requiredTextSchema } from './id.ts';

export const metricCategories = [
  'branches', 'training', 'cases', 'honours', 'members', 'funds', 'propaganda', 'research', 'service', 'other',
] as const;

/** Canonical measure words: every value of a metric is stored in its unit. */
export const metricUnits = ['个', '名', '人次', '期', '场次', '件', '篇', '项', '万元', '%'] as const;

/**
 * One statistic that reviews report (data/metrics.csv).
 * - flow: counted within the period; sums across units and across periods;
 * - stock: standing count at the period's end; sums across units, never across periods;
 * - ratio: numerator / denominator (both metric ids), a share 0-1, recomputed whenever both parts are known.
 */
export const MetricSchema = z
  .object({
    id: IdSchema,
    name: RequiredTextSchema,
    name_hant: RequiredTextSchema,
    category: z.enum(metricCategories, { error: `category is one of ${metricCategories.join(', ')}` }),
    unit: z.enum(metricUnits, { error: `unit is one of ${metricUnits.join(', ')}` }),
    kind: z.enum(['flow', 'stock', 'ratio'], { error: 'kind is one of flow, stock, ratio' }),
    numerator: z.union([z.literal(''), IdSchema]).default(''),
    denominator: z.union([z.literal(''), IdSchema]).default(''),
    /** 指标解释: one line saying what is counted. */
    definition: requiredTextSchema(500),
    aliases: AliasListSchema,
  })
  .superRefine((metric, context) => {
    const isRatio = metric.kind === 'ratio';
    for (const part of ['numerator', 'denominator'] as const) {
      if (isRatio && metric[part] === '') {
        context.addIssue({ code: 'custom', path: [part], message: `a ratio needs its ${part} metric id` });
      }
      if (!isRatio && metric[part] !== '') {
        context.addIssue({ code: 'custom', path: [part], message: `only a ratio has a ${part}; leave it empty for a ${metric.kind}` });
      }
    }
    if (isRatio !== (metric.unit === '%')) {
      context.addIssue({ code: 'custom', path: ['unit'], message: 'a ratio is measured in %, and only a ratio is' });
    }
  });

export type Metric = z.infer<typeof MetricSchema>;
export type MetricKind = Metric['kind'];
