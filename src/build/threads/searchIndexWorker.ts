/**
 * The thread that makes the site's search index (src/build/searchIndex.ts): it takes the pages'
 * documents of both editions in the order the build hands them over, and at the end writes each
 * edition's index files into the site and sends back their SHA-256, by site path, for the manifest.
 * Made on the main thread after the pages, the index and the data package took 1.25 s of an
 * incremental national build, one after the other; side by side, 0.78 s (ten builds each, alternated).
 */
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../../lib/search/document.ts';
import { SearchIndexBuilder } from '../../lib/search/searchIndex.ts';
import { traditionalRoot } from '../../lib/site/navigation.ts';
import { searchIndexFolders } from '../searchIndex.ts';
import { siteFileWriter } from './siteFileWriter.ts';

export type SearchIndexRequest =
  /** Pages in the order the index numbers them: each its path and its document as one line (src/lib/search/document.ts), '' for a page not searched. */
  | { kind: 'pages'; pages: Array<[path: string, searchable: string]> }
  /** From now on the pages' terms are taken as they come: the pages are rendered, and the thread no longer takes a core from them. */
  | { kind: 'start' }
  | { kind: 'write'; siteDir: string };

export type SearchIndexResult = { written: Array<[path: string, sha256: string]> } | { error: string };

const simplified = new SearchIndexBuilder();
const traditional = new SearchIndexBuilder();
/**
 * Pages held until `start`. Taking their terms as they came, while the pages rendered, took a core
 * from the rendering on two cores: a national incremental build's pages stage 0.44 s longer, the
 * build 0.42 s (ten builds each, alternated). From `start` on, the terms are taken while the main
 * thread finishes the Traditional edition and writes the data package.
 */
let held: Array<[path: string, searchable: string]> | undefined = [];

function take(pages: ReadonlyArray<[path: string, searchable: string]>): void {
  for (const [path, searchable] of pages) {
    const document = parseDocument(searchable);
    if (document) (path.startsWith(`${traditionalRoot}/`) ? traditional : simplified).add({ path, document });
  }
}

function write(siteDir: string): Array<[string, string]> {
  const written: Array<[string, string]> = [];
  const writeFile = siteFileWriter(siteDir, (path, sha256) => written.push([path, sha256]));
  for (const [folder, pages] of [[searchIndexFolders.simplified, simplified], [searchIndexFolders.traditional, traditional]] as const) {
    for (const file of pages.files()) writeFile(`${folder}/${file.name}`, file.content);
  }
  return written;
}

parentPort?.on('message', (request: SearchIndexRequest) => {
  if (request.kind === 'pages') {
    if (held) held.push(...request.pages);
    else take(request.pages);
    return;
  }
  if (held) take(held);
  held = undefined;
  if (request.kind === 'start') return;
  try {
    parentPort?.postMessage({ written: write(request.siteDir) } satisfies SearchIndexResult);
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message } satisfies SearchIndexResult);
  }
});
