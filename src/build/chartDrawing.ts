/**
 * How a build draws the charts of its pages: from a cache of drawn charts (keyed by a hash of the
 * chart's data and of the code that draws it, so a rebuild redraws only charts whose data changed),
 * else by `draw`: on the chart thread (src/build/threads/chartThread.ts). Without a cache (tests)
 * every chart is drawn afresh. Nothing here loads Plot or linkedom: the thread that renders pages
 * never draws, and loading them took 0.5 s of starting a build.
 */
import { createHash } from 'node:crypto';
import type { ChartSpec } from '../lib/pages/chartData.ts';

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
  /** The chart's SVG, from the cache when its data and the drawing code are unchanged; a promise when it is drawn. */
  chart(spec: ChartSpec): string | Promise<string>;
  stats(): ChartStats;
}

export function chartDrawing(draw: ChartDrawer, cache?: ChartCache): ChartDrawing {
  const stats: ChartStats = { drawn: 0, cached: 0, drawMs: 0 };
  return {
    chart(spec) {
      const key = cache ? createHash('sha256').update(cache.codeVersion).update(JSON.stringify({ ...spec, csvHref: undefined, jsonHref: undefined, svgHref: undefined })).digest('hex') : '';
      const cached = cache?.get(key);
      if (cached !== undefined) {
        stats.cached++;
        return cached;
      }
      return draw(spec).then(({ svg, drawMs }) => {
        stats.drawMs += drawMs;
        stats.drawn++;
        cache?.set(key, svg);
        return svg;
      });
    },
    stats: () => ({ ...stats }),
  };
}
