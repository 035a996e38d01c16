/**
 * The site's search: its index (src/lib/search/searchIndex.ts), one for each edition under
 * search/zh-CN/ and search/zh-Hant/, made from the documents of the pages as the build hands
 * them over, and the search page's script, search.js, bundled from src/browser/searchPage.ts.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddToIndex } from './searchFeed.ts';
import type { SearchIndexRequest, SearchIndexResult } from './threads/searchIndexWorker.ts';
import { startThread } from './threads/thread.ts';

/** The folder of each edition's index, from the site's root; the search page's script picks its own by the page's language. */
export const searchIndexFolders = { simplified: 'search/zh-CN', traditional: 'search/zh-Hant' } as const;

export interface SearchIndex {
  /** Takes a page's document (src/lib/search/document.ts), '' for a page not searched; pages are numbered in the order they come. */
  add: AddToIndex;
  /** Starts taking the terms of the pages added, and of pages as they come; `write` starts it too. */
  start(): void;
  /**
   * Writes both editions' indexes into the site, stops the thread, and gives the SHA-256 of each file written, by site
   * path; and of each file not written because `previous` (the files of the site being replaced found intact, with their
   * SHA-256) has it with that content: about half of a national rebuild's index files come out so.
   */
  write(siteDir: string, previous?: Array<[string, string]>): Promise<{ written: Map<string, string>; kept: Map<string, string> }>;
  /** Stops the thread at once: the build failed. */
  stop(): Promise<void>;
}

/**
 * Pages sent to the thread at once: a national site hands over 7,600 documents, and a message
 * each costs the main thread more than the copy of the texts.
 */
const pagesPerMessage = 200;

/** The index is made on a thread of its own (src/build/threads/searchIndexWorker.ts), from the documents as they are added. */
export function startSearchIndex(): SearchIndex {
  // The documents of both editions of a national site are held until the end: 16 MB as files, more as strings, and the index made of them.
  const worker = startThread(new URL('./threads/searchIndexWorker.ts', import.meta.url), {}, [], 512);
  let pages: Array<[string, string]> = [];
  const send = () => {
    if (pages.length > 0) worker.postMessage({ kind: 'pages', pages } satisfies SearchIndexRequest);
    pages = [];
  };
  let stopping = false;
  // The thread's answer to `write`, or how it failed: an error of the thread, or an end before it answered.
  const answered = new Promise<SearchIndexResult>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ error: error.message }));
    worker.once('exit', () => resolve({ error: stopping ? 'stopped' : 'the thread stopped' }));
  });
  return {
    add(path, searchable) {
      pages.push([path, searchable]);
      if (pages.length >= pagesPerMessage) send();
      return Promise.resolve();
    },
    start() {
      send();
      worker.postMessage({ kind: 'start' } satisfies SearchIndexRequest);
    },
    async write(siteDir, previous = []) {
      send();
      // Only the index's own files: the thread need not hold the site's 27,000.
      const own = previous.filter(([path]) => Object.values(searchIndexFolders).some((folder) => path.startsWith(`${folder}/`)));
      worker.postMessage({ kind: 'write', siteDir, previous: own } satisfies SearchIndexRequest);
      const result = await answered;
      stopping = true;
      await worker.terminate();
      if ('error' in result) throw new Error(`search index: ${result.error}`);
      return { written: new Map(result.written), kept: new Map(result.kept) };
    },
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}

/**
 * The search page's script, search.js: one classic script (not a module), which a page opened from a
 * folder may run, made from the same code that makes the index. esbuild makes it in a process of its
 * own, so the build starts it first and writes it once the pages are rendered (`writeSearchScript`).
 */
export async function searchScript(projectRoot: string): Promise<Uint8Array> {
  // Loaded here, not when the build starts: 0.15 s of starting a build.
  const { build } = await import('esbuild');
  const result = await build({
    // Not the working directory: another build in this process (tests) may have moved it into a folder of its own, since removed.
    absWorkingDir: projectRoot,
    entryPoints: [join(projectRoot, 'src/browser/searchPage.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [script] = result.outputFiles;
  if (!script) throw new Error('search.js: esbuild made no file');
  return script.contents;
}

export async function writeSearchScript(siteDir: string, script: Promise<Uint8Array>): Promise<void> {
  await writeFile(join(siteDir, 'search.js'), await script);
}
