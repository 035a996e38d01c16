import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAside } from '../../src/cli/benchAside.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

/** A bench work folder as a run leaves it: its sites, cache and data set, and a folder set aside by a run that was stopped. */
function lastRun(): string {
  const work = tempDir();
  for (const name of ['dist', 'cache', 'floor', 'dataset', 'old-1-2']) {
    mkdirSync(join(work, name, 'inner'), { recursive: true });
    writeFileSync(join(work, name, 'inner', 'file.txt'), name);
  }
  return work;
}

describe('setAside', () => {
  it('moves the last run\'s output out of the way, keeping its files, and deletes it only when asked', async () => {
    const work = lastRun();
    const deleteSetAside = await setAside(work, ['dist', 'cache', 'floor', 'missing']);
    // The timed builds find no site and no cache, as a first build does; the data set stays.
    for (const name of ['dist', 'cache', 'floor']) expect(existsSync(join(work, name))).toBe(false);
    expect(readFileSync(join(work, 'dataset', 'inner', 'file.txt'), 'utf8')).toBe('dataset');
    const aside = readdirSync(work).filter((name) => name.startsWith('old-') && name !== 'old-1-2');
    expect(aside).toHaveLength(1);
    // Nothing is deleted before the timings: the set-aside files are all there.
    for (const name of ['dist', 'cache', 'floor']) expect(readFileSync(join(work, aside[0] as string, name, 'inner', 'file.txt'), 'utf8')).toBe(name);

    mkdirSync(join(work, 'dist'));
    await deleteSetAside();
    // What was set aside is gone, and what a stopped run left with it; this run's output and the data set stay.
    expect(readdirSync(work).sort()).toEqual(['dataset', 'dist']);
  });
});
