/**
 * Keeps a build's garbage from piling up. V8 lets the old generation grow to
 * about twice the live heap before it collects: with the national data set
 * live (0.8 GB) the heap reached 2.1 GB in the pages stage, 2.4 GB of RSS. So
 * the build looks at the heap's size (a look takes microseconds) after every
 * page, every chart, every page of the Traditional edition and every chunk of
 * the data package, every 200 ms while Astro bundles the pages, and once the
 * data files are read and once the data set is made; and it forces a full
 * collection (where node allows it: --expose-gc) once the heap has grown by
 * `allowance` since the last one. A collection costs about 0.5 s with that
 * live heap: the number of forced collections is the garbage that survives to
 * the old generation divided by the allowance, so the allowance is as large as
 * a peak RSS of 1.5 GB allows (the heap's pages, plus about 0.3-0.5 GB of
 * Astro's and node's own memory outside it).
 */
import { getHeapStatistics } from 'node:v8';

/** Bytes the heap may grow by between two forced collections. */
const allowance = 128 * 2 ** 20;
/** The heap's size after the last forced collection: in a global slot, as Astro's bundle of the pages holds a copy of this module. */
const slot = Symbol.for('zongshu.heapAfterCollection');
type Slots = Record<symbol, number | undefined>;

/** Forces a full collection when the heap grew by the allowance since the last one; nothing without --expose-gc. */
export function collectGarbageWhenPiledUp(): void {
  if (typeof globalThis.gc !== 'function') return;
  if (getHeapStatistics().used_heap_size - ((globalThis as Slots)[slot] ?? 0) < allowance) return;
  globalThis.gc();
  (globalThis as Slots)[slot] = getHeapStatistics().used_heap_size;
}

