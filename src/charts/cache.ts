/**
 * A cache of drawn charts, keyed by a hash of the chart's data and of the
 * code that draws it, so a rebuild redraws only charts whose data changed.
 * The build installs one backed by a folder; without one (dev, tests) every
 * chart is drawn afresh. Deleting the folder is always safe. The build also
 * installs a drawer that draws on another thread; without one, charts are
 * drawn here, as the page renders.
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

/** Draws a chart elsewhere (src/cli/chartThread.ts); drawMs: milliseconds the drawing itself took. */
export type ChartDrawer = (spec: ChartSpec) => Promise<{ svg: string; drawMs: number }>;

const slot = Symbol.for('zongshu.chartCache');
const drawerSlot = Symbol.for('zongshu.chartDrawer');
const statsSlot = Symbol.for('zongshu.chartStats');
type Slots = Record<symbol, unknown>;

export function installChartCache(cache: ChartCache | undefined): void {
  (globalThis as Slots)[slot] = cache;
  (globalThis as Slots)[statsSlot] = { drawn: 0, cached: 0, drawMs: 0 } satisfies ChartStats;
}

export function installChartDrawer(drawer: ChartDrawer | undefined): void {
  (globalThis as Slots)[drawerSlot] = drawer;
}

export function chartStats(): ChartStats {
  return ((globalThis as Slots)[statsSlot] as ChartStats | undefined) ?? { drawn: 0, cached: 0, drawMs: 0 };
}

/** The chart's SVG, from the cache when its data and the drawing code are unchanged; a promise when it is drawn on another thread. */
export function chartSvg(spec: ChartSpec): string | Promise<string> {
  const cache = (globalThis as Slots)[slot] as ChartCache | undefined;
  const stats = chartStats();
  const key = cache ? createHash('sha256').update(cache.codeVersion).update(JSON.stringify({ ...spec, csvHref: undefined, jsonHref: undefined })).digest('hex') : '';
  const cached = cache?.get(key);
  if (cached !== undefined) {
    stats.cached++;
    return cached;
  }
  const drawer = (globalThis as Slots)[drawerSlot] as ChartDrawer | undefined;
  const drawn = (svg: string, drawMs: number) => {
    stats.drawMs += drawMs;
    stats.drawn++;
    cache?.set(key, svg);
    return svg;
  };
  if (drawer) return drawer(spec).then(({ svg, drawMs }) => drawn(svg, drawMs));
  const started = performance.now();
  const svg = renderChartSvg(spec);
  return drawn(svg, performance.now() - started);
}
