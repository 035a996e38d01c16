/**
 * The bundled site as readers and archivists meet it, in headless Chromium:
 * served under a sub-path and by npm run preview, opened from a folder with
 * file://, searched in both scripts (each edition's search page showing its
 * own edition first), and printed to A4 (the PDF's pages are kept as PNGs in
 * test-artifacts/print/ to look at).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

const resultLinks = (page: Page) => page.locator('.pagefind-ui__result-link').evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));

async function search(page: Page, term: string): Promise<string[]> {
  await page.fill('.pagefind-ui__search-input', term);
  await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
  // Results arrive one by one: read them once their number has stopped changing.
  const links = page.locator('.pagefind-ui__result-link');
  let count = -1;
  while (count !== (await links.count())) {
    count = await links.count();
    await page.waitForTimeout(700);
  }
  return resultLinks(page);
}

/** The editions chosen under 版本, by their labels without the count. */
async function checkedEditions(page: Page): Promise<string[]> {
  const chosen: string[] = [];
  for (const value of await page.locator('.pagefind-ui__filter-value').all()) {
    if (await value.locator('.pagefind-ui__filter-checkbox').isChecked()) chosen.push(((await value.locator('.pagefind-ui__filter-label').textContent()) ?? '').replace(/\s*\(\d+\)\s*$/u, '').trim());
  }
  return chosen;
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

  it('speaks the edition\'s script in the search box, and names the edition of each result', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    for (const [edition, term, results, facet] of [
      ['', '党支部', '个结果', ['简体', '繁體']],
      ['zh-Hant/', '黨支部', '個結果', ['简体', '繁體']],
    ] as const) {
      await page.goto(`${site.url}/${edition}search.html`);
      await search(page, term);
      expect(await page.locator('.pagefind-ui__message').textContent()).toContain(results);
      expect(await page.locator('.pagefind-ui__filter-name').allTextContents()).toEqual(['版本']);
      const values = await page.locator('.pagefind-ui__filter-label').allTextContents();
      expect(values.map((v) => v.replace(/\s*\(\d+\)\s*$/u, '').trim()).sort()).toEqual([...facet]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the edition the reader is in, and the other edition only when chosen', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const inTraditional = (href: string) => href.includes('/archive/2020/review/zh-Hant/');
    for (const [edition, own, other] of [
      ['', '简体', '繁體'],
      ['zh-Hant/', '繁體', '简体'],
    ] as const) {
      await page.goto(`${site.url}/${edition}search.html`);
      // 立案 is on pages of both editions: the Simplified search page lists only the Simplified ones, the Traditional only the Traditional.
      const results = await search(page, '立案');
      expect(results.length, edition).toBeGreaterThan(0);
      expect(results.filter((href) => inTraditional(href) !== (edition !== '')), edition).toEqual([]);
      expect(await checkedEditions(page)).toEqual([own]);
      // The edition not chosen shows no count: Pagefind's would be 0, that of pages in both editions.
      const labels = (await page.locator('.pagefind-ui__filter-label').allTextContents()).map((label) => label.trim());
      expect(labels.find((label) => label.startsWith(other))).toBe(other);
      expect(labels.find((label) => label.startsWith(own))).toMatch(/ \([1-9]\d*\)$/u);
      // Choosing the other edition leaves the first: results are never asked to be in both.
      await page.locator('.pagefind-ui__filter-label', { hasText: other }).click();
      await expect.poll(() => resultLinks(page), { timeout: 15_000 }).toSatisfy((links: string[]) => links.length > 0 && links.every((href) => inTraditional(href) === (edition === '')));
      expect(await checkedEditions(page)).toEqual([other]);
      // Choosing none shows both.
      await page.locator('.pagefind-ui__filter-label', { hasText: other }).click();
      await expect.poll(() => resultLinks(page), { timeout: 15_000 }).toSatisfy((links: string[]) => links.some(inTraditional) && !links.every(inTraditional));
      expect(await checkedEditions(page)).toEqual([]);
    }
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
    expect(await page.locator('.pagefind-ui__result-title').allTextContents()).toContain('省公安厅 · 海南');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens and navigates from a folder with file://, and says politely that search needs a server', async () => {
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
    const note = page.locator('#search-unavailable');
    expect(await note.isVisible()).toBe(true);
    // It says how to search (serve the site with npm run preview and open the address it prints), and where else to look.
    const said = (await note.textContent()) ?? '';
    expect(said).toContain('file://');
    expect(said).toContain('npm run preview');
    expect(said).toContain('http://localhost:4321');
    expect(await note.locator('a').allTextContents()).toEqual(['指標', '比較', '來源']);
    await note.locator('a', { hasText: '指標' }).click();
    await page.waitForURL(/zh-Hant\/metrics\.html$/u);
    expect(problems).toEqual([]);
    await page.close();
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
      expect(results.some((href) => href === '/metrics/cases-filed.html'), results.join('\n')).toBe(true);
      expect(results.filter((href) => href.startsWith('/zh-Hant/'))).toEqual([]);
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
