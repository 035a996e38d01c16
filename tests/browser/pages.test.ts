/**
 * Every page type of the fixture site in headless Chromium: it loads with no
 * console error and no failed request, its charts are visible, it fits a
 * phone's width, and a screenshot is kept in test-artifacts/screenshots/ (the
 * CI artefact folder) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { serve } from '../../src/cli/staticServer.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { chromium, describeWith } from '../helpers/requires.ts';

const tempDir = useTempDir('all');
const screenshots = join(repoRoot, 'test-artifacts/screenshots');

const pageTypes = [
  ['home', 'index.html'],
  ['review', 'hainan/2020.html'],
  ['province', 'hainan.html'],
  ['unit', 'hainan/units/gaoyuan.html'],
  ['metric', 'metrics/training-attendance.html'],
  ['metrics', 'metrics.html'],
  ['compare', 'compare.html'],
  ['compare-metric', 'compare/training-attendance.html'],
  ['compare-pair', 'compare/hainan/jiangsu.html'],
  ['sources', 'sources.html'],
  ['methodology', 'methodology.html'],
] as const;

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let out = '';

beforeAll(async () => {
  out = join(tempDir(), 'dist');
  await buildSite({ dataSet: await fixtureDataSet(), outDir: out });
  site = await serve(out);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// Skipped without Chromium (and then none of the hooks above runs); required with CI=true.
describeWith([chromium], 'pages in Chromium', () => {
  it.each(pageTypes)('%s page (%s) loads cleanly, shows its charts and fits a phone', async (name, path) => {
    const problems: string[] = [];
    for (const [width, suffix] of [[1100, ''], [390, '-phone']] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });
      await page.goto(`${site.url}/${path}`, { waitUntil: 'load' });
      const charts = page.locator('figure.chart svg');
      for (let i = 0; i < (await charts.count()); i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box?.width, `chart ${i} of ${path}`).toBeGreaterThan(200);
        expect(box?.height, `chart ${i} of ${path}`).toBeGreaterThan(30);
      }
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(screenshots, `${name}${suffix}.png`), fullPage: true });
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('runs the optional script from a folder opened with file://, within the page policy', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(`file://${out}/compare.html`);
    expect(await page.locator('#pair-picker').isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the compare page picker leads to the pair page (and works without it, by links)', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/compare.html`);
    await page.selectOption('select[name="a"]', 'hainan');
    await page.selectOption('select[name="b"]', 'jiangsu');
    await page.click('#pair-picker button');
    await page.waitForURL(/compare\/hainan\/jiangsu\.html$/u);
    expect(await page.locator('h1').textContent()).toBe('海南与江苏');
    await page.close();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${site.url}/compare.html`);
    expect(await plain.locator('#pair-picker').isVisible()).toBe(false);
    expect(await plain.locator('a[href="./compare/hainan/jiangsu.html"]').isVisible()).toBe(true);
    await noScript.close();
  });
});
