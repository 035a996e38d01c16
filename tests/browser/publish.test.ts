/**
 * The bundled site as readers and archivists meet it, in headless Chromium:
 * served under a sub-path, opened from a folder with file://, searched in
 * both scripts, and printed to A4 (the PDF's pages are kept as PNGs in
 * test-artifacts/print/ to look at).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { launchChromium } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/paths.ts';
import { serve } from '../../src/cli/staticServer.ts';
import { useTempDir } from '../helpers/tempDir.ts';

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
  return links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
}

describe('the bundled site, published', () => {
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
    ['党支部', /\/archive\/2020\/review\/hainan\/2020\.html/u],
    ['培训', /\/archive\/2020\/review\/metrics\/training-attendance\.html/u],
    ['立案', /\/archive\/2020\/review\/metrics\/cases-filed\.html/u],
    ['模范机关', /\/archive\/2020\/review\/metrics\/model-organs\.html/u],
    ['江苏', /\/archive\/2020\/review\/jiangsu\.html/u],
    ['江蘇', /\/archive\/2020\/review\/zh-Hant\/jiangsu\.html/u],
  ])('finds %s', async (term, expected) => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}/search.html`);
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
    expect(await page.locator('#search-unavailable').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints a review on A4 with page numbers', async () => {
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
