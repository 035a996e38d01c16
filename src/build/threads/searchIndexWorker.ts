/**
 * The thread that makes the site's search index (src/build/searchIndex.ts): it takes the pages'
 * documents of both editions in the order the build hands them over, each batch's terms as it comes,
 * and at the end writes each edition's index files into the site and sends back their SHA-256, by
 * site path, for the manifest. Made on the main thread after the pages, the index and the data
 * package took 1.25 s of an incremental national build, one after the other; side by side, 0.78 s
 * (ten builds each, alternated).
 *
 * The terms are taken while the pages render. Held until the pages were rendered, the main thread
 * of an incremental national build then waited for the terms of 7,590 documents (0.6 s of this
 * thread) and the files (0.3 s): a build that changes nothing took 5.60-6.41 s (median 5.65) taking
 * them as they come against 5.90-6.24 s (median 6.16) holding them, one with a changed figure
 * 7.58-8.40 s against 7.62-9.38 s, with the same pages stage, and a full build 41.2-43.3 s against
 * 42.0-43.1 s (builds alternated, 2026-12-07). When the kept texts were read one file each on the
 * main thread, taking them early had made the pages stage 0.44 s longer; they are one file now
 * (incremental/searchTextFolder.ts).
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
  | { kind: 'write'; siteDir: string };

export type SearchIndexResult = { written: Array<[path: string, sha256: string]> } | { error: string };

const simplified = new SearchIndexBuilder();
const traditional = new SearchIndexBuilder();

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
    take(request.pages);
    return;
  }
  try {
    parentPort?.postMessage({ written: write(request.siteDir) } satisfies SearchIndexResult);
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message } satisfies SearchIndexResult);
  }
});
