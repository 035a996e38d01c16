/**
 * The corpus of broken and hostile inputs: each case in tests/fixtures/corpus
 * lays its files over a clean base data set and names every problem it must
 * produce (file, line, column, what, hint) and the exit code of `check`.
 * Every expected problem must appear, and no other. What cannot or should not
 * be committed (130,000 rows, a 1 MB field, a link to nowhere, a folder named
 * x.csv) a case makes (`make` in its expected.json).
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderReadingCache } from '../../src/build/incremental/readingCache.ts';
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
  make?: Made[];
}

/** A file a case makes in its data set rather than commits. */
interface Made {
  /** Relative to the case's folder, as data/observations/x.csv. */
  path: string;
  /** UTF-8 text the file begins with. */
  text?: string;
  /** Text written `times` times after `text`, then `end`. */
  repeat?: string;
  times?: number;
  end?: string;
  /** NUL bytes written last. */
  zeros?: number;
  /** Instead of a file: a symbolic link to this target. */
  link?: string;
  /** Instead of a file: a folder, holding a file of its own. */
  folder?: boolean;
}

function make(dir: string, made: Made): void {
  const path = join(dir, made.path);
  mkdirSync(dirname(path), { recursive: true });
  if (made.link !== undefined) {
    symlinkSync(made.link, path);
  } else if (made.folder) {
    mkdirSync(path);
    writeFileSync(join(path, 'readme.txt'), 'not data\n');
  } else {
    writeFileSync(path, `${made.text ?? ''}${(made.repeat ?? '').repeat(made.times ?? 1)}${made.end ?? ''}`);
    if (made.zeros) appendFileSync(path, Buffer.alloc(made.zeros));
  }
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
    for (const made of expected.make ?? []) make(dir, made);
    expect(existsSync(join(dir, 'data'))).toBe(true);

    const { problems, files, dataSet, digests } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    // Every problem is said in Chinese too, what check and build print unless --lang en: its message, and its hint when it has one.
    for (const problem of problems) {
      expect(problem.zh?.message ?? '', `${problem.code}: ${problem.message}`).toMatch(/\p{Script=Han}/u);
      if (problem.hint !== undefined) expect(problem.zh.hint ?? '', `${problem.code}: ${problem.hint}`).toMatch(/\p{Script=Han}/u);
    }
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
    const first = await cached();
    const again = await cached();
    for (const load of [first, again]) {
      expect(load.problems).toEqual(problems);
      expect(load.files).toEqual(files);
      // Every observation and figure, every field of each (a unit-return cell's through its toJSON), in the same order.
      expect(JSON.stringify(load.dataSet)).toBe(JSON.stringify(dataSet));
      expect(load.digests.files).toEqual(digests.files);
    }
  });
});
