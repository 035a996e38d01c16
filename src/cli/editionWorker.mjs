// Worker threads start without the TypeScript loader of the build when it was
// not given on the command line (the tests run under Vitest): register it, then
// run the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./editionWorker.ts');
