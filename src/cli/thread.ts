/** Starts a worker thread running a TypeScript module of the build (src/cli/threadEntry.mjs). */
import { Worker } from 'node:worker_threads';

export function startThread(module: URL, data: Record<string, unknown> = {}): Worker {
  return new Worker(new URL('./threadEntry.mjs', import.meta.url), { workerData: { ...data, module: module.href } });
}
