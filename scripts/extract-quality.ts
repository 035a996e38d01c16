/**
 * npm run extract:quality
 * Runs the extractor on the five bundled reviews and prints recall of the data set's rows,
 * precision against the hand list of real figures (tests/fixtures/extract/gold.json), and
 * how often the proposed metric is right, overall and per category.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/build/buildSite.ts';
import { measureSeeds } from '../src/cli/extractQuality.ts';
import { share, type Tally } from '../src/lib/extract/quality.ts';

const seeds = join(projectRoot, '..', 'shared', 'seeds');
if (!existsSync(seeds)) {
  console.error(`extract:quality: the review texts are not at ${seeds}`);
  process.exit(2);
}
const { reviews, total } = await measureSeeds(projectRoot, seeds);
const pct = (t: Tally) => `${(share(t) * 100).toFixed(1)}% (${t.hit}/${t.total})`;

for (const { source, report } of reviews) {
  console.log(`${source.padEnd(18)} recall ${pct(report.recall)}  precision ${pct(report.precision)}  metric right ${pct(report.metricRight)}`);
}
console.log(`\nall five: recall ${pct(total.recall)}, precision ${pct(total.precision)}, metric right ${pct(total.metricRight)}`);
console.log('\nrecall by category:');
for (const [k, t] of Object.entries(total.recallByCategory).sort()) console.log(`  ${k.padEnd(12)} ${pct(t)}`);
console.log('precision by proposed category:');
for (const [k, t] of Object.entries(total.precisionByCategory).sort()) console.log(`  ${k.padEnd(12)} ${pct(t)}`);
if (total.missed.length > 0) console.log(`\nmissed:\n  ${total.missed.join('\n  ')}`);
if (total.wrong.length > 0) console.log(`\nmetric wrong:\n  ${total.wrong.join('\n  ')}`);
