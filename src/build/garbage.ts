/**
 * Keeps a build's garbage from piling up. V8 lets the old generation grow to
 * about twice the live heap before it collects: with the national data set
 * live (0.7 GB) the heap reached 2.5 GB in the pages stage, 3.0 GB of RSS.
 * `npm run build` therefore runs node with --heap-growing-percent=20, so V8
 * starts its own major collection once the heap grew a fifth past what was
 * live, in every thread, TypeScript's loader thread included; it marks on a
 * background thread, and the main thread pays about 40 ms per collection.
 * Measured on the national set (2 cores): 84 s and 1.54 GB peak RSS, against
 * 86-90 s and 1.55-1.6 GB with collections forced every 128 MB of growth, and
 * 72 s and 3.0 GB with neither. While the data are read the heap only grows
 * (from nothing to the live data set) and collecting that often slowed
 * loading from 8 s to 11 s: V8's own factor applies then (growHeapFreely),
 * and the build's from the start of buildSite (keepHeapNearLive).
 *
 * What is left here is a backstop, should V8 not honour the factor: the
 * build looks at the heap's size (a look takes microseconds) after every page,
 * Traditional page and data-package chunk, every 200 ms while Astro
 * bundles the pages, and once the files are read and the data set is made;
 * it forces a full collection (where node allows it: --expose-gc; about 0.5 s
 * with the national set live, all of it on the main thread) once the heap has
 * grown by `allowance` since the last one.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** Bytes the heap may grow by between two forced collections. */
const allowance = 384 * 2 ** 20;
/** The heap's size after the last forced collection, bytes. */
let heapAfterCollection = 0;

/** Heap growth V8 allows past the live size before its next major collection, percent. */
const heapGrowingPercent = 20;

/**
 * Sets V8's growing factor for the rest of the process. Node documents setting V8 flags after
 * start as unsupported in general; V8 reads this one at every major collection, which is what
 * the national build's load time and peak RSS (measured) show.
 */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  // V8 sets its next limit at a major collection: without one now, the limit it set while the data were
  // read (growHeapFreely) held until Astro had bundled the pages, and the heap grew from 450 MB of live
  // data to 740 MB: on the national set, peak RSS 1.13 GB in two builds, 0.92-0.94 GB in two with this collection.
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    heapAfterCollection = getHeapStatistics().used_heap_size;
  }
}

/** V8's own growing factor, for reading the data (0: V8 chooses). */
export function growHeapFreely(): void {
  setFlagsFromString('--heap-growing-percent=0');
}

/** Forces a full collection when the heap grew by the allowance since the last one; nothing without --expose-gc. */
export function collectGarbageWhenPiledUp(): void {
  if (typeof globalThis.gc !== 'function') return;
  if (getHeapStatistics().used_heap_size - heapAfterCollection < allowance) return;
  globalThis.gc();
  heapAfterCollection = getHeapStatistics().used_heap_size;
}

