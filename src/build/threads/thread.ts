/** Starts a worker thread running a TypeScript module of the build (src/build/threads/threadEntry.mjs). */
import { Worker } from 'node:worker_threads';

/**
 * A thread's heap is kept small: what it holds at once is one page or one chart, and V8
 * would otherwise let its garbage grow to hundreds of megabytes before collecting, in the
 * build's process (MB).
 */
const threadHeap = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

export function startThread(module: URL, data: Record<string, unknown> = {}): Worker {
  return new Worker(new URL('./threadEntry.mjs', import.meta.url), { workerData: { ...data, module: module.href }, resourceLimits: threadHeap });
}
