/**
 * npm run check [-- --data DIR --content DIR --json --strict]
 * Exit 0: no errors (warnings allowed, unless --strict). Exit 1: errors. Exit 2: the check itself failed.
 */
import { readCliOptions } from '../src/cli/options.ts';
import { exitCodeFor, reportJson, reportText } from '../src/cli/report.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';
import { recoverIfIdle } from '../src/build/publishSite.ts';

try {
  const options = readCliOptions();
  // A publish a killed build left at the output folder is finished (or undone) here too, so the site is whole again.
  const recovery = recoverIfIdle(options.outDir);
  if (recovery && !options.json) console.log(`a build stopped while publishing ${options.outDir}: its publish was ${recovery === 'completed' ? 'completed' : 'rolled back'}`);
  const { problems, files } = await loadDataSet(options);
  console.log(options.json ? reportJson(problems, files) : reportText(problems, files));
  process.exitCode = exitCodeFor(problems, options.strict);
} catch (error) {
  console.error(`check failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
