import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../src/charts/render.ts';
import { chartThread } from '../../../src/build/threads/chartThread.ts';
import { samples } from '../../charts/samples.ts';

describe('chartThread', () => {
  it('starts no thread until a chart is asked for, and stops without one', async () => {
    const charts = chartThread();
    expect(charts.started()).toBe(false);
    await charts.stop();
    expect(charts.started()).toBe(false);
  });

  it('starts its thread at the first chart asked for and draws each as the main thread would', async () => {
    const charts = chartThread();
    try {
      const specs = Object.values(samples);
      const drawn = await Promise.all(specs.map((spec) => charts.draw(spec)));
      expect(charts.started()).toBe(true);
      drawn.forEach(({ svg }, n) => expect(svg).toBe(renderChartSvg(specs[n]!)));
    } finally {
      await charts.stop();
    }
  });

  it('starts its thread when told to, before any chart, and draws with it', async () => {
    const charts = chartThread();
    try {
      charts.start();
      expect(charts.started()).toBe(true);
      const spec = samples.trendLines;
      expect((await charts.draw(spec)).svg).toBe(renderChartSvg(spec));
    } finally {
      await charts.stop();
    }
  });

  it('fails a drawing the thread cannot make, naming the chart', async () => {
    const charts = chartThread();
    try {
      const broken = { ...samples.trendLines, id: 'broken-chart', data: null } as unknown as typeof samples.trendLines;
      await expect(charts.draw(broken)).rejects.toThrow(/broken-chart/u);
    } finally {
      await charts.stop();
    }
  });
});
