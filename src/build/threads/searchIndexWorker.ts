/**
 * The thread that makes the site's search index (src/build/searchIndex.ts): it takes the pages'
 * documents of both editions in the order the build hands them over, and at the end writes each
 * edition's index files into the site and sends back their SHA-256, by site path, for the manifest.
 * Made on the main thread after the pages, the index and the data package took 1.25 s of an
 * incremental national build, one after the other; side by side, 0.78 s (ten builds each, alternated).
 *
 * When the build replaces a built site, most of whose pages it carries over, the terms are taken
 * as the pages come, while the few changed pages render: held until the pages were rendered, the
 * main thread of an incremental national build then waited for the terms of 7,590 documents (0.6 s
 * of this thread) and the files (0.3 s). A build that changed nothing took 5.60-6.41 s (median
 * 5.65) taking them as they come against 5.90-6.24 s (median 6.16) holding them, one with a changed
 * figure 7.58-8.40 s against 7.62-9.38 s, with the same pages stage (builds alternated, 2026-12-07;
 * when the kept texts were still read one file each on the main thread, taking the terms early had
 * made the pages stage 0.44 s longer).
 * A first build renders every page, and taking the terms while it does gained nothing (41.2-43.3 s
 * against 42.0-43.1 s) and added the index to the peak of rendering: 857-860 MB of peak RSS against
 * 749-750 MB. So there the pages are held until `start`, once they are rendered.
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
  /** From now on the pages' terms are taken as they come (see above). */
  | { kind: 'start' }
  /** `previous`: the index files of the site being replaced found intact, with their SHA-256: one that comes out the same is not written. */
  | { kind: 'write'; siteDir: string; previous: Array<[path: string, sha256: string]> };

export type SearchIndexResult = { written: Array<[path: string, sha256: string]>; kept: Array<[path: string, sha256: string]> } | { error: string };

const simplified = new SearchIndexBuilder();
const traditional = new SearchIndexBuilder();
/** Pages held until `start`. */
let held: Array<[path: string, searchable: string]> | undefined = [];

function take(pages: ReadonlyArray<[path: string, searchable: string]>): void {
  for (const [path, searchable] of pages) {
    const document = parseDocument(searchable);
    if (document) (path.startsWith(`${traditionalRoot}/`) ? traditional : simplified).add({ path, document });
  }
}

function write(siteDir: string, previous: ReadonlyArray<[string, string]>): { written: Array<[string, string]>; kept: Array<[string, string]> } {
  const written: Array<[string, string]> = [];
  const kept: Array<[string, string]> = [];
  const before = new Map(previous);
  const writeFile = siteFileWriter(siteDir, (path, sha256) => written.push([path, sha256]), () => before, (path, sha256) => kept.push([path, sha256]));
  for (const [folder, pages] of [[searchIndexFolders.simplified, simplified], [searchIndexFolders.traditional, traditional]] as const) {
    for (const file of pages.files()) writeFile(`${folder}/${file.name}`, file.content);
  }
  return { written, kept };
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
    parentPort?.postMessage(write(request.siteDir, request.previous) satisfies SearchIndexResult);
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message } satisfies SearchIndexResult);
  }
});
