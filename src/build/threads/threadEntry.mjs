// The entry of the build's worker threads. Threads start without the
// TypeScript loader when the build was not started with one (the tests run
// under Vitest): register it, then run the thread's own module, named in
// workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
