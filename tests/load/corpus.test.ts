/**
 * The corpus of broken and hostile inputs: each case in tests/fixtures/corpus
 * lays its files over a clean base data set and names every problem it must
 * produce (file, line, column, what, hint) and the exit code of `check`.
 * Every expected problem must appear, and no other.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderReadingCache } from '../../src/cli/readingCache.ts';
import { exitCodeFor } from '../../src/cli/report.ts';
import type { Problem } from '../../src/lib/schema/problem.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

interface Expected {
  description?: string;
  exit: 0 | 1;
  problems: Array<Partial<Problem> & Pick<Problem, 'severity' | 'code' | 'file'>>;
  delete?: string[];
  accepted?: Record<string, number>;
}

const corpus = join(repoRoot, 'tests/fixtures/corpus');
const cases = readdirSync(corpus).filter((name) => !name.startsWith('_')).sort();
const tempDir = useTempDir();

function matches(actual: Problem, expected: Expected['problems'][number]): boolean {
  return (
    actual.severity === expected.severity &&
    actual.code === expected.code &&
    actual.file.replaceAll('\\', '/').endsWith(expected.file) &&
    actual.line === expected.line &&
    actual.column === expected.column &&
    actual.message.includes(expected.message ?? '') &&
    (actual.hint ?? '').includes(expected.hint ?? '')
  );
}

describe('the corpus of broken and hostile inputs', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', async (name) => {
    const dir = tempDir();
    cpSync(join(corpus, '_base'), dir, { recursive: true });
    cpSync(join(corpus, name), dir, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
    const expected = JSON.parse(readFileSync(join(corpus, name, 'expected.json'), 'utf8')) as Expected;
    for (const path of expected.delete ?? []) rmSync(join(dir, path));
    expect(existsSync(join(dir, 'data'))).toBe(true);

    const { problems, files } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    const unexpected = problems.filter((p) => !expected.problems.some((e) => matches(p, e)));
    const missing = expected.problems.filter((e) => !problems.some((p) => matches(p, e)));
    expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
    expect(problems).toHaveLength(expected.problems.length);
    expect(exitCodeFor(problems, false)).toBe(expected.exit);
    for (const file of files) expect(file.rows).toBe(file.accepted + file.rejected);
    for (const [file, accepted] of Object.entries(expected.accepted ?? {})) {
      expect(files.find((f) => f.file.replaceAll('\\', '/').endsWith(file))?.accepted, file).toBe(accepted);
    }

    // A build keeps each file's reading: read back, it must say the same, in the same order.
    const cache = tempDir();
    const cached = () => loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content'), cache: folderReadingCache(cache, join(dir, 'data')) });
    await cached();
    const again = await cached();
    expect(again.problems).toEqual(problems);
    expect(again.files).toEqual(files);
  });
});
