import { z } from 'zod';
import { AliasListSchema, IdSchema, RequiredTextSchema, requiredTextSchema } from './id.ts';

export const metricCategories = [
  'branches', 'training', 'cases', 'honours', 'members', 'funds', 'propaganda', 'research', 'service', 'other',
] as const;

/** Canonical measure words: every value of a metric is stored in its unit. */
export const metricUnits = ['个', '名', '人次', '期', '场次', '次', '场', '批', '件', '篇', '份', '项', '条', '支', '部', '万元', '%'] as const;

/**
 * What a metric counts (计量基础). Two figures are only compared when they count the same thing:
 * people (人/名) are not attendances (人次), organisations (个/家) are not documents (篇).
 */
export const countingBases = ['people', 'attendances', 'organisations', 'cases', 'events', 'items', 'documents', 'money', 'share'] as const;
export type CountingBasis = (typeof countingBases)[number];

/** The basis a metric of data format v1, which has no `counts` column, is read with, by its unit. */
export const basisOfUnit: Record<(typeof metricUnits)[number], CountingBasis> = {
  个: 'items',
  名: 'people',
  人次: 'attendances',
  期: 'events',
  场次: 'events',
  次: 'events',
  场: 'events',
  批: 'events',
  件: 'cases',
  篇: 'documents',
  份: 'documents',
  项: 'items',
  条: 'items',
  支: 'items',
  部: 'items',
  万元: 'money',
  '%': 'share',
};

const yesOrEmpty = z
  .union([z.literal(''), z.literal('yes')], { error: "write 'yes' or leave it empty" })
  .default('')
  .transform((v) => v === 'yes');

/**
 * One statistic that reviews report (data/metrics.csv).
 * - flow: counted within the period; sums across units and across periods;
 * - stock: standing count at the period's end; sums across units, never across periods;
 * - ratio: a share 0-1; with a numerator and a denominator (both metric ids) it is recomputed
 *   whenever both parts are known; a stated share whose parts are not metrics (a coverage
 *   rate, a target) leaves both empty and is shown as stated.
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
    /** What is counted; empty (or a file without the column) takes the unit's usual basis (名 → people, 人次 → attendances). */
    counts: z.union([z.literal(''), z.enum(countingBases)], { error: `counts is one of ${countingBases.join(', ')}` }).default(''),
    /** Metrics of one family (the steps of the case pipeline) may share an axis; empty: the metric stands alone. */
    family: z.union([z.literal(''), IdSchema]).default(''),
    /** yes: a value per 100 party branches means something (trainings, cases); never for money or counts of units. */
    per_branch: yesOrEmpty,
  })
  .superRefine((metric, context) => {
    const isRatio = metric.kind === 'ratio';
    if (isRatio && (metric.numerator === '') !== (metric.denominator === '')) {
      const missing = metric.numerator === '' ? 'numerator' : 'denominator';
      context.addIssue({ code: 'custom', path: [missing], message: `a ratio has both a numerator and a denominator metric, or neither (a stated share)` });
    }
    for (const part of ['numerator', 'denominator'] as const) {
      if (!isRatio && metric[part] !== '') {
        context.addIssue({ code: 'custom', path: [part], message: `only a ratio has a ${part}; leave it empty for a ${metric.kind}` });
      }
    }
    if (isRatio !== (metric.unit === '%')) {
      context.addIssue({ code: 'custom', path: ['unit'], message: 'a ratio is measured in %, and only a ratio is' });
    }
    if (metric.counts !== '' && (metric.counts === 'share') !== isRatio) {
      context.addIssue({ code: 'custom', path: ['counts'], message: 'a ratio counts share, and only a ratio does' });
    }
    if (metric.counts !== '' && (metric.counts === 'money') !== (metric.unit === '万元')) {
      context.addIssue({ code: 'custom', path: ['counts'], message: 'money is measured in 万元, and only money is' });
    }
  })
  .transform(({ counts, ...metric }) => ({ ...metric, counts: counts === '' ? basisOfUnit[metric.unit] : counts }));

export type Metric = z.infer<typeof MetricSchema>;
export type MetricKind = Metric['kind'];

/** A ratio the build recomputes from its parts; a stated share without parts is not one. */
export function hasParts(metric: Pick<Metric, 'kind' | 'numerator' | 'denominator'>): boolean {
  return metric.kind === 'ratio' && metric.numerator !== '' && metric.denominator !== '';
}
