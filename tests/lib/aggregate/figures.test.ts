import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateFigures } from '../../../src/lib/aggregate/figures.ts';
import { ObservationStore, placedObservations } from '../../../src/lib/ingest/observationStore.ts';
import { FigureIndex } from '../../../src/lib/aggregate/figureIndex.ts';
import { figureFields } from '../../../src/lib/aggregate/reportedFigure.ts';
import { period } from '../../../src/lib/period.ts';
import type { Figure } from '../../../src/lib/schema/figure.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import type { Qualifier } from '../../../src/lib/schema/qualifier.ts';
import { observation } from '../../helpers/observation.ts';
import { testCatalog } from '../../helpers/tables.ts';

const { metrics } = testCatalog();
let line = 1;
function obs(metric: string, value: number, options: { unit?: string; qualifier?: Qualifier; period?: string; step?: number } = {}): Observation {
  line++;
  return observation({
    id: `f.csv:${line}`,
    at: { file: 'f.csv', dataFile: 'f.csv', line, column: 5 },
    unit: options.unit ?? null,
    period: period(options.period ?? '2020'),
    metric,
    value,
    step: options.step ?? 1,
    qualifier: options.qualifier ?? 'exact',
    written: String(value),
    time: metrics.find((m) => m.id === metric)?.kind === 'flow' ? 'flow' : 'stock',
  });
}

const y2020 = period('2020');

describe('aggregateFigures', () => {
  it('keeps the stated ratio as the figure, with the one its parts give beside it (Hainan 2020)', () => {
    const figures = new FigureIndex(
      aggregateFigures([obs('branches-compliant', 2387), obs('branches-total', 2824), obs('branch-compliance-rate', 0.89, { step: 0.01 })], metrics),
    );
    const rate = figures.get('hainan', null, y2020, 'branch-compliance-rate');
    expect(rate?.basis).toBe('reported');
    expect(rate?.value).toBe(0.89);
    expect(rate?.computed?.value).toBe(2387 / 2824);
    expect(rate?.computed?.differencePoints).toBeCloseTo((0.89 - 2387 / 2824) * 100, 10);
    expect(rate?.computed?.agrees).toBe(false);
    expect(rate?.observations).toHaveLength(1);
    expect(rate?.computed?.observations).toHaveLength(2);
  });

  it('files a figure of another scope, a running total and an undated one beside the usual one, and sums none of them', () => {
    const usual = obs('training-attendance', 100, { unit: 'gaoyuan' });
    const scoped = { ...obs('training-attendance', 7, { unit: 'gonganting' }), scope: '专项培训' };
    const total = { ...obs('model-organs', 73), time: 'cumulative' as const, undated: true };
    const year = obs('model-organs', 73);
    const figures = aggregateFigures([usual, scoped, total, year], metrics);
    const committee = figures.filter((f) => f.unit === null);
    expect(committee.find((f) => f.metric === 'training-attendance')).toMatchObject({ value: 100, basis: 'sum_of_units', units: ['gaoyuan'] });
    expect(committee.filter((f) => f.metric === 'model-organs').map((f) => [f.time, f.undated])).toEqual(expect.arrayContaining([['flow', false], ['cumulative', true]]));
    expect(new FigureIndex(figures).get('hainan', null, y2020, 'model-organs')?.time).toBe('flow');
  });

  it('sums unit figures when the committee total is missing, keeping the lower bound', () => {
    const figures = new FigureIndex(
      aggregateFigures(
        [
          obs('training-attendance', 1800, { unit: 'gaoyuan', qualifier: 'more_than' }),
          obs('training-attendance', 200, { unit: 'gonganting' }),
          obs('relief-funds', 0.1, { unit: 'gaoyuan' }),
          obs('relief-funds', 0.2, { unit: 'gonganting' }),
        ],
        metrics,
      ),
    );
    const total = figures.get('hainan', null, y2020, 'training-attendance');
    expect(total).toMatchObject({ value: 2000, qualifier: 'more_than', basis: 'sum_of_units', units: ['gaoyuan', 'gonganting'] });
    expect(figures.get('hainan', null, y2020, 'relief-funds')?.value).toBe(0.3);
  });

  it('never overrides a reported committee total with a sum', () => {
    const figures = new FigureIndex(aggregateFigures([obs('cases-filed', 78), obs('cases-filed', 3, { unit: 'gaoyuan' })], metrics));
    expect(figures.get('hainan', null, y2020, 'cases-filed')).toMatchObject({ value: 78, basis: 'reported' });
  });

  it('recomputes a committee ratio from summed parts, never by averaging unit ratios', () => {
    const figures = new FigureIndex(
      aggregateFigures(
        [
          obs('branches-compliant', 9, { unit: 'gaoyuan' }),
          obs('branches-total', 10, { unit: 'gaoyuan' }),
          obs('branches-compliant', 10, { unit: 'gonganting' }),
          obs('branches-total', 90, { unit: 'gonganting' }),
        ],
        metrics,
      ),
    );
    expect(figures.get('hainan', 'gaoyuan', y2020, 'branch-compliance-rate')?.value).toBe(0.9);
    // (9 + 10) / (10 + 90), not (0.9 + 0.111) / 2.
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')?.value).toBe(0.19);
    // The rate of the two units that reported, not the committee's: it says which units it covers.
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')).toMatchObject({ basis: 'ratio_of_parts', units: ['gaoyuan', 'gonganting'] });
    expect(figures.get('hainan', 'gaoyuan', y2020, 'branch-compliance-rate')?.units).toBeUndefined();
  });

  it('divides parts over the units that report both, never parts from different units', () => {
    const figures = new FigureIndex(
      aggregateFigures([obs('branches-compliant', 9, { unit: 'gaoyuan' }), obs('branches-total', 10, { unit: 'gaoyuan' }), obs('branches-total', 90, { unit: 'gonganting' })], metrics),
    );
    // 9 of gaoyuan's 10 branches; gonganting reports no compliant count, so its 90 branches stay out.
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')?.value).toBe(0.9);
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')?.observations).toHaveLength(2);
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')?.units).toEqual(['gaoyuan']);
  });

  it('leaves a metric nobody reported as not reported, not zero', () => {
    const figures = new FigureIndex(aggregateFigures([obs('cases-filed', 0)], metrics));
    expect(figures.get('hainan', null, y2020, 'cases-filed')?.value).toBe(0);
    expect(figures.get('hainan', null, y2020, 'training-attendance')).toBeUndefined();
  });

  it('never sums or averages ratios across units', () => {
    const figures = new FigureIndex(
      aggregateFigures([obs('branch-compliance-rate', 0.9, { unit: 'gaoyuan' }), obs('branch-compliance-rate', 0.5, { unit: 'gonganting' })], metrics),
    );
    expect(figures.get('hainan', null, y2020, 'branch-compliance-rate')).toBeUndefined();
  });
});

describe('aggregateFigures: the order of figures', () => {
  it('orders by province, unit with the committee first, period end, period start and metric, ids in locale order', () => {
    const figures = aggregateFigures(
      [
        obs('sanctions', 1, { period: '2020', unit: 'gaoyuan' }),
        obs('cases-filed', 1, { period: '2021' }),
        obs('cases-filed', 1, { period: '2019-2021' }),
        obs('sanctions', 1, { period: '2020' }),
        obs('cases-filed', 1, { period: '2020' }),
        obs('sanctions', 1, { period: '2020', unit: 'anji' }),
      ],
      metrics,
    );
    expect(figures.map((f) => `${f.unit ?? ''}/${f.period.id}/${f.metric}/${f.basis}`)).toEqual([
      '/2020/cases-filed/reported',
      '/2020/sanctions/reported',
      '/2019-2021/cases-filed/reported',
      '/2021/cases-filed/reported',
      'anji/2020/sanctions/reported',
      'gaoyuan/2020/sanctions/reported',
    ]);
  });

  it('makes the same figures, in the same order, from the observations of a store as from a list of them', () => {
    const observations = [obs('branches-total', 10, { unit: 'gaoyuan' }), obs('branches-compliant', 8, { unit: 'gaoyuan' }), obs('branches-total', 5, { unit: 'anji' }), obs('cases-filed', 3)];
    const store = new ObservationStore();
    for (const o of observations) store.add(o, []);
    const stored = store.values();
    expect(placedObservations(stored)).toBeDefined();
    expect(placedObservations(observations)).toBeUndefined();
    const plain = aggregateFigures(observations, metrics).map(figureFields);
    expect(aggregateFigures(stored, metrics).map(figureFields)).toEqual(plain);
    expect(plain.length).toBeGreaterThan(observations.length);
  });
});
