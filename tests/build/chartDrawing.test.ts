import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartDrawing, type ChartCache, type ChartDrawer } from '../../src/build/chartDrawing.ts';
import { renderChartSvg } from '../../src/charts/render.ts';
import { folderChartCache } from '../../src/build/incremental/chartCacheFolder.ts';
import { samples } from '../charts/samples.ts';

function memoryCache(codeVersion: string, store = new Map<string, string>()): ChartCache {
  return { codeVersion, get: (key) => store.get(key), set: (key, svg) => void store.set(key, svg) };
}

/** Draws on this thread, as the chart thread would. */
const drawHere: ChartDrawer = async (spec) => {
  const started = performance.now();
  return { svg: renderChartSvg(spec), drawMs: performance.now() - started };
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('drawing charts', () => {
  it('draws a chart once and serves it from the cache while data and code stay the same', async () => {
    const drawing = chartDrawing(drawHere, memoryCache('v1'));
    const first = await drawing.chart(samples.rankedBars);
    const second = drawing.chart({ ...samples.rankedBars, csvHref: '../other.csv' });
    expect(second).toBe(first);
    expect(drawing.stats()).toMatchObject({ drawn: 1, cached: 1 });
  });

  it('draws again when the data or the drawing code change', async () => {
    const store = new Map<string, string>();
    const drawing = chartDrawing(drawHere, memoryCache('v1', store));
    await drawing.chart(samples.rankedBars);
    await drawing.chart({ ...samples.rankedBars, data: { ...samples.rankedBars.data, unitLabel: '件' } } as typeof samples.rankedBars);
    expect(drawing.stats().drawn).toBe(2);
    const again = chartDrawing(drawHere, memoryCache('v2', store));
    await again.chart(samples.rankedBars);
    expect(again.stats()).toMatchObject({ drawn: 1, cached: 0 });
  });

  it('draws every time without a cache', async () => {
    const drawing = chartDrawing(drawHere);
    await drawing.chart(samples.rankedBars);
    await drawing.chart(samples.rankedBars);
    expect(drawing.stats()).toMatchObject({ drawn: 2, cached: 0 });
  });

  it('never serves a cached chart that was changed, cut short, emptied or moved: it draws it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zongshu-charts-'));
    folders.push(dir);
    const firstCache = folderChartCache(dir);
    const first = chartDrawing(drawHere, firstCache);
    const svg = await first.chart(samples.rankedBars);
    // The cache writes in the background: wait for it, as a build does before it publishes.
    await firstCache.written();
    const [name = ''] = readdirSync(dir);
    const file = join(dir, name);
    const kept = readFileSync(file, 'utf8');
    const tamper = async (text: string) => {
      writeFileSync(file, text);
      const cache = folderChartCache(dir);
      const drawing = chartDrawing(drawHere, cache);
      expect(await drawing.chart(samples.rankedBars)).toBe(svg);
      expect(drawing.stats()).toMatchObject({ drawn: 1, cached: 0 });
      expect(cache.rejected()).toBe(1);
      await cache.written();
      expect(readFileSync(file, 'utf8')).toBe(kept);
    };
    await tamper(kept.replace('</svg>', '<text>2825</text></svg>'));
    await tamper(kept.slice(0, kept.length / 2));
    await tamper('');
    await tamper(kept.replace(name.replace('.svg', ''), 'f'.repeat(64)));
    // Whole and untouched, it is served.
    writeFileSync(file, kept);
    const drawing = chartDrawing(drawHere, folderChartCache(dir));
    expect(drawing.chart(samples.rankedBars)).toBe(svg);
    expect(drawing.stats()).toMatchObject({ drawn: 0, cached: 1 });
  });
});
