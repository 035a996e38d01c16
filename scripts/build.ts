/**
 * npm run build [-- --data DIR --content DIR --out DIR --lang en]
 * Checks the data, then builds the site. On any error before the site is published nothing under the output folder
 * changes; a publish that fails once begun is said so, and the next build or check finishes it.
 * Exit 0: built. Exit 1: the data have errors, or the build failed. Exit 2: the command itself failed.
 * Speaks Chinese unless --lang en.
 */
import { writeFileSync } from 'node:fs';
import { buildSite, defaultCacheDir, projectRoot } from '../src/build/buildSite.ts';
import { startBuild, type BuildStart } from '../src/build/buildStart.ts';
import { pageRenderer } from '../src/build/keptRenderer.ts';
import { outputAfter, refuseUnlessReplaceable } from '../src/build/publishSite.ts';
import { collectGarbageWhenPiledUp, growHeapFreely } from '../src/build/garbage.ts';
import { folderReadingCache } from '../src/build/incremental/readingCache.ts';
import { cacheFolderNote } from '../src/cli/cacheFolderNote.ts';
import { argumentLanguage, errorMessage, exitIfHelpAsked, readCliOptions, say, type CliOptions, type Language } from '../src/cli/options.ts';
import { consoleProgress } from '../src/cli/progress.ts';
import { outputAfterFailureLine, recoveryLine, reportText } from '../src/cli/report.ts';
import { hasErrors } from '../src/lib/problems.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';

/** What a failure says, and where the cache folder comes from when the failure lies in it. */
function failureMessage(error: unknown, language: Language): string {
  const note = cacheFolderNote(error, defaultCacheDir(), process.env.ZONGSHU_CACHE !== undefined, language);
  return note === undefined ? errorMessage(error, language) : `${errorMessage(error, language)}\n${note}`;
}

async function build(options: CliOptions): Promise<number> {
  const started = Date.now();
  const { lang, outDir } = options;
  // Before the data are read: an output folder the site may not replace is said at once (exit 2).
  refuseUnlessReplaceable(outDir, [options.dataDir, options.contentDir]);
  // Unless a bundle of the pages is kept for this code, Astro makes one in a process of its own while the data are read.
  const renderer = pageRenderer(defaultCacheDir(), projectRoot);
  void renderer.ready();
  // The heap only grows while the data are read: V8's own growing factor then, the build's once it starts (src/build/garbage.ts).
  growHeapFreely();
  // The garbage of reading the files is collected before the figures are derived, and theirs before the site is built: each would otherwise make the peak.
  // Data files (observation files and unit returns) unchanged since the last build are taken as that build read them (src/build/incremental/readingCache.ts).
  const readings = folderReadingCache(defaultCacheDir(), options.dataDir);
  /** A failed build: why, and what its output folder now holds. */
  const sayFailed = (error: unknown) => {
    const message = failureMessage(error, lang);
    console.error(`${say(lang, `生成失败：${message}`, `build failed: ${message}`)}\n${outputAfterFailureLine(lang, outDir, outputAfter(error))}`);
  };
  // The output folder taken, and the previous site's check and the chart thread started, on the core the load leaves idle (src/build/buildStart.ts).
  const waiting = (pid: number) => console.error(say(lang, `另一次生成（进程 ${pid}）正在写入 ${outDir}：等它写完`, `another build (process ${pid}) is writing ${outDir}: waiting for it to finish`));
  let start: BuildStart;
  try {
    start = await startBuild({ outDir, cacheDir: defaultCacheDir(), waiting, chartsAtOnce: true });
  } catch (error) {
    renderer.cancel();
    sayFailed(error);
    return 1;
  }
  if (start.recovery !== 'none') console.log(recoveryLine(lang, outDir, start.recovery, true));
  let loaded: Awaited<ReturnType<typeof loadDataSet>>;
  try {
    loaded = await loadDataSet({ ...options, cache: readings, afterReading: collectGarbageWhenPiledUp });
  } catch (error) {
    renderer.cancel();
    await start.cancel();
    throw error;
  }
  const { dataSet, problems, files, digests } = loaded;
  collectGarbageWhenPiledUp();
  const loadSeconds = (Date.now() - started) / 1000;
  console.log(reportText(problems, files, lang));
  if (hasErrors(problems)) {
    renderer.cancel();
    await start.cancel();
    console.error(say(lang, `没有生成网站：请先改正上面的错误；${outDir} 保持原样。`, `build stopped: fix the errors above; ${outDir} is unchanged.`));
    return 1;
  }
  try {
    const progress = consoleProgress(process.stderr, lang);
    const interrupted = () => console.error(say(lang, `\n已中断生成：${outDir} 保持原样。`, `\nbuild interrupted: ${outDir} is unchanged.`));
    const report = await buildSite({ outDir, dataSet, digests, progress, cacheDir: defaultCacheDir(), waiting, renderer, interrupted, start });
    const seconds = (Date.now() - started) / 1000;
    const { kept, read, rejected } = readings.stats();
    const checks = readings.checkStats();
    const refused = rejected + report.refused.cacheEntries;
    if (refused > 0) {
      console.log(say(lang, `有${refused}个缓存条目与写入时不一样（被改动、截短或类型不对），已重新生成`, `${refused} cache entries were not as they were written (changed, cut short or of another kind) and were made again`));
    }
    if (report.refused.pages > 0) {
      console.log(say(lang, `上一版网站有${report.refused.pages}个页面在生成后被改动过，已重新生成`, `${report.refused.pages} pages of the previous site had been changed since it was built and were made again`));
    }
    const { pages, pagesReused, charts } = report;
    console.log(
      say(
        lang,
        `已生成网站 ${outDir}，用时${seconds.toFixed(1)}秒：共${pages}个页面（其中${pagesReused}个与上次相同），新画图表${charts.drawn}张，取自缓存${charts.cached}张；${kept + read}个数据文件（观测数据和单位报表）中${kept}个没有变化；按省份的数据检查${checks.kept + checks.checked}组中${checks.kept}组沿用上次结果`,
        `built ${outDir} in ${seconds.toFixed(1)} s: ${pages} pages (${pagesReused} unchanged since the last build), ${charts.drawn} charts drawn, ${charts.cached} from the cache; ${kept} of ${kept + read} data files (observations and unit returns) unchanged; the checks of ${checks.kept} of ${checks.kept + checks.checked} province groups taken from the last build`,
      ),
    );
    // For npm run bench: the figures of this build, measured inside it.
    if (process.env.ZONGSHU_BUILD_REPORT) {
      const stages = [{ name: 'check', seconds: Number(loadSeconds.toFixed(1)) }, ...progress.stages()];
      // CPU seconds of every thread of the build (µs in resourceUsage): what the wall time took of the two cores, so a slow machine shows as such.
      const usage = process.resourceUsage();
      writeFileSync(process.env.ZONGSHU_BUILD_REPORT, JSON.stringify({ seconds, maxRssKb: usage.maxRSS, userCpuSeconds: usage.userCPUTime / 1e6, systemCpuSeconds: usage.systemCPUTime / 1e6, stages, ...report }));
    }
    return 0;
  } catch (error) {
    sayFailed(error);
    return 1;
  }
}

// No stack reaches the user: an unknown option or a failure while reading says what it is.
exitIfHelpAsked('build');
let code: number;
const language = argumentLanguage();
try {
  code = await build(readCliOptions());
} catch (error) {
  const message = failureMessage(error, language);
  console.error(say(language, `生成失败：${message}`, `build failed: ${message}`));
  code = 2;
}
process.exit(code);
