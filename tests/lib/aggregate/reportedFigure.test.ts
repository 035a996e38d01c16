import { describe, expect, it } from 'vitest';
import { figureFields, ReportedFigure } from '../../../src/lib/aggregate/reportedFigure.ts';
import { period } from '../../../src/lib/period.ts';
import { FigureSchema } from '../../../src/lib/schema/figure.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import { observation as row } from '../../helpers/observation.ts';

const observation: Observation = row({
  id: 'observations/hainan.csv:7',
  at: { file: 'data/observations/hainan.csv', dataFile: 'observations/hainan.csv', line: 7, column: 5 },
  unit: 'gaoyuan',
  period: period('2019-2020'),
  value: 3000,
  step: 1000,
  qualifier: 'more_than',
  written: '3000余',
  measureWord: '件',
  quote: '立案3000余件',
  scope: '含直属单位',
  time: 'cumulative',
  undated: true,
});

describe('ReportedFigure', () => {
  it('reads every field of a figure from its observation, resting on that one row', () => {
    const figure = new ReportedFigure(observation);
    expect(figureFields(figure)).toEqual({
      province: 'hainan',
      unit: 'gaoyuan',
      period: observation.period,
      metric: 'cases-filed',
      scope: '含直属单位',
      time: 'cumulative',
      undated: true,
      value: 3000,
      qualifier: 'more_than',
      basis: 'reported',
      observations: ['observations/hainan.csv:7'],
    });
    expect(FigureSchema.parse(figure)).toEqual(figureFields(figure));
  });

  it('is written out as the plain figure, so page hashes and JSON see its fields, not the row behind it', () => {
    const figure = new ReportedFigure(observation);
    expect(JSON.parse(JSON.stringify(figure))).toEqual(JSON.parse(JSON.stringify(figureFields(figure))));
    expect(JSON.stringify(figure)).not.toContain('立案3000余件');
  });

  it('figureFields copies a plain figure with its units and computed value', () => {
    const sum = { ...figureFields(new ReportedFigure(observation)), basis: 'sum_of_units' as const, units: ['gaoyuan'], computed: { value: 0.5, qualifier: 'exact' as const, observations: [], differencePoints: 0, agrees: true } };
    expect(figureFields(sum)).toEqual(sum);
    expect(figureFields(sum)).not.toBe(sum);
  });
});
