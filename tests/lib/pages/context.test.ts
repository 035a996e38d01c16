import { describe, expect, it } from 'vitest';
import { figuresWithin, inMetricThenPeriodOrder, pageContext, peersKey, type PageContext } from '../../../src/lib/pages/context.ts';
import { slotOf } from '../../../src/lib/aggregate/slot.ts';
import type { DataSet } from '../../../src/lib/schema/dataSet.ts';
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

/**
 * 200 lists of up to `longest` figures of any metrics and periods, from a fixed pseudo-random sequence (so a failure
 * repeats): half of them come a period at a time, as a unit's figures do; the others in no order.
 */
function figureLists(seed: number, longest: number): Figure[][] {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n);
  return Array.from({ length: 200 }, (_, round) => {
    const given = Array.from({ length: next(longest) }, (_, i) => figure(metrics[next(metrics.length)]!, periods[next(periods.length)]!, String(i)));
    if (round % 2 === 0) given.sort((a, b) => a.period.end - b.period.end);
    return given;
  });
}

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
    for (const given of figureLists(7, 40)) {
      const ordered = inMetricThenPeriodOrder(context, given);
      expect(ordered).toEqual(reference(given));
      expect(ordered).not.toBe(given);
    }
  });
});

describe('figuresWithin', () => {
  it('gives the figures whose period lies within the one asked for, in their order, whether or not they come a period at a time', () => {
    for (const given of figureLists(11, 60)) {
      for (const within of periods) {
        // Asked twice of one list: the second time from the runs kept for it.
        for (let time = 0; time < 2; time++) expect(figuresWithin(given, within)).toEqual(given.filter((f) => f.period.start >= within.start && f.period.end <= within.end));
      }
    }
  });
});

describe('pageContext figure groups', () => {
  const provinces = ['hainan', 'qinghai'];
  const units = [null, 'caizhengting', 'gonganting'];
  const grouped = periods.slice(0, 3);
  /** Every figure of a small set: provinces × units × periods × metrics, one of them of another scope. */
  const all: Figure[] = provinces.flatMap((province) =>
    units.flatMap((unit) =>
      grouped.flatMap((p) =>
        metrics.map((metric, i) => ({ province, unit, period: p, metric, scope: i === 3 ? '含直属单位' : '', time: 'stock', undated: false, value: 1, qualifier: 'exact', basis: 'reported', observations: [] }) as unknown as Figure),
      ),
    ),
  );
  const dataSetOf = (figures: Figure[]) => ({ provinces: [], units: [], metrics: [], sources: [], observations: [], narratives: [], figures, site: { synthetic: false, notice: '' } }) as unknown as DataSet;
  /** The groups as one key per figure makes them. */
  const reference = (figures: readonly Figure[]) => {
    const add = (groups: Map<string, Figure[]>, key: string, f: Figure) => groups.set(key, [...(groups.get(key) ?? []), f]);
    const committee = new Map<string, Figure[]>();
    const unit = new Map<string, Figure[]>();
    const peers = new Map<string, Figure[]>();
    for (const f of figures) {
      if (f.unit === null) add(committee, f.province, f);
      else {
        add(unit, `${f.province}/${f.unit}`, f);
        add(peers, peersKey(f.province, f.period, slotOf(f)), f);
      }
    }
    return { committee, unit, peers };
  };

  it('gives each committee, unit and set of peers its figures in their order, whatever order the figures come in', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 50; round++) {
      // The first round in the order of a load (province, unit, period); then shuffled, or runs of it cut and swapped.
      const figures = [...all];
      if (round > 0) for (let i = figures.length - 1; i > 0; i--) if (round % 2 === 1 || next(4) === 0) { const j = next(i + 1); [figures[i], figures[j]] = [figures[j]!, figures[i]!]; }
      const context = pageContext(dataSetOf(figures));
      const expected = reference(figures);
      expect([...context.committeeFigures]).toEqual([...expected.committee]);
      expect([...context.unitFigures]).toEqual([...expected.unit]);
      expect([...context.unitPeers]).toEqual([...expected.peers]);
    }
  });
});
