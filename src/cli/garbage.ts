/**
 * Keeps a build's garbage from piling up. Over the pages stage V8 lets the old
 * generation grow to about twice the live heap before it collects: with the
 * national data set live (0.9 GB) the heap reached 2.1 GB, 2.4 GB of RSS. So
 * the build looks at the heap's size after every page and every chart (a look
 * takes microseconds) and forces a full collection (where node allows it:
 * --expose-gc) once the heap has grown by `allowance` since the last one. A
 * collection costs about 0.5 s with that live heap, so the allowance is not
 * small: the number of forced collections is the garbage that survives to the
 * old generation divided by it.
 */
import { getHeapStatistics } from 'node:v8';

/** Bytes the heap may grow by between two forced collections. */
const allowance = 192 * 2 ** 20;
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
