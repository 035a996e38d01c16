/**
 * The thread that writes each page and what the build adds to it while the main
 * thread renders pages (src/build/threads/editionThread.ts): for each page it is sent as
 * Astro rendered it, it keeps the page's figures on one line (src/lib/typography.ts), writes
 * the page and its conversion under zh-Hant/, sends back the searchable texts of both
 * editions, and writes its charts' drawings as SVG files; for each page's tables, it writes
 * their download files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { traditionalRoot } from '../../lib/site/navigation.ts';
import { chartSvgFiles } from '../../lib/site/chartFiles.ts';
import { sitePaths } from '../../lib/site/paths.ts';
import { searchText } from '../../lib/search/document.ts';
import { traditionalPage } from '../../lib/site/traditionalPage.ts';
import { toTraditional } from '../../lib/script.ts';
import { keepFiguresTogether } from '../../lib/typography.ts';
import { siteFileWriter } from './siteFileWriter.ts';
import { tableFileWriter, type PageTables } from './tableFiles.ts';

export type EditionRequest =
  | {
      kind: 'page';
      path: string;
      /** The page as Astro rendered it, UTF-8. */
      html: Uint8Array;
    }
  | { kind: 'tables'; tables: PageTables }
  /** The files of the site being replaced found intact, with their SHA-256: a file that comes out the same is not written. Sent before any page; answered with nothing. */
  | { kind: 'previous'; files: Array<[string, string]> };

/** Site path and SHA-256 (hex) of each file of the site a request wrote. */
export type FileHashes = Array<[string, string]>;

/** `written`: the files the request wrote; `kept`: those it did not, as the site being replaced has them already. */
export type EditionResult =
  | { kind: 'page'; path: string; simplified: string; traditional: string; written: FileHashes; kept: FileHashes; error?: string }
  /** `id`: the page table's (`hainan/2020`). */
  | { kind: 'tables'; id: string; written: FileHashes; kept: FileHashes; error?: string };

// OpenCC's dictionaries are made at the converter's first use (src/lib/script.ts), 0.15 s and more on a busy core: made as
// the thread starts, while the main thread lists the pages, they are ready for the first page. Made at the first page, the
// pages Astro rendered meanwhile filled the backlog and the main thread waited (0.18 s of an incremental national build).
toTraditional('党');

const { siteDir } = workerData as { siteDir: string };
/** The files the request being done wrote, and those it found as they are in the site being replaced; handed back with its result, so the thread keeps none of them. */
let written: FileHashes = [];
let kept: FileHashes = [];
let previous: Map<string, string> = new Map();
const write = siteFileWriter(
  siteDir,
  (path, sha256) => written.push([path, sha256]),
  () => previous,
  (path, sha256) => kept.push([path, sha256]),
);
const writtenNow = (): { written: FileHashes; kept: FileHashes } => {
  const done = { written, kept };
  written = [];
  kept = [];
  return done;
};
const writeTables = tableFileWriter(write);

const utf8 = new TextDecoder();

function convert(path: string, bytes: Uint8Array): EditionResult {
  const html = keepFiguresTogether(utf8.decode(bytes));
  write(path, html);
  const traditional = traditionalPage(html, path);
  write(`${traditionalRoot}/${path}`, traditional);
  for (const chart of chartSvgFiles(html)) write(sitePaths.chartSvg(chart.id), chart.svg);
  return { kind: 'page', path, simplified: searchText(html), traditional: searchText(traditional), ...writtenNow() };
}

parentPort?.on('message', (request: EditionRequest) => {
  if (request.kind === 'previous') {
    previous = new Map(request.files);
    return;
  }
  try {
    if (request.kind === 'page') {
      parentPort?.postMessage(convert(request.path, request.html) satisfies EditionResult);
    } else {
      writeTables(request.tables);
      parentPort?.postMessage({ kind: 'tables', id: request.tables.table.id, ...writtenNow() } satisfies EditionResult);
    }
  } catch (error) {
    const { message } = error as Error;
    // What a failed request wrote is not handed back: the build fails.
    writtenNow();
    const failed: EditionResult = request.kind === 'page' ? { kind: 'page', path: request.path, simplified: '', traditional: '', written: [], kept: [], error: message } : { kind: 'tables', id: request.tables.table.id, written: [], kept: [], error: message };
    parentPort?.postMessage(failed);
  }
});
