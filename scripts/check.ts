/**
 * npm run check [-- --data DIR --content DIR --json --strict]
 * Exit 0: no errors (warnings allowed, unless --strict). Exit 1: errors. Exit 2: the check itself failed.
 */
import { readCliOptions } from '../src/cli/options.ts';
import { reportJson, reportText } from '../src/cli/report.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';

try {
  const options = readCliOptions();
  const { problems, files } = await loadDataSet(options);
  console.log(options.json ? reportJson(problems, files) : reportText(problems, files));
  const failing = problems.some((p) => p.severity === 'error' || (options.strict && p.severity === 'warning'));
  process.exitCode = failing ? 1 : 0;
} catch (error) {
  console.error(`check failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
