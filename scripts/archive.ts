/**
 * npm run archive [-- --site DIR --out FILE]   writes and verifies an archive of the built site
 * npm run archive -- --verify FILE            verifies an existing archive, without extracting it: refuses any entry but a
 *                                             regular file or folder inside zongshu-site/ (links, devices, FIFOs, names
 *                                             that leave it)
 * Exit 0: sound. Exit 1: a problem, each printed. Exit 2: the command line cannot be used.
 * Speaks Chinese unless --lang en (what is wrong with an archive is said in English: src/cli/archive.ts).
 */
import { resolve } from 'node:path';
import { verifyArchive, writeArchive } from '../src/cli/archive.ts';
import { commandOptions, errorMessage, OptionError, say } from '../src/cli/options.ts';

const { values, lang: language } = commandOptions('archive', { site: { type: 'string', default: 'dist' }, out: { type: 'string' }, verify: { type: 'string' } });

try {
  let file = values.verify ? resolve(values.verify) : undefined;
  if (!file) {
    file = resolve(values.out ?? 'archives/zongshu-site.tar.gz');
    const written = await writeArchive(resolve(values.site), file);
    console.log(say(language, `已写入 ${file}：${written.files}个文件，清单的 SHA-256 为 ${written.manifestHash}`, `wrote ${file}: ${written.files} files, manifest SHA-256 ${written.manifestHash}`));
  }
  const problems = await verifyArchive(file);
  for (const problem of problems) console.error(`${say(language, '错误', 'error  ')} ${problem}`);
  if (problems.length === 0) {
    console.log(say(language, `已核验 ${file}：每个文件都与清单中的 SHA-256 一致`, `verified ${file}: every file matches its SHA-256 in the manifest`));
  } else {
    const count = problems.length;
    console.log(say(language, `${file}：有${count}个问题；不要解压或发布它，请用 npm run archive 重新生成归档`, `${file}: ${count} problem${count === 1 ? '' : 's'}; do not extract or publish it: write a new archive with npm run archive`));
  }
  process.exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  console.error(say(language, `归档失败：${errorMessage(error, language)}`, `archive failed: ${errorMessage(error, language)}`));
  // What the command was given cannot be used (no site, a folder for the archive): exit 2, as for a bad option.
  process.exitCode = error instanceof OptionError ? 2 : 1;
}
