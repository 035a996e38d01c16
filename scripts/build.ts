/**
 * npm run build [-- --data DIR --content DIR --out DIR]
 * Checks the data, then builds the site. On any error nothing under the output folder changes.
 * Exit 0: built. Exit 1: the data have errors, or the build failed. Exit 2: the command itself failed.
 */
import { writeFileSync } from 'node:fs';
import { buildSite, defaultCacheDir } from '../src/build/buildSite.ts';
import { collectGarbageWhenPiledUp, growHeapFreely } from '../src/build/garbage.ts';
import { folderReadingCache } from '../src/build/incremental/readingCache.ts';
import { readCliOptions, type CliOptions } from '../src/cli/options.ts';
import { consoleProgress } from '../src/cli/progress.ts';
import { reportText } from '../src/cli/report.ts';
import { hasErrors } from '../src/lib/problems.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';

async function build(options: CliOptions): Promise<number> {
  const started = Date.now();
  // The heap only grows while the data are read: V8's own growing factor then, the build's once it starts (src/build/garbage.ts).
  growHeapFreely();
  // The garbage of reading the files is collected before the figures are derived, and theirs before the site is built: each would otherwise make the peak.
  // Observation files unchanged since the last build are taken as that build read them (src/build/incremental/readingCache.ts).
  const readings = folderReadingCache(defaultCacheDir(), options.dataDir);
  const { dataSet, problems, files, digests } = await loadDataSet({ ...options, cache: readings, afterReading: collectGarbageWhenPiledUp });
  collectGarbageWhenPiledUp();
  const loadSeconds = (Date.now() - started) / 1000;
  console.log(reportText(problems, files));
  if (hasErrors(problems)) {
    console.error(`build stopped: fix the errors above; ${options.outDir} is unchanged.`);
    return 1;
  }
  try {
    const progress = consoleProgress();
    const waiting = (pid: number) => console.error(`another build (process ${pid}) is writing ${options.outDir}: waiting for it to finish`);
    const report = await buildSite({ outDir: options.outDir, dataSet, digests, progress, cacheDir: defaultCacheDir(), waiting });
    const seconds = (Date.now() - started) / 1000;
    const { kept, read, rejected } = readings.stats();
    if (report.recovery !== 'none') console.log(`a build stopped while publishing ${options.outDir}: its publish was ${report.recovery === 'completed' ? 'completed' : 'rolled back'} first`);
    const refused = rejected + report.refused.cacheEntries;
    if (refused > 0) console.log(`${refused} cache entries were not as they were written (changed, cut short or of another kind) and were made again`);
    if (report.refused.pages > 0) console.log(`${report.refused.pages} pages of the previous site had been changed since it was built and were made again`);
    console.log(`built ${options.outDir} in ${seconds.toFixed(1)} s: ${report.pages} pages (${report.pagesReused} unchanged since the last build), ${report.charts.drawn} charts drawn, ${report.charts.cached} from the cache; ${kept} of ${kept + read} observation files unchanged`);
    // For npm run bench: the figures of this build, measured inside it.
    if (process.env.ZONGSHU_BUILD_REPORT) {
      const stages = [{ name: 'check', seconds: Number(loadSeconds.toFixed(1)) }, ...progress.stages()];
      writeFileSync(process.env.ZONGSHU_BUILD_REPORT, JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, stages, ...report }));
    }
    return 0;
  } catch (error) {
    console.error(`build failed: ${(error as Error).message}\n${options.outDir} is unchanged.`);
    return 1;
  }
}

// No stack reaches the user: an unknown option or a failure while reading says what it is.
let code: number;
try {
  code = await build(readCliOptions());
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  code = 2;
}
process.exit(code);
