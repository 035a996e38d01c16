/**
 * The thread that reads the site a build replaces (src/build/threads/previousSiteThread.ts): as it
 * starts, it checks every file of that site against the site's manifest, and hands the check over
 * where the main thread can take it without its event loop; then it carries the files it is sent
 * into the staging folder (hard links), in the order sent, and answers each `flush` once
 * everything sent before it is done.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkSite, siteStats, type SiteCheck } from '../incremental/siteManifest.ts';
import { fileCarrier } from '../siteFiles.ts';

export type PreviousSiteRequest = { kind: 'carry'; paths: string[] } | { kind: 'flush' };

/** The check, sent on the port of its own the thread is given, `checked` set to 1 and notified once it is there. */
export interface CheckResult {
  check: SiteCheck | undefined;
  error?: string;
}

/** `gone`: files sent that were not there to carry; `error`: the first carry that failed otherwise. */
export interface FlushResult {
  gone: string[];
  error?: string;
}

const { previousSite, siteDir, statsDir, checkPort, checked } = workerData as { previousSite: string; siteDir: string; statsDir: string; checkPort: MessagePort; checked: Int32Array };

let result: CheckResult;
try {
  result = { check: checkSite(previousSite, siteStats(statsDir, previousSite)) };
} catch (error) {
  result = { check: undefined, error: (error as Error).message };
}
checkPort.postMessage(result);
Atomics.store(checked, 0, 1);
Atomics.notify(checked, 0);

const carry = fileCarrier(previousSite, siteDir);
let gone: string[] = [];
let failure: string | undefined;
parentPort?.on('message', (request: PreviousSiteRequest) => {
  if (request.kind === 'flush') {
    parentPort?.postMessage({ gone, ...(failure === undefined ? {} : { error: failure }) } satisfies FlushResult);
    gone = [];
    failure = undefined;
    return;
  }
  for (const path of request.paths) {
    try {
      if (!carry(path)) gone.push(path);
    } catch (error) {
      failure ??= `${path}: ${(error as Error).message}`;
    }
  }
});
