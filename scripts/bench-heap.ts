/**
 * node --expose-gc --import tsx scripts/bench-heap.ts DATA CONTENT
 * For npm run bench: loads a data set as a build does, collects garbage and prints the heap it
 * holds then, with the rows it read, as one JSON line. A process of its own, so nothing else the
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
const rows = loaded.files.reduce((sum, f) => sum + f.rows, 0);
console.log(JSON.stringify({ rows, figures: loaded.dataSet.figures.length, heapBytes: process.memoryUsage().heapUsed }));
