/** What a build starts before its data are loaded: the output folder taken and mended, the previous site's check and the chart thread under way. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { startBuild } from '../../src/build/buildStart.ts';
import { manifestName } from '../../src/build/incremental/siteManifest.ts';
import { lockOutput, workPaths } from '../../src/build/publishSite.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';

const tempDir = useTempDir();

describe('startBuild', () => {
  it('holds the output folder until cancelled, and cancelled leaves the folders above it as they were', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'other'));
    const out = join(dir, 'made', 'for', 'it', 'site');
    const start = await startBuild({ outDir: out, cacheDir: join(dir, 'cache'), chartsAtOnce: false });
    expect(start.outDir).toBe(out);
    expect([start.recovery, start.replacing]).toEqual(['none', false]);
    const { lock } = workPaths(out);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    // A first build draws every chart: the thread starts at once; the previous site's check runs on a thread of its own.
    expect(start.charts.started()).toBe(true);
    expect(start.previousSite).toBeDefined();
    await start.cancel();
    // The lock is gone, and with it the folders made to hold it; what was there stays.
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(dir)).toEqual(['other']);
  });

  it('makes another build into the folder wait until it is cancelled; folders another build uses stay', async () => {
    const dir = tempDir();
    const out = join(dir, 'made', 'site');
    const start = await startBuild({ outDir: out, chartsAtOnce: false });
    let second = false;
    const waiting = lockOutput(out).then((taken) => {
      second = true;
      return taken;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(second).toBe(false);
    await start.cancel();
    const taken = await waiting;
    expect(second).toBe(true);
    expect(existsSync(join(dir, 'made'))).toBe(true);
    taken.release();
  });

  it('mends what a killed build left before anything else, and starts the chart thread at once for a site it replaces only when asked', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, manifestName), '{}');
    // The staging folder of a build that was killed before it published.
    const killed = workPaths(out, 999_999_999).staging;
    mkdirSync(killed);
    const replacing = await startBuild({ outDir: out, chartsAtOnce: false });
    expect([replacing.replacing, replacing.charts.started(), replacing.previousSite]).toEqual([true, false, undefined]);
    expect(existsSync(killed)).toBe(false);
    await replacing.cancel();
    const loading = await startBuild({ outDir: out, chartsAtOnce: true });
    expect(loading.charts.started()).toBe(true);
    await loading.cancel();
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('is taken over by buildSite only for the folder it was started for: for another, it is cancelled and the build fails', async () => {
    const dir = tempDir();
    const start = await startBuild({ outDir: join(dir, 'a'), chartsAtOnce: false });
    await expect(buildSite({ dataSet: {} as DataSet, outDir: join(dir, 'b'), start })).rejects.toThrow(`started for ${join(dir, 'a')}, not ${join(dir, 'b')}`);
    expect(existsSync(workPaths(join(dir, 'a')).lock)).toBe(false);
  });
});
