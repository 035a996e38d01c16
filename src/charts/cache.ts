/**
 * A cache of drawn charts, keyed by a hash of the chart's data and of the
 * code that draws it, so a rebuild redraws only charts whose data changed.
 * The build installs one backed by a folder; without one (dev, tests) every
 * chart is drawn afresh. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import type { ChartSpec } from '../lib/pages/chartData.ts';
import { renderChartSvg } from './render.ts';

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

const slot = Symbol.for('zongshu.chartCache');
const statsSlot = Symbol.for('zongshu.chartStats');
type Slots = Record<symbol, unknown>;

export function installChartCache(cache: ChartCache | undefined): void {
  (globalThis as Slots)[slot] = cache;
  (globalThis as Slots)[statsSlot] = { drawn: 0, cached: 0, drawMs: 0 } satisfies ChartStats;
}

export function chartStats(): ChartStats {
  return ((globalThis as Slots)[statsSlot] as ChartStats | undefined) ?? { drawn: 0, cached: 0, drawMs: 0 };
}

/** The chart's SVG, from the cache when its data and the drawing code are unchanged. */
export function chartSvg(spec: ChartSpec): string {
  const cache = (globalThis as Slots)[slot] as ChartCache | undefined;
  const stats = chartStats();
  const key = cache ? createHash('sha256').update(cache.codeVersion).update(JSON.stringify({ ...spec, csvHref: undefined, jsonHref: undefined })).digest('hex') : '';
  const cached = cache?.get(key);
  if (cached !== undefined) {
    stats.cached++;
    return cached;
  }
  const started = performance.now();
  const svg = renderChartSvg(spec);
  stats.drawMs += performance.now() - started;
  stats.drawn++;
  cache?.set(key, svg);
  return svg;
}
