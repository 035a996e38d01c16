import { beforeAll, describe, expect, it } from 'vitest';
import { guessMetric, metricNames, unitsFor, type MetricNames } from '../../../src/lib/extract/metricMatch.ts';
import { bundledMetrics } from '../../helpers/bundledMetrics.ts';

let names: MetricNames;
beforeAll(async () => {
  names = metricNames(await bundledMetrics());
});

/** Guesses the metric of the first occurrence of `figure` in a one-clause sentence. */
function guess(sentence: string, figure: string, measureWord: string, value = figure.replace(measureWord, '')) {
  const start = sentence.indexOf(figure);
  const end = start + figure.length;
  return guessMetric(names, sentence, sentence, { start, end, sentenceStart: start, sentenceEnd: end, measureWord, value });
}

describe('unitsFor', () => {
  it('says which metric units a measure word can count', () => {
    expect(unitsFor('', '89%')).toEqual(['%']);
    expect(unitsFor('', '312.8万元')).toEqual(['万元']);
    expect(unitsFor('人次', '41')).toEqual(['人次']);
    expect(unitsFor('人(次)', '41')).toEqual(['人次']);
    expect(unitsFor('名', '312')).toEqual(['名', '人次']);
    expect(unitsFor('個', '85')).toEqual(['个', '项', '篇']);
    expect(unitsFor('場次', '650')).toEqual(['场次']);
    expect(unitsFor('', '1200')).toEqual([]);
  });
});

describe('guessMetric', () => {
  it("is sure when a metric's name or alias stands beside the figure", () => {
    const g = guess('立案37件', '37件', '件');
    expect([g.metric?.id, g.confidence]).toEqual(['cases-filed', 'high']);
  });

  it('reads names written in Traditional', () => {
    expect(guess('表彰先進基層黨組織85個', '85個', '個').metric?.id).toBe('honoured-organisations');
  });

  it('prefers the nearest name whose unit fits the measure word', () => {
    // 党支部 is nearer, but a 人次 figure cannot count branches.
    expect(guess('组织培训党支部书记1200人次', '1200人次', '人次').metric?.id).toBe('training-attendance');
    expect(guess('1862个党支部达标', '1862个', '个').metric?.id).toBe('branches-compliant');
  });

  it('finds the rate of a share from the numerator and denominator its sentence names', () => {
    const sentence = '2387个党支部达标，占全部在职党支部2824个的89%';
    const start = sentence.indexOf('89%');
    const g = guessMetric(names, '的89%', sentence, { start: 1, end: 4, sentenceStart: start, sentenceEnd: start + 3, measureWord: '', value: '89%' });
    expect([g.metric?.id, g.confidence]).toEqual(['branch-compliance-rate', 'medium']);
  });

  it('says so when no name is near', () => {
    expect(guess('共计1200个', '1200个', '个')).toMatchObject({ metric: undefined, confidence: 'none' });
  });
});
