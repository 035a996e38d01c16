/**
 * How a build draws the charts of its pages: from a cache of drawn charts (keyed by a hash of the
 * chart's data and of the code that draws it, so a rebuild redraws only charts whose data changed),
 * else on the chart thread (src/build/threads/chartThread.ts), else here. Without a cache (dev,
 * tests) every chart is drawn afresh.
 */
import { createHash } from 'node:crypto';
import type { ChartSpec } from '../lib/pages/chartData.ts';
import { renderChartSvg } from '../charts/render.ts';

export interface ChartCache {
  /** Identifies the drawing code: a change of any chart module invalidates every entry. */
  codeVersion: string;
  get(key: string): string | undefined;
  set(key: string, svg: string): void;
}

export interface ChartStats {
  drawn: number;
  cached: number;
  /** Milliseconds spent drawing. */
  drawMs: number;
}

/** Draws a chart elsewhere (src/build/threads/chartThread.ts); drawMs: milliseconds the drawing itself took. */
export type ChartDrawer = (spec: ChartSpec) => Promise<{ svg: string; drawMs: number }>;

export interface ChartDrawing {
  /** The chart's SVG, from the cache when its data and the drawing code are unchanged; a promise when it is drawn on another thread. */
  chart(spec: ChartSpec): string | Promise<string>;
  stats(): ChartStats;
}

export function chartDrawing(cache?: ChartCache, drawer?: ChartDrawer): ChartDrawing {
  const stats: ChartStats = { drawn: 0, cached: 0, drawMs: 0 };
  return {
    chart(spec) {
      const key = cache ? createHash('sha256').update(cache.codeVersion).update(JSON.stringify({ ...spec, csvHref: undefined, jsonHref: undefined, svgHref: undefined })).digest('hex') : '';
      const cached = cache?.get(key);
      if (cached !== undefined) {
        stats.cached++;
        return cached;
      }
      const drawn = (svg: string, drawMs: number) => {
        stats.drawMs += drawMs;
        stats.drawn++;
        cache?.set(key, svg);
        return svg;
      };
      if (drawer) return drawer(spec).then(({ svg, drawMs }) => drawn(svg, drawMs));
      const started = performance.now();
      return drawn(renderChartSvg(spec), performance.now() - started);
    },
    stats: () => ({ ...stats }),
  };
}
