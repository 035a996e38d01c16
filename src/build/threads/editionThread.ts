/**
 * Both editions of each page made on the second core while the first renders
 * pages: each page Astro renders is sent to a worker thread
 * (src/build/threads/editionWorker.ts), which finishes it (its figures kept on
 * one line), writes it and its converted page, and sends back the searchable
 * texts of both editions. Converting all pages after rendering them, on the one
 * thread, took a tenth of a national build. The thread also writes each page's
 * download files (src/build/threads/tableFiles.ts).
 */
import type { PublishedPage } from '../../lib/pages/published.ts';
import type { EditionRequest, EditionResult } from './editionWorker.ts';
import { pageTablesOf } from './tableFiles.ts';
import { startThread } from './thread.ts';
import type { SearchTexts } from '../incremental/searchTextFolder.ts';

export interface EditionThread {
  /** Sends a page as Astro rendered it to the thread, which writes it and its Traditional edition (under zh-Hant/) into the site folder; the bytes are handed over. */
  convert(path: string, html: Uint8Array): void;
  /** Sends a page's tables to the thread, which writes their CSV and JSON files into the site folder. */
  writeTables(page: PublishedPage): void;
  /**
   * Tells the thread the files of the site being replaced that were found intact, with their SHA-256: a file it would
   * write as one of them is not written, and `finish` gives it as kept. Before the first page or table.
   */
  keepUnchanged(files: Array<[string, string]>): void;
  /** Resolves once the thread has few enough pages and tables waiting (`backlog`): what waits is held in memory, outside the heap. */
  ready(): Promise<void>;
  /**
   * Waits for every page and table sent, stops the thread, and gives the paths of the pages it wrote
   * and the SHA-256 of each file of the site it wrote, by site path; and of each it did not, as the
   * site being replaced has it (keepUnchanged).
   */
  finish(): Promise<{ converted: Set<string>; written: Map<string, string>; kept: Map<string, string> }>;
  /** Stops the thread at once: the build failed. */
  stop(): Promise<void>;
}

/**
 * Pages and tables sent and not yet done at which the main thread waits: on two busy cores the
 * thread fell behind on the national set's 1 MB source pages, and what waited for it raised the
 * build's peak memory. Since the thread writes the pages too, 32 gave a peak RSS of 927-989 MB in
 * three national builds, 16 gave 925 MB in two, as fast.
 */
const backlog = 16;

/** `converted`: called with the searchable texts of both editions of each page, as it is converted. */
export function startEditionThread(siteDir: string, converted: (path: string, texts: SearchTexts) => void): EditionThread {
  const worker = startThread(new URL('./editionWorker.ts', import.meta.url), { siteDir });
  const paths = new Set<string>();
  const written = new Map<string, string>();
  const kept = new Map<string, string>();
  const failures = { pages: [] as string[], tables: [] as string[] };
  let sent = 0;
  let received = 0;
  let crashed: Error | undefined;
  let allReceived: (() => void) | undefined;
  /** Pages waiting for room: Astro renders several at once (build.concurrency in src/astro/siteConfig.ts). */
  const waiting: Array<() => void> = [];
  const settle = () => {
    if (crashed || sent - received < backlog) for (const resume of waiting.splice(0)) resume();
    if (crashed || received === sent) allReceived?.();
  };
  const send = (request: EditionRequest, transfer: ArrayBuffer[] = []) => {
    sent++;
    worker.postMessage(request, transfer);
  };
  worker.on('message', (result: EditionResult) => {
    received++;
    for (const [path, sha256] of result.written) written.set(path, sha256);
    for (const [path, sha256] of result.kept) kept.set(path, sha256);
    if (result.kind === 'tables') {
      if (result.error !== undefined) failures.tables.push(`${result.id}: ${result.error}`);
    } else {
      const { path, simplified, traditional, error } = result;
      try {
        if (error !== undefined) throw new Error(error);
        paths.add(path);
        // What the caller does with the texts (keep them in the cache, hand them to the search index) may fail too:
        // thrown here, in an event of the thread, it would end the process past the build's clean-up.
        converted(path, { simplified, traditional });
      } catch (failure) {
        failures.pages.push(`${path}: ${(failure as Error).message}`);
      }
    }
    settle();
  });
  worker.on('error', (error) => {
    crashed = error;
    settle();
  });
  // A thread that ends without an error would leave pages waiting for room for ever.
  let stopping = false;
  worker.on('exit', () => {
    if (!stopping) crashed ??= new Error('the thread stopped');
    settle();
  });
  return {
    convert(path, html) {
      // The bytes are the thread's to write: handed over, not copied, when they are a buffer of their own.
      const whole = html.byteOffset === 0 && html.byteLength === html.buffer.byteLength && html.buffer instanceof ArrayBuffer;
      send({ kind: 'page', path, html }, whole ? [html.buffer as ArrayBuffer] : []);
    },
    writeTables(page) {
      send({ kind: 'tables', tables: pageTablesOf(page) });
    },
    keepUnchanged(files) {
      // Not answered: not counted among the requests waited for.
      worker.postMessage({ kind: 'previous', files } satisfies EditionRequest);
    },
    async ready() {
      if (crashed || sent - received < backlog) return;
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    async finish() {
      await new Promise<void>((resolve) => {
        allReceived = resolve;
        settle();
      });
      stopping = true;
      // Every page and table is written and answered for: the thread's teardown (its heap freed) goes on beside the rest
      // of the build, not before it. Waited for, `finish` took 165-274 ms of a national build that changed nothing; not, 84-108 ms (three builds each).
      void worker.terminate();
      if (crashed) throw new Error(`Traditional edition: ${crashed.message}`);
      // One cause often fails every page (a cache folder that cannot be written): the first few say it.
      const firstFew = (list: string[]) => `${list.slice(0, 3).join('; ')}${list.length > 3 ? `; and ${list.length - 3} pages more` : ''}`;
      if (failures.pages.length > 0) throw new Error(`Traditional edition: ${firstFew(failures.pages)}`);
      if (failures.tables.length > 0) throw new Error(`page tables: ${firstFew(failures.tables)}`);
      return { converted: paths, written, kept };
    },
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}
