/**
 * The thread that draws charts for the pages the main thread renders
 * (src/build/threads/chartThread.ts): Plot and its DOM work, a fifth of the pages
 * stage of a national build, run beside the rendering of the next pages.
 */
import { parentPort } from 'node:worker_threads';
import { renderChartSvg } from '../../charts/render.ts';
import type { ChartSpec } from '../../lib/pages/chartData.ts';

export interface ChartRequest {
  id: number;
  spec: ChartSpec;
}

export type ChartResult = { id: number; svg: string; drawMs: number } | { id: number; error: string };

parentPort?.on('message', ({ id, spec }: ChartRequest) => {
  const started = performance.now();
  try {
    const svg = renderChartSvg(spec);
    parentPort?.postMessage({ id, svg, drawMs: performance.now() - started } satisfies ChartResult);
  } catch (error) {
    parentPort?.postMessage({ id, error: `${spec.id}: ${(error as Error).message}` } satisfies ChartResult);
  }
});
