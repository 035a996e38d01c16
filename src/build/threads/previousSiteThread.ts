/**
 * The site a build replaces, checked on a thread of its own (previousSiteWorker.ts). An incremental
 * national build keeps ~24,000 files of it: checking each against the site's manifest (a stat,
 * 0.2-0.4 s) took the thread that renders pages that long. The check starts with the thread, which
 * the build starts once it holds the lock on the output folder; the first page that asks for it
 * (from inside Astro, which cannot wait for a promise) waits for it there and then, on a shared
 * flag. It holds only while the manifest is the one checked against (its seal).
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { SiteCheck } from '../incremental/siteManifest.ts';
import type { CheckResult } from './previousSiteWorker.ts';
import { startThread } from './thread.ts';

export interface PreviousSiteThread {
  /** The previous site's files checked against its manifest, waited for when not there yet; undefined when the site has no manifest that holds. */
  checked(): SiteCheck | undefined;
  /** Stops the thread, whether or not its check was taken. */
  stop(): Promise<void>;
}

/** The longest wait for the check, ms: a check of a national site takes well under a second; a thread that died never ends it. */
const checkTimeout = 120_000;

/**
 * The thread's heap, MB: it holds the manifest and the stats of every file of the site at once, more
 * than a thread that holds one page (27,000 files of the national site: a 4.4 MB manifest; the thread
 * added 50-70 MB to the peak RSS of an incremental build).
 */
const siteListHeapMb = 512;

/** `statsDir`: where the stats of the sites built are kept (pageReuse.ts: siteStatsFolder). */
export function startPreviousSiteThread(previousSite: string, statsDir: string): PreviousSiteThread {
  const { port1: checkPort, port2: workerCheckPort } = new MessageChannel();
  const checkedFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = startThread(new URL('./previousSiteWorker.ts', import.meta.url), { previousSite, statsDir, checkPort: workerCheckPort, checked: checkedFlag }, [workerCheckPort], siteListHeapMb);
  let check: CheckResult | undefined;
  // A thread that fails before it sends its check never sets the flag: the wait for it times out, and says so.
  worker.on('error', () => undefined);
  return {
    checked() {
      if (!check) {
        if (Atomics.wait(checkedFlag, 0, 0, checkTimeout) === 'timed-out') throw new Error(`the previous site: its check did not end within ${checkTimeout / 1000} s; build again`);
        check = (receiveMessageOnPort(checkPort)?.message as CheckResult | undefined) ?? { check: undefined, error: 'its check was lost' };
        checkPort.close();
      }
      if (check.error !== undefined) throw new Error(`the previous site: ${check.error}`);
      return check.check;
    },
    async stop() {
      checkPort.close();
      await worker.terminate();
    },
  };
}
