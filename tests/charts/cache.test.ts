import { afterEach, describe, expect, it } from 'vitest';
import { chartStats, chartSvg, installChartCache, type ChartCache } from '../../src/charts/cache.ts';
import { samples } from './samples.ts';

function memoryCache(codeVersion: string, store = new Map<string, string>()): ChartCache {
  return { codeVersion, get: (key) => store.get(key), set: (key, svg) => void store.set(key, svg) };
}

afterEach(() => installChartCache(undefined));

describe('the chart cache', () => {
  it('draws a chart once and serves it from the cache while data and code stay the same', () => {
    const store = new Map<string, string>();
    installChartCache(memoryCache('v1', store));
    const first = chartSvg(samples.rankedBars);
    const second = chartSvg({ ...samples.rankedBars, csvHref: '../other.csv' });
    expect(second).toBe(first);
    expect(chartStats()).toMatchObject({ drawn: 1, cached: 1 });
  });

  it('draws again when the data or the drawing code change', () => {
    const store = new Map<string, string>();
    installChartCache(memoryCache('v1', store));
    chartSvg(samples.rankedBars);
    chartSvg({ ...samples.rankedBars, data: { ...samples.rankedBars.data, unitLabel: '件' } } as typeof samples.rankedBars);
    expect(chartStats().drawn).toBe(2);
    installChartCache(memoryCache('v2', store));
    chartSvg(samples.rankedBars);
    expect(chartStats()).toMatchObject({ drawn: 1, cached: 0 });
  });

  it('draws every time when no cache is installed', () => {
    installChartCache(undefined);
    chartSvg(samples.rankedBars);
    chartSvg(samples.rankedBars);
    expect(chartStats()).toMatchObject({ drawn: 2, cached: 0 });
  });
});
