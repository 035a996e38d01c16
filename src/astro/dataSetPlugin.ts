/**
 * An Astro integration that hands the checked data set to pages as the
 * virtual module `virtual:zongshu/data-set`. A build passes the data set it
 * has already loaded; `npm run dev` loads it here and reloads the page when a
 * data or content file changes.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, hasErrors, sortProblems } from '../lib/problems.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import { loadDataSet } from '../load/loadDataSet.ts';

export const dataSetModuleId = 'virtual:zongshu/data-set';
const dataSetSlotName = 'zongshu.dataSet';
const dataSetSlot = Symbol.for(dataSetSlotName);
const resolvedId = `\0${dataSetModuleId}`;

export interface DataSetSource {
  dataDir: string;
  contentDir: string;
  /** A data set already loaded and checked (by the build script); when absent it is loaded from the folders. */
  dataSet?: DataSet;
}

async function loadOrFail(source: DataSetSource): Promise<DataSet> {
  if (source.dataSet) return source.dataSet;
  const { dataSet, problems } = await loadDataSet(source);
  if (hasErrors(problems)) {
    const errors = sortProblems(problems).filter((p) => p.severity === 'error');
    throw new Error(`the data has ${errors.length} errors:\n${errors.map(formatProblem).join('\n')}`);
  }
  return dataSet;
}

function reloadOnChange(server: ViteDevServer, dirs: string[]): void {
  server.watcher.add(dirs);
  const onChange = (file: string) => {
    if (!dirs.some((dir) => file.startsWith(dir))) return;
    // Pages evaluated from the old data set are cached too: start every module afresh.
    // Pages evaluated from the old data set are cached as modules and as getStaticPaths results
    // (Astro's route cache, cleared by its content-changed event); drop both, then reload the browser.
    for (const environment of Object.values(server.environments)) {
      environment.moduleGraph.invalidateAll();
      environment.hot.send({ type: 'custom', event: 'astro:content-changed', data: {} });
    }
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
}

function dataSetVitePlugin(source: DataSetSource): Plugin {
  return {
    name: 'zongshu:data-set',
    resolveId(id) {
      return id === dataSetModuleId ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      // Pages are rendered in this same process: they take the data set from a global slot
      // instead of a serialised copy, which at national scale would be hundreds of megabytes.
      // They read it when they render, not when the module is first evaluated: Node keeps built
      // modules by path, and a second build in one process (tests) may get the first one's modules.
      (globalThis as Record<symbol, unknown>)[dataSetSlot] = await loadOrFail(source);
      return `export const currentDataSet = () => globalThis[Symbol.for(${JSON.stringify(dataSetSlotName)})];`;
    },
    configureServer(server) {
      if (!source.dataSet) reloadOnChange(server, [source.dataDir, source.contentDir]);
    },
  };
}

export function dataSetIntegration(source: DataSetSource): AstroIntegration {
  return {
    name: 'zongshu:data-set',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // A build hands its data set over before any page module is loaded, cached or not.
        if (source.dataSet) (globalThis as Record<symbol, unknown>)[dataSetSlot] = source.dataSet;
        updateConfig({ vite: { plugins: [dataSetVitePlugin(source)] } });
      },
    },
  };
}
