/** A case of the input corpus (tests/fixtures/corpus/<case>) laid over its base data set, in a folder of its own. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

/** Copies the corpus base and then the case into `dir` (its expected.json left out); returns the data and content folders. */
export function corpusCase(dir: string, name: string): { dataDir: string; contentDir: string } {
  const corpus = join(repoRoot, 'tests/fixtures/corpus');
  cpSync(join(corpus, '_base'), dir, { recursive: true });
  cpSync(join(corpus, name), dir, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
  return { dataDir: join(dir, 'data'), contentDir: join(dir, 'content') };
}
