/**
 * npm run bench [-- --quick]
 * Measures aggregation throughput against papaparse alone, full and incremental build
 * time and memory, and page weight on the synthetic national data set (--quick: a small
 * one), writes bench/results.json (bench/results-quick.json) and prints a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench } from '../src/cli/bench.ts';
import { projectRoot } from '../src/build/buildSite.ts';
import { commandOptions } from '../src/cli/options.ts';

// --help says how it is run; an unknown option is said, in Chinese first, and ends it with exit 2.
const { values } = commandOptions('bench', { quick: { type: 'boolean', default: false } });
const results = await bench(values.quick);
mkdirSync(join(projectRoot, 'bench'), { recursive: true });
const file = join(projectRoot, 'bench', values.quick ? 'results-quick.json' : 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

const rows: Array<[string, unknown]> = [];
const flatten = (prefix: string, value: unknown) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v);
  else rows.push([prefix, value]);
};
flatten('', results);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
console.log(`\nwritten to ${file}`);
