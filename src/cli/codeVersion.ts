/** A hash of the code that turns data into a site, for what builds keep in their cache folder. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The sources, the public files and the locked dependencies: a few milliseconds, so not remembered, as the code may change while a process lives (tests, dev). */
export function codeVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path.slice(projectRoot.length)).update(readFileSync(path));
    }
  };
  walk(join(projectRoot, 'src'));
  walk(join(projectRoot, 'public'));
  hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  return hash.digest('hex');
}
