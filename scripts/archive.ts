/**
 * npm run archive [-- --site DIR --out FILE]   writes and verifies an archive of the built site
 * npm run archive -- --verify FILE            verifies an existing archive, without extracting it: refuses any entry but a
 *                                             regular file or folder inside zongshu-site/ (links, devices, FIFOs, names
 *                                             that leave it)
 * Exit 0: sound. Exit 1: a problem, each printed.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { verifyArchive, writeArchive } from '../src/cli/archive.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: 'dist' }, out: { type: 'string' }, verify: { type: 'string' } },
});

try {
  let file = values.verify ? resolve(values.verify) : undefined;
  if (!file) {
    const written = await writeArchive(resolve(values.site), resolve(values.out ?? 'archives/zongshu-site.tar.gz'));
    file = resolve(values.out ?? 'archives/zongshu-site.tar.gz');
    console.log(`wrote ${file}: ${written.files} files, manifest SHA-256 ${written.manifestHash}`);
  }
  const problems = await verifyArchive(file);
  for (const problem of problems) console.error(`error   ${problem}`);
  if (problems.length === 0) console.log(`verified ${file}: every file matches its SHA-256 in the manifest`);
  else console.log(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; do not extract or publish it: write a new archive with npm run archive`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`archive failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
