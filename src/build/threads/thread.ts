/** Starts a worker thread running a TypeScript module of the build (src/build/threads/threadEntry.mjs). */
import { Worker } from 'node:worker_threads';

/**
 * A thread's heap is kept small: what it holds at once is one page or one chart, and V8
 * would otherwise let its garbage grow to hundreds of megabytes before collecting, in the
 * build's process (MB).
 */
const threadHeap = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/**
 * The bundle of each thread module that scripts/run.mjs made, by the module's address: a thread
 * runs from it without the TypeScript loader. Under Vitest there are none, and threads load the
 * module through tsx (threadEntry.mjs).
 */
function threadBundles(): Record<string, string> {
  try {
    return JSON.parse(process.env.ZONGSHU_THREAD_BUNDLES ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function startThread(module: URL, data: Record<string, unknown> = {}): Worker {
  const bundle = threadBundles()[module.href];
  return new Worker(new URL('./threadEntry.mjs', import.meta.url), { workerData: { ...data, module: bundle ?? module.href, bundled: bundle !== undefined }, resourceLimits: threadHeap });
}
