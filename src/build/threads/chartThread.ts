/**
 * Charts drawn on a thread of their own (src/build/threads/chartWorker.ts) while Astro
 * renders other pages (it renders several at once: build.concurrency in
 * src/astro/siteConfig.ts), so on two cores the drawing costs the pages stage
 * little more than the wait for the last chart.
 *
 * The thread starts at the first chart asked for, or when `start` is called: a build that
 * replaces a site takes most charts, often all, from the cache (src/build/chartDrawing.ts).
 * When to start it is the build's choice (src/build/buildStart.ts says what each costs).
 */
import type { Worker } from 'node:worker_threads';
import type { ChartDrawer } from '../chartDrawing.ts';
import type { ChartResult } from './chartWorker.ts';
import { startThread } from './thread.ts';

export interface ChartThread {
  draw: ChartDrawer;
  /** Starts the thread now, before any chart is asked for: a first build draws every chart, and then begins at once. */
  start(): void;
  /** Whether the thread was started. */
  started(): boolean;
  stop(): Promise<void>;
}

export function chartThread(): ChartThread {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (drawn: { svg: string; drawMs: number }) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const running = (): Worker => {
    if (worker) return worker;
    const started = startThread(new URL('./chartWorker.ts', import.meta.url));
    started.on('message', (result: ChartResult) => {
      const request = waiting.get(result.id);
      waiting.delete(result.id);
      if ('error' in result) request?.reject(new Error(`chart ${result.error}`));
      else request?.resolve(result);
    });
    started.on('error', failAll);
    started.on('exit', () => failAll(new Error('the chart thread stopped')));
    worker = started;
    return started;
  };
  return {
    draw(spec) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running().postMessage({ id, spec });
      });
    },
    start: () => void running(),
    started: () => worker !== undefined,
    async stop() {
      // Drawings still waiting when the build ends belong to pages nobody reads: a page carried
      // over from the last site starts its charts (Astro begins a slot's components early) and
      // then drops them. Left pending they are collected; failed, they would end the process as
      // unhandled rejections. A thread that dies during the build still fails its drawings.
      waiting.clear();
      await worker?.terminate();
    },
  };
}
