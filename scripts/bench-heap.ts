/**
 * node --expose-gc --import tsx scripts/bench-heap.ts DATA CONTENT
 * For npm run bench: loads a data set as a build does, collects garbage and prints the heap it
 * holds then, with the observations it read (a row of data/observations, or a filled cell of a
 * unit-return table), as one JSON line. A process of its own, so nothing else the
 * bench has loaded counts.
 */
import { loadDataSet } from '../src/load/loadDataSet.ts';

const [dataDir, contentDir] = process.argv.slice(2);
if (!dataDir || !contentDir) throw new Error('usage: bench-heap.ts DATA CONTENT');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const loaded = await loadDataSet({ dataDir, contentDir });
gc();
gc();
console.log(JSON.stringify({ observations: loaded.dataSet.observations.length, figures: loaded.dataSet.figures.length, heapBytes: process.memoryUsage().heapUsed }));
