/**
 * npm run check [-- --data DIR --content DIR --json --strict --lang en]
 * Exit 0: no errors (warnings allowed, unless --strict). Exit 1: errors. Exit 2: the check itself failed.
 * Speaks Chinese unless --lang en; --json prints both languages of every problem.
 */
import { argumentLanguage, errorMessage, exitIfHelpAsked, readCliOptions, say } from '../src/cli/options.ts';
import { exitCodeFor, recoveryLine, reportJson, reportText } from '../src/cli/report.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';
import { recoverIfIdle } from '../src/build/publishSite.ts';

exitIfHelpAsked('check');
// Until the options are read, a failure is said in the language they ask for.
let language = argumentLanguage();
try {
  const options = readCliOptions();
  language = options.lang;
  // A publish a killed build left at the output folder is finished (or undone) here too, so the site is whole again.
  const recovery = recoverIfIdle(options.outDir);
  if (recovery && !options.json) console.log(recoveryLine(language, options.outDir, recovery, false));
  const { problems, files } = await loadDataSet(options);
  console.log(options.json ? reportJson(problems, files) : reportText(problems, files, language));
  process.exitCode = exitCodeFor(problems, options.strict);
} catch (error) {
  console.error(say(language, `检查失败：${errorMessage(error, language)}`, `check failed: ${errorMessage(error, language)}`));
  process.exitCode = 2;
}
