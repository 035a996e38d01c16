// The entry of the build's worker threads. A thread's module runs from the
// bundle scripts/run.mjs made of it (workerData.bundled); when there is none
// (the tests run under Vitest), the TypeScript loader is registered first.
// Either way the module is named in workerData.module.
import { workerData } from 'node:worker_threads';

if (!workerData.bundled) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
