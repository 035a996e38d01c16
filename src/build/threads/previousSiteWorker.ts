/**
 * The thread that reads the site a build replaces (src/build/threads/previousSiteThread.ts): as it
 * starts, it checks every file of that site against the site's manifest, and hands the check over
 * where the main thread can take it without its event loop.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { checkSite, siteStats, type SiteCheck } from '../incremental/siteManifest.ts';

/** The check, sent on the port of its own the thread is given, `checked` set to 1 and notified once it is there. */
export interface CheckResult {
  check: SiteCheck | undefined;
  error?: string;
}

const { previousSite, statsDir, checkPort, checked } = workerData as { previousSite: string; statsDir: string; checkPort: MessagePort; checked: Int32Array };

let result: CheckResult;
try {
  result = { check: checkSite(previousSite, siteStats(statsDir, previousSite)) };
} catch (error) {
  result = { check: undefined, error: (error as Error).message };
}
// The stats go over as they are, not copied: the thread has no more use for them.
checkPort.postMessage(result, result.check ? [result.check.stats.buffer] : []);
Atomics.store(checked, 0, 1);
Atomics.notify(checked, 0);
