import { describe, expect, it } from 'vitest';
import { inMetricThenPeriodOrder, type PageContext } from '../../../src/lib/pages/context.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';

const metrics = ['branches', 'training-attendance', 'cases-filed', 'members-developed'];
const context = { metricOrder: new Map(metrics.map((m, i) => [m, i])) } as unknown as PageContext;
const periods = ['2024', '2019-2020', '2020', '2021', '2020-2021', '2015'].map((p) => period(p));

/** A figure of a metric and period; `tag` tells figures alike in both apart. */
const figure = (metric: string, p: Figure['period'], tag: string) => ({ metric, period: p, unit: tag }) as unknown as Figure;

/** What the order must be: a stable sort by dictionary rank, end year, start year. */
const reference = (figures: readonly Figure[]) =>
  [...figures].sort((a, b) => metrics.indexOf(a.metric) - metrics.indexOf(b.metric) || a.period.end - b.period.end || a.period.start - b.period.start);

describe('inMetricThenPeriodOrder', () => {
  it('orders by metric, then end year, then start year, keeping figures alike in both in their order', () => {
    const given = [
      figure('cases-filed', periods[3]!, 'a'),
      figure('branches', periods[0]!, 'b'),
      figure('cases-filed', periods[2]!, 'c'),
      figure('branches', periods[2]!, 'd'),
      figure('cases-filed', periods[2]!, 'e'),
      figure('branches', periods[1]!, 'f'),
    ];
    expect(inMetricThenPeriodOrder(context, given).map((f) => f.unit).join('')).toBe('fdbcea');
  });

  it('agrees with a stable sort on any mix of metrics and periods', () => {
    // A fixed pseudo-random sequence, so a failure repeats.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const given = Array.from({ length: next(40) }, (_, i) => figure(metrics[next(metrics.length)]!, periods[next(periods.length)]!, String(i)));
      // Half the rounds come a period at a time, as a unit's figures do; the others in no order.
      if (round % 2 === 0) given.sort((a, b) => a.period.end - b.period.end);
      const ordered = inMetricThenPeriodOrder(context, given);
      expect(ordered).toEqual(reference(given));
      expect(ordered).not.toBe(given);
    }
  });
});
