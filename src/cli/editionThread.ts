/**
 * The Traditional edition made on the second core while the first renders
 * pages: each page Astro renders is sent to a worker thread
 * (src/cli/editionWorker.ts), which writes its converted page and sends back
 * the searchable texts of both editions. Converting all pages after rendering
 * them, on the one thread, took a tenth of a national build.
 */
import type { EditionResult } from './editionWorker.ts';
import { startThread } from './thread.ts';
import type { SearchTexts } from './searchTextFolder.ts';

export interface EditionThread {
  /** Sends a page to the thread, which writes its Traditional edition under zh-Hant/ of the site folder. */
  convert(path: string, html: Uint8Array): void;
  /** Waits for every page sent, stops the thread, and gives the paths of the pages it converted. */
  finish(): Promise<Set<string>>;
  /** Stops the thread at once: the build failed. */
  stop(): Promise<void>;
}

/** `converted`: called with the searchable texts of both editions of each page, as it is converted. */
export function startEditionThread(siteDir: string, converted: (path: string, texts: SearchTexts) => void): EditionThread {
  const worker = startThread(new URL('./editionWorker.ts', import.meta.url), { siteDir });
  const paths = new Set<string>();
  const failures: string[] = [];
  let sent = 0;
  let received = 0;
  let crashed: Error | undefined;
  let allReceived: (() => void) | undefined;
  const settle = () => {
    if (crashed || received === sent) allReceived?.();
  };
  worker.on('message', ({ path, simplified, traditional, error }: EditionResult) => {
    received++;
    try {
      if (error !== undefined) throw new Error(error);
      paths.add(path);
      // What the caller does with the texts (keep them in the cache, hand them to the search index) may fail too:
      // thrown here, in an event of the thread, it would end the process past the build's clean-up.
      converted(path, { simplified, traditional });
    } catch (failure) {
      failures.push(`${path}: ${(failure as Error).message}`);
    }
    settle();
  });
  worker.on('error', (error) => {
    crashed = error;
    settle();
  });
  return {
    convert(path, html) {
      sent++;
      // A copy goes to the thread: the page's own bytes are still to be written.
      worker.postMessage({ path, html });
    },
    async finish() {
      await new Promise<void>((resolve) => {
        allReceived = resolve;
        settle();
      });
      await worker.terminate();
      if (crashed) throw new Error(`Traditional edition: ${crashed.message}`);
      // One cause often fails every page (a cache folder that cannot be written): the first few say it.
      if (failures.length > 0) throw new Error(`Traditional edition: ${failures.slice(0, 3).join('; ')}${failures.length > 3 ? `; and ${failures.length - 3} pages more` : ''}`);
      return paths;
    },
    async stop() {
      await worker.terminate();
    },
  };
}
