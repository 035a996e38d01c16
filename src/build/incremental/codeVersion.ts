/** A hash of the code that turns data into a site, for what builds keep in their cache folder. */
import { fileURLToPath } from 'node:url';
import { lockedDependencies, treeHash } from '../../cli/treeHash.mjs';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The sources, the public files and the locked dependencies and their patches (patches/): a few milliseconds, so not remembered, as the code may change while a process lives (tests, dev). */
export function codeVersion(): string {
  return treeHash(projectRoot, ['src', 'public', ...lockedDependencies]);
}
