/**
 * The bundled site as readers and archivists meet it, in headless Chromium:
 * served under a sub-path and by npm run preview, opened from a folder with
 * file://, searched in both scripts (each edition's search page searching its
 * own edition), and printed to A4 (the PDF's pages are kept as PNGs in
 * test-artifacts/print/ to look at).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { launchChromium } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/paths.ts';
import { serve } from '../../src/cli/staticServer.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { chromium, describeWith, itWith, poppler } from '../helpers/requires.ts';

const tempDir = useTempDir('all');
const subPath = '/archive/2020/review/';
let out = '';
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const options = { dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') };
  const { dataSet } = await loadDataSet(options);
  out = join(tempDir(), 'dist');
  await buildSite({ ...options, dataSet, outDir: out });
  site = await serve(out, subPath);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request the next navigation cancels (ERR_ABORTED) has not failed.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** The results' links, resolved against the page: where a click leads. */
const resultLinks = (page: Page) => page.locator('#search-results a').evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href));

/** Searches as a reader types, and reads the results once the page says how many it found. */
async function search(page: Page, term: string): Promise<string[]> {
  await page.fill('#search-input', term);
  // The status names the query it answers: a previous query's answer is not taken for this one's.
  await expect
    .poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 })
    .toSatisfy((said: string | null) => (said ?? '').includes(`“${term}”`) && /网页|網頁/u.test(said ?? '') && !/^正在/u.test(said ?? ''));
  // Ten are shown at first: a result further down the list is shown by asking for more.
  while (await page.locator('#search-more').isVisible()) {
    const shown = await page.locator('#search-results li').count();
    await page.click('#search-more');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(shown);
  }
  return resultLinks(page);
}

// Skipped without Chromium (and then none of the hooks above runs); required with CI=true.
describeWith([chromium], 'the bundled site, published', () => {
  it('is navigated under a sub-path without a single failed request', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/index.html`);
    await page.click('a[href="./hainan/2020.html"]');
    await page.waitForURL(/\/archive\/2020\/review\/hainan\/2020\.html$/u);
    await page.click('nav a:has-text("来源")');
    await page.waitForURL(/\/archive\/2020\/review\/sources\.html$/u);
    await page.click('a[data-script-switch]');
    await page.waitForURL(/\/archive\/2020\/review\/zh-Hant\/sources\.html$/u);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ['党支部', '', /\/archive\/2020\/review\/hainan\/2020\.html/u],
    ['培训', '', /\/archive\/2020\/review\/metrics\/training-attendance\.html/u],
    ['立案', '', /\/archive\/2020\/review\/metrics\/cases-filed\.html/u],
    ['模范机关', '', /\/archive\/2020\/review\/metrics\/model-organs\.html/u],
    ['江苏', '', /\/archive\/2020\/review\/jiangsu\.html/u],
    ['江蘇', 'zh-Hant/', /\/archive\/2020\/review\/zh-Hant\/jiangsu\.html/u],
  ])('finds %s on the %ssearch page', async (term, edition, expected) => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/${edition}search.html`);
    expect(await page.locator('#search-unavailable').isVisible()).toBe(false);
    const results = await search(page, term);
    expect(results.some((href) => expected.test(href)), results.join('\n')).toBe(true);
    // A result leads to its page.
    await page.goto(new URL(results[0] ?? '', site.url).href);
    expect(await page.locator('h1').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks the edition\'s script, and searches the edition the reader is in', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const inTraditional = (href: string) => href.includes('/archive/2020/review/zh-Hant/');
    for (const [edition, term, found, otherScript, none] of [
      ['', '立案', /^“立案”：[1-9]\d*个网页$/u, '江蘇', '没有找到含“江蘇”的网页'],
      ['zh-Hant/', '立案', /^“立案”：[1-9]\d*個網頁$/u, '江苏', '沒有找到含“江苏”的網頁'],
    ] as const) {
      await page.goto(`${site.url}/${edition}search.html`);
      // 立案 is on pages of both editions: each search page lists only its own edition's.
      const results = await search(page, term);
      expect(await page.locator('#search-status').textContent()).toMatch(found);
      expect(results.length, edition).toBeGreaterThan(0);
      expect(results.filter((href) => inTraditional(href) !== (edition !== '')), edition).toEqual([]);
      // A name in the other edition's script is not on this edition's pages, and the page says what to do.
      expect(await search(page, otherScript)).toEqual([]);
      expect(await page.locator('#search-status').textContent()).toContain(none);
      // What was typed is said as typed, $ signs included (no replacement pattern of String.replace).
      expect(await search(page, `${otherScript} $& $'`)).toEqual([]);
      expect(await page.locator('#search-status').textContent()).toContain(`“${otherScript} $& $'”`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never lists a page without every word searched, and marks the words in each result', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/search.html`);
    for (const term of ['省公安厅', '海南 立案', '党支部达标率']) {
      const results = await search(page, term);
      expect(results.length, term).toBeGreaterThan(0);
      // Every page listed holds every word in its searchable part, or its title.
      for (const href of results) {
        const { document } = parseHTML(await (await page.request.get(href)).text());
        const text = (document.querySelector('[data-search-body]')?.textContent ?? '').replace(/\s+/gu, '');
        for (const word of term.split(' ')) expect(text, `${term}: ${href}`).toContain(word);
      }
    }
    // Each result shows the words around what was searched, marked.
    for (const item of await page.locator('#search-results li').all()) expect(await item.locator('mark').allTextContents()).toContain('党支部达标率');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a unit by its own page, not by every page that lists it, and names each result by its page title', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/search.html`);
    const results = await search(page, '省公安厅');
    // The other unit pages of a province link to it in their lists of the province's units, which are not indexed:
    // only the two units of that name (Hainan's and Henan's 省公安厅) are found.
    const unitPages = results.filter((href) => href.includes('/units/'));
    expect(unitPages.length, results.join('\n')).toBeGreaterThan(0);
    expect(unitPages.every((href) => /\/(?:hainan|henan)\/units\/gonganting\.html$/u.test(href)), results.join('\n')).toBe(true);
    expect(await page.locator('#search-results a').allTextContents()).toContain('省公安厅 · 海南');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens, navigates and searches from a folder with file://', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`file://${out}/index.html`);
    await page.click('a[href="./qinghai/2019-2020.html"]');
    await page.waitForURL(/qinghai\/2019-2020\.html$/u);
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(1);
    await page.click('a[data-script-switch]');
    await page.waitForURL(/zh-Hant\/qinghai\/2019-2020\.html$/u);
    await page.click('nav a:has-text("搜索")');
    await page.waitForURL(/zh-Hant\/search\.html$/u);
    expect(await page.locator('#search-unavailable').isVisible()).toBe(false);
    const results = await search(page, '江蘇');
    expect(results[0]).toBe(`file://${out}/zh-Hant/jiangsu.html`);
    await page.click('#search-results a >> nth=0');
    await page.waitForURL(/zh-Hant\/jiangsu\.html$/u);
    expect(await page.locator('h1').textContent()).toBe('江蘇');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the last search asked, whatever the order the answers come in', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/search.html`);
    // Three searches asked at once (Enter each time): the slower first ones must not write into the last one's list.
    for (const term of ['党支部达标率', '党', '立案']) {
      await page.fill('#search-input', term);
      await page.press('#search-input', 'Enter');
    }
    const results = await search(page, '立案');
    const count = Number(/(\d+)个网页/u.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    expect(results).toHaveLength(count);
    for (const item of await page.locator('#search-results li').all()) expect(await item.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['立案']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the search in the address, and runs a search given there', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/search.html`);
    await search(page, '海南 立案');
    expect(new URL(page.url()).searchParams.get('q')).toBe('海南 立案');
    // The address opened again (a bookmark, a link sent) shows the same results.
    const shown = await resultLinks(page);
    await page.goto(page.url());
    expect(await page.inputValue('#search-input')).toBe('海南 立案');
    await expect.poll(() => resultLinks(page)).toEqual(shown);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says, where scripts do not run, that search cannot, and where else to look', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/zh-Hant/search.html`);
    const note = page.locator('#search-unavailable');
    expect(await note.isVisible()).toBe(true);
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    expect(await note.locator('a').allTextContents()).toEqual(['指標', '比較', '來源']);
    await note.locator('a', { hasText: '指標' }).click();
    await page.waitForURL(/zh-Hant\/metrics\.html$/u);
    await context.close();
  });

  it('is served by npm run preview, which says its address in Chinese and stops on Ctrl+C', async () => {
    // Port 0: any free one; the command says which.
    const preview = spawn('npm', ['run', 'preview', '--', '--out', out, '--port', '0'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    preview.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    preview.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise<string>((resolve) => preview.on('exit', (code, signal) => resolve(signal ?? String(code))));
    let address = '';
    try {
      await expect.poll(() => said, { timeout: 30_000 }).toMatch(/请用浏览器打开 http:\/\/localhost:\d+\/index\.html/u);
      address = /请用浏览器打开 (http:\/\/localhost:\d+)\/index\.html/u.exec(said)?.[1] ?? '';
      expect(said).toContain(`${address}/search.html`);
      expect(said).toContain('Ctrl+C');
      const page = await browser.newPage();
      const problems = watch(page);
      await page.goto(`${address}/search.html`);
      expect(await page.locator('#search-unavailable').isVisible()).toBe(false);
      const results = await search(page, '立案');
      expect(results.some((href) => href === `${address}/metrics/cases-filed.html`), results.join('\n')).toBe(true);
      expect(results.filter((href) => href.includes('/zh-Hant/'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      // Ctrl+C: SIGINT to the command's process group (npm and the server it runs).
      if (preview.pid) process.kill(-preview.pid, 'SIGINT');
    }
    // npm ends itself with the signal (as on a terminal's Ctrl+C) once the preview has stopped.
    expect(['0', 'SIGINT']).toContain(await exited);
    await expect.poll(() => said).toContain('预览已停止');
    await expect.poll(() => fetch(`${address}/index.html`).then(() => 'serving', () => 'stopped')).toBe('stopped');
  });

  itWith([poppler], 'prints a review on A4 with page numbers', async () => {
    const dir = join(repoRoot, 'test-artifacts/print');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const page = await browser.newPage();
    await page.goto(`file://${out}/hainan/2020.html`);
    const pdf = join(dir, 'hainan-2020.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'hainan-2020')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(existsSync(join(dir, pages[0] ?? ''))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('2020年海南省直机关党建工作综述');
    // Page numbers in the bottom margin: 1/8, 2/8 ...
    expect(text).toMatch(/\b1 ?\/ ?\d+\b/u);
    expect(text).toContain('南海先锋网');
  });
});
