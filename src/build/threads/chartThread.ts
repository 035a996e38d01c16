/**
 * Charts drawn on a thread of their own (src/build/threads/chartWorker.ts) while Astro
 * renders other pages (it renders several at once: build.concurrency in
 * src/astro/siteConfig.ts), so on two cores the drawing costs the pages stage
 * little more than the wait for the last chart.
 */
import type { ChartDrawer } from '../chartDrawing.ts';
import type { ChartResult } from './chartWorker.ts';
import { startThread } from './thread.ts';

export interface ChartThread {
  draw: ChartDrawer;
  stop(): Promise<void>;
}

export function startChartThread(): ChartThread {
  const worker = startThread(new URL('./chartWorker.ts', import.meta.url));
  const waiting = new Map<number, { resolve: (drawn: { svg: string; drawMs: number }) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (result: ChartResult) => {
    const request = waiting.get(result.id);
    waiting.delete(result.id);
    if ('error' in result) request?.reject(new Error(`chart ${result.error}`));
    else request?.resolve(result);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the chart thread stopped')));
  return {
    draw(spec) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, spec });
      });
    },
    async stop() {
      // Drawings still waiting when the build ends belong to pages nobody reads: a page carried
      // over from the last site starts its charts (Astro begins a slot's components early) and
      // then drops them. Left pending they are collected; failed, they would end the process as
      // unhandled rejections. A thread that dies during the build still fails its drawings.
      waiting.clear();
      await worker.terminate();
    },
  };
}
