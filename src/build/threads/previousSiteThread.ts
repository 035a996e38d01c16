/**
 * The site a build replaces, read on a thread of its own (previousSiteWorker.ts). An incremental
 * national build takes ~25,000 files from it: checking each against the site's manifest (a stat,
 * 0.2-0.4 s) and hard-linking it into the staging folder (0.3-0.45 s) took the thread that renders
 * pages that long. The check starts with the thread, which the build starts once it holds the
 * lock on the output folder; the first page that asks for it (from inside Astro, which cannot
 * wait for a promise) waits for it there and then, on a shared flag. It holds only while the
 * manifest is the one checked against (its seal). Carried files are sent in batches; `carried`
 * waits for all of them, and is what makes them readable in the staging folder.
 */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { SiteCheck } from '../incremental/siteManifest.ts';
import type { CheckResult, FlushResult, PreviousSiteRequest } from './previousSiteWorker.ts';
import { startThread } from './thread.ts';

export interface PreviousSiteThread {
  /** The previous site's files checked against its manifest, waited for when not there yet; undefined when the site has no manifest that holds. */
  checked(): SiteCheck | undefined;
  /** Sends a file of the previous site to be carried into the staging folder at the same path. */
  carry(path: string): void;
  /** Once every file sent is carried; rejects when one was gone or could not be carried. */
  carried(): Promise<void>;
  /** Stops the thread: after `carried`, or at once when the build failed. */
  stop(): Promise<void>;
}

/** Paths sent to the thread at once: one message per file would cost the main thread more than linking it. */
const batch = 512;

/** The longest wait for the check, ms: a check of a national site takes well under a second; a thread that died never ends it. */
const checkTimeout = 120_000;

/**
 * The thread's heap, MB: it holds the manifest and the stats of every file of the site at once, more
 * than a thread that holds one page (27,000 files of the national site: a 4.4 MB manifest; the thread
 * added 50-70 MB to the peak RSS of an incremental build).
 */
const siteListHeapMb = 512;

/** `statsDir`: where the stats of the sites built are kept (pageReuse.ts: siteStatsFolder). */
export function startPreviousSiteThread(previousSite: string, siteDir: string, statsDir: string): PreviousSiteThread {
  const { port1: checkPort, port2: workerCheckPort } = new MessageChannel();
  const checkedFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = startThread(new URL('./previousSiteWorker.ts', import.meta.url), { previousSite, siteDir, statsDir, checkPort: workerCheckPort, checked: checkedFlag }, [workerCheckPort], siteListHeapMb);
  let check: CheckResult | undefined;
  let pending: string[] = [];
  let crashed: Error | undefined;
  let stopping = false;
  const flushes: Array<(result: FlushResult) => void> = [];
  const fail = (error: Error) => {
    crashed ??= error;
    for (const done of flushes.splice(0)) done({ gone: [], error: error.message });
  };
  worker.on('message', (result: FlushResult) => flushes.shift()?.(result));
  worker.on('error', fail);
  worker.on('exit', () => {
    if (!stopping) fail(new Error('the thread stopped'));
  });
  const send = (request: PreviousSiteRequest) => worker.postMessage(request);
  const sendPending = () => {
    if (pending.length === 0) return;
    send({ kind: 'carry', paths: pending });
    pending = [];
  };
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
    carry(path) {
      pending.push(path);
      if (pending.length >= batch) sendPending();
    },
    async carried() {
      if (crashed) throw new Error(`the previous site: ${crashed.message}`);
      sendPending();
      const result = await new Promise<FlushResult>((resolve) => {
        flushes.push(resolve);
        send({ kind: 'flush' });
      });
      if (result.error !== undefined) throw new Error(`the previous site: ${result.error}`);
      const [first] = result.gone;
      if (first !== undefined) throw new Error(`${first}${result.gone.length > 1 ? ` and ${result.gone.length - 1} files more` : ''} of the previous build ha${result.gone.length > 1 ? 've' : 's'} gone while this one ran; build again`);
    },
    async stop() {
      stopping = true;
      checkPort.close();
      await worker.terminate();
    },
  };
}
