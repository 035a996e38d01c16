/**
 * The thread that makes Traditional editions while the main thread renders
 * pages (src/cli/editionThread.ts): for each page it is sent, it writes the
 * converted page under zh-Hant/ and sends back the searchable texts of both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { traditionalRoot } from '../lib/site/navigation.ts';
import { searchableHtml } from '../lib/site/searchText.ts';
import { traditionalPage } from '../lib/site/traditionalPage.ts';

export interface EditionRequest {
  path: string;
  /** The page as Astro writes it, UTF-8. */
  html: Uint8Array;
}

export interface EditionResult {
  path: string;
  simplified: string;
  traditional: string;
  error?: string;
}

const { siteDir } = workerData as { siteDir: string };
const folders = new Set<string>();

const utf8 = new TextDecoder();

parentPort?.on('message', ({ path, html: bytes }: EditionRequest) => {
  try {
    const html = utf8.decode(bytes);
    const target = join(siteDir, traditionalRoot, path);
    if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    folders.add(dirname(target));
    const traditional = traditionalPage(html, path);
    writeFileSync(target, traditional);
    parentPort?.postMessage({ path, simplified: searchableHtml(html), traditional: searchableHtml(traditional) } satisfies EditionResult);
  } catch (error) {
    parentPort?.postMessage({ path, simplified: '', traditional: '', error: (error as Error).message } satisfies EditionResult);
  }
});
