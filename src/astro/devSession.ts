/**
 * The session of `npm run dev` (src/session.ts): the data set loaded from its folders, charts
 * drawn as pages render, nothing published or carried over. When a data or content file changes,
 * the data set is loaded again, every page module is dropped, and the browser reloads.
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { renderChartSvg } from '../charts/render.ts';
import { siteIndex } from '../lib/pages/site.ts';
import { formatProblem, hasErrors, sortProblems, type Language } from '../lib/problems.ts';
import { loadDataSet } from '../load/loadDataSet.ts';
import { installSession, type Session } from '../session.ts';

export interface DevSource {
  dataDir: string;
  contentDir: string;
}

/** The language of `npm run dev -- --lang`, which scripts/dev.ts hands on as ZONGSHU_LANG, as it hands on the folders. */
const language = (): Language => (process.env.ZONGSHU_LANG === 'en' ? 'en' : 'zh');

export async function devSession(source: DevSource): Promise<Session> {
  const { dataSet, problems } = await loadDataSet(source);
  if (hasErrors(problems)) {
    const errors = sortProblems(problems).filter((p) => p.severity === 'error');
    const lines = errors.map((p) => formatProblem(p, language())).join('\n');
    throw new Error(language() === 'en' ? `the data has ${errors.length} errors:\n${lines}` : `数据有${errors.length}个错误：\n${lines}`);
  }
  return {
    site: siteIndex(dataSet),
    publish() {},
    unchanged: () => false,
    carried: () => false,
    chart: renderChartSvg,
    pageRendered() {},
  };
}

function reloadOnChange(server: ViteDevServer, source: DevSource): void {
  const dirs = [source.dataDir, source.contentDir];
  server.watcher.add(dirs);
  const onChange = (file: string) => {
    if (!dirs.some((dir) => file.startsWith(dir))) return;
    const loading = devSession(source);
    // A failed load is shown by the next page, not thrown here where no one waits for it.
    loading.catch(() => undefined);
    installSession(loading);
    // Pages evaluated from the old data set are cached as modules and as getStaticPaths results
    // (Astro's route cache, cleared by its content-changed event): drop both, then reload the browser.
    for (const environment of Object.values(server.environments)) {
      environment.moduleGraph.invalidateAll();
      environment.hot.send({ type: 'custom', event: 'astro:content-changed', data: {} });
    }
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
}

export function devSessionIntegration(source: DevSource): AstroIntegration {
  return {
    name: 'zongshu:dev-session',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const loading = devSession(source);
        loading.catch(() => undefined);
        installSession(loading);
        reloadOnChange(server, source);
      },
    },
  };
}
