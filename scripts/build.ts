/**
 * npm run build [-- --data DIR --content DIR --out DIR]
 * Checks the data, then builds the site. On any error nothing under the output folder changes.
 */
import { readCliOptions } from '../src/cli/options.ts';
import { buildSite } from '../src/cli/buildSite.ts';
import { reportText } from '../src/cli/report.ts';
import { hasErrors } from '../src/lib/problems.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';

const options = readCliOptions();
const started = Date.now();
const { dataSet, problems, files } = await loadDataSet(options);
console.log(reportText(problems, files));
if (hasErrors(problems)) {
  console.error(`build stopped: fix the errors above; ${options.outDir} is unchanged.`);
  process.exit(1);
}
try {
  await buildSite({ ...options, dataSet });
  console.log(`built ${options.outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`build failed: ${(error as Error).message}\n${options.outDir} is unchanged.`);
  process.exit(1);
}
