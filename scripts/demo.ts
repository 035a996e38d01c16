/**
 * npm run demo [-- --port 4322 --lang en]
 * Writes the synthetic national data set (once), builds it, and serves the site, so a
 * newcomer can see what full data look like. Every page says the data are made up.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, defaultCacheDir, projectRoot } from '../src/build/buildSite.ts';
import { growHeapFreely } from '../src/build/garbage.ts';
import { commandOptions, say } from '../src/cli/options.ts';
import { consoleProgress } from '../src/cli/progress.ts';
import { folderReadingCache } from '../src/build/incremental/readingCache.ts';
import { serve } from '../src/cli/staticServer.ts';
import { writeSyntheticDataSet } from '../src/cli/synth.ts';
import { hasErrors } from '../src/lib/problems.ts';
import { defaultSynthOptions } from '../src/lib/synth/national.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';

const { values, lang } = commandOptions('demo', { port: { type: 'string', default: '4322' } });
const work = join(projectRoot, '.zongshu-demo');
const data = join(work, 'dataset');
const stamp = join(data, 'synth-options.json');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== JSON.stringify(defaultSynthOptions)) {
  console.log(say(lang, '正在生成全国示例数据集……', 'writing the synthetic national data set…'));
  await writeSyntheticDataSet(data, defaultSynthOptions);
  writeFileSync(stamp, JSON.stringify(defaultSynthOptions));
}
const options = { dataDir: join(data, 'data'), contentDir: join(data, 'content') };
// As npm run build does: V8's own growing factor while the data are read (src/build/garbage.ts).
growHeapFreely();
const { dataSet, problems, digests } = await loadDataSet({ ...options, cache: folderReadingCache(defaultCacheDir(), options.dataDir) });
if (hasErrors(problems)) throw new Error(say(lang, '示例数据集有错误', 'the synthetic data set has errors'));
const outDir = join(work, 'dist');
await buildSite({ ...options, dataSet, digests, outDir, progress: consoleProgress(process.stderr, lang), cacheDir: defaultCacheDir() });
const site = await serve(outDir, '/', Number(values.port));
console.log(say(lang, `全国示例网站（示例数据，非真实统计）：${site.url}/index.html —— 按 Ctrl+C 停止`, `the national demo (示例数据，非真实统计) is at ${site.url}/index.html — Ctrl+C stops it`));
