/** Starts a worker thread running a TypeScript module of the build (src/build/threads/threadEntry.mjs), or says how to run one as a process. */
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

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

/**
 * `transferList`: what `data` hands over rather than copies (a MessagePort); `oldGenerationMb`: for a
 * thread that holds more than one page at once (the list of a whole site's files), MB.
 */
export function startThread(module: URL, data: Record<string, unknown> = {}, transferList: Transferable[] = [], oldGenerationMb = threadHeap.maxOldGenerationSizeMb): Worker {
  const bundle = threadBundles()[module.href];
  return new Worker(new URL('./threadEntry.mjs', import.meta.url), {
    workerData: { ...data, module: bundle ?? module.href, bundled: bundle !== undefined },
    resourceLimits: { ...threadHeap, maxOldGenerationSizeMb: oldGenerationMb },
    transferList,
  });
}

/** The command that runs a module of the build as a process of its own: its bundle, or under Vitest the module through tsx. */
export function processCommand(module: URL): string[] {
  const bundle = threadBundles()[module.href];
  return bundle === undefined ? [process.execPath, '--import', 'tsx', fileURLToPath(module)] : [process.execPath, fileURLToPath(bundle)];
}
