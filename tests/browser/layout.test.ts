/**
 * Pages as a reader sees them at 390 px (a phone) and 1280 px (a desktop), in Chromium: no
 * sideways scrolling, no chart or chart text cut off, chart text at least 11 px on the phone and at
 * most 1.3 times the body text on the desktop, tile maps with a legend, and no number broken from
 * its measure word (tests/helpers/layoutCheck.ts). Every review page of the bundled site and one
 * page of each kind; and a small synthetic set (6 provinces × 3 years × 10 units), where most
 * metrics are comparable and every kind of chart is drawn, which the bundled site no longer is.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { serve } from '../../src/cli/staticServer.ts';
import { writeSyntheticDataSet } from '../../src/cli/synth.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { launchChromium } from '../helpers/browser.ts';
import { inspectLayout, type LayoutLimits } from '../helpers/layoutCheck.ts';
import { repoRoot } from '../helpers/paths.ts';
import { chromium, describeWith } from '../helpers/requires.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir('all');

const widths: Array<[number, LayoutLimits]> = [
  [390, { minChartText: 11, maxChartTextRatio: 0 }],
  [1280, { minChartText: 0, maxChartTextRatio: 1.3 }],
];

/** One page of each kind, as paths of the built site: the first of each route in the folder. */
function onePerKind(site: string): string[] {
  const all = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.html') && !p.startsWith('zh-Hant/'))
    .sort();
  const first = (test: (p: string) => boolean) => all.find(test);
  return [
    'index.html',
    'metrics.html',
    'compare.html',
    'sources.html',
    'methodology.html',
    'search.html',
    first((p) => /^[a-z]+\.html$/u.test(p) && !['index', 'metrics', 'compare', 'sources', 'methodology', 'search'].includes(p.slice(0, -5))),
    first((p) => /^[a-z]+\/\d{4}(-\d{4})?\.html$/u.test(p)),
    first((p) => /^[a-z]+\/units\//u.test(p)),
    first((p) => p.startsWith('metrics/')),
    first((p) => /^compare\/[a-z-]+\.html$/u.test(p)),
    first((p) => /^compare\/[a-z]+\/[a-z]+\.html$/u.test(p)),
    first((p) => p.startsWith('sources/')),
  ].filter((p): p is string => p !== undefined);
}

const reviewPages = (site: string) =>
  readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((p) => /^[a-z]+\/\d{4}(-\d{4})?\.html$/u.test(p))
    .sort();

let browser: Browser;
const sites = {} as Record<'bundled' | 'synthetic', { dir: string; url: string; close: () => Promise<void> }>;

describeWith([chromium], 'pages at 390 px and 1280 px', () => {
  beforeAll(async () => {
    const bundled = join(tempDir(), 'bundled');
    const source = { dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') };
    await buildSite({ ...source, dataSet: (await loadDataSet(source)).dataSet, outDir: bundled });
    const synthDir = tempDir();
    await writeSyntheticDataSet(synthDir, { provinces: 6, years: 3, units: 10, lastYear: 2024, seed: 17 });
    const synthSource = { dataDir: join(synthDir, 'data'), contentDir: join(synthDir, 'content') };
    const synthetic = join(synthDir, 'dist');
    await buildSite({ ...synthSource, dataSet: (await loadDataSet(synthSource)).dataSet, outDir: synthetic });
    sites.bundled = { dir: bundled, ...(await serve(bundled)) };
    sites.synthetic = { dir: synthetic, ...(await serve(synthetic)) };
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sites.bundled?.close();
    await sites.synthetic?.close();
  });

  const check = async (site: keyof typeof sites, paths: string[]) => {
    const problems: string[] = [];
    for (const [width, limits] of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of paths) {
        await page.goto(`${sites[site].url}/${path}`, { waitUntil: 'load' });
        for (const problem of await page.evaluate(inspectLayout, limits)) problems.push(`${path} at ${width} px: ${problem}`);
      }
      await page.close();
    }
    return problems;
  };

  it('every review page of the bundled site reads at both widths', async () => {
    const reviews = reviewPages(sites.bundled.dir);
    expect(reviews.length).toBeGreaterThanOrEqual(5);
    expect(await check('bundled', reviews)).toEqual([]);
  }, 120_000);

  it('one page of each kind of the bundled site, in both editions, reads at both widths', async () => {
    const pages = onePerKind(sites.bundled.dir);
    expect(pages.length).toBeGreaterThanOrEqual(13);
    expect(await check('bundled', [...pages, ...pages.map((p) => `zh-Hant/${p}`)])).toEqual([]);
  }, 180_000);

  it('the synthetic set: one page of each kind and every review of one province, with every kind of chart', async () => {
    const pages = [...onePerKind(sites.synthetic.dir), ...reviewPages(sites.synthetic.dir).slice(0, 3)];
    const kinds = new Set<string>();
    const page = await browser.newPage();
    for (const path of pages) {
      await page.goto(`${sites.synthetic.url}/${path}`);
      for (const kind of await page.evaluate(() => [...document.querySelectorAll('svg.zs-chart')].map((s) => [...s.classList].find((c) => c !== 'zs-chart') ?? ''))) kinds.add(kind);
    }
    await page.close();
    // The tile map, bars, trend lines and the unit's standing are drawn on the synthetic set.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['zs-chart-ranked-bars', 'zs-chart-tile-grid', 'zs-chart-trend-lines', 'zs-chart-unit-standing']));
    expect(await check('synthetic', pages)).toEqual([]);
  }, 180_000);
});
