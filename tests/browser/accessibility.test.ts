/**
 * Every page kind is accessible and valid HTML, in both editions:
 *
 * - axe-core (the WCAG 2.0 and 2.1 rules of levels A and AA) in Chromium, at a phone's (390 px)
 *   and a desktop's (1280 px) width, finds no serious or critical violation;
 * - the W3C Nu Html Checker (vnu-jar, run with Java) finds no error in the same pages, all
 *   checked in one run.
 *
 * The pages are those of the bundled site, one of each kind and every review; where a kind has
 * pages with and without charts, one with a chart. The bundled data draw no trend lines and no
 * unit standing, so the fixture site (tests/fixtures/site) adds its province, unit and metric
 * pages, which draw every chart the bundled site does not; those are checked in Simplified only,
 * the Traditional edition being the same markup converted in script (src/build/threads/editionThread.ts),
 * which the bundled pages check for every kind. Neither has a unit return (data/tables/): a third
 * site, one laid over the input corpus's base, adds the source page that shows one and the unit
 * page that links its line.
 *
 * No rule is skipped. Both reports are kept in test-artifacts/accessibility/ (axe.json: every
 * violation, minor and moderate ones too; vnu.json) for a person to read.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { serve } from '../../src/cli/staticServer.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { chromium, describeWith, java, vnuJar } from '../helpers/requires.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { corpusCase } from '../helpers/corpusCase.ts';

const tempDir = useTempDir('all');
const artifacts = join(repoRoot, 'test-artifacts/accessibility');
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.1 level AA: the rules tagged for 2.0 and 2.1, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const widths = [390, 1280] as const;

type SiteName = 'bundled' | 'fixture' | 'unit returns';

/** A site's data and content: the bundled data, the fixture site, or a unit-return table (data/tables/) laid over the corpus base. */
function siteInputs(name: SiteName): { dataDir: string; contentDir: string } {
  if (name === 'unit returns') return corpusCase(tempDir(), '52-wide-table');
  const folder = name === 'bundled' ? repoRoot : fixtureSite;
  return { dataDir: join(folder, 'data'), contentDir: join(folder, 'content') };
}

/** A page of one kind: a path from the site root, or the first page whose path matches (one with a chart if any has). */
interface PageOfKind {
  kind: string;
  site: SiteName;
  path: string | RegExp;
  hant?: boolean;
}

const bundledKinds: readonly PageOfKind[] = [
  { kind: 'home', site: 'bundled', path: 'index.html' },
  { kind: 'review qinghai', site: 'bundled', path: 'qinghai/2019-2020.html' },
  { kind: 'review jiangsu', site: 'bundled', path: 'jiangsu/2021-2022.html' },
  { kind: 'review henan', site: 'bundled', path: 'henan/2020-2024.html' },
  { kind: 'review guangxi', site: 'bundled', path: 'guangxi/2022.html' },
  { kind: 'review hainan', site: 'bundled', path: 'hainan/2020.html' },
  { kind: 'province', site: 'bundled', path: 'hainan.html' },
  { kind: 'unit', site: 'bundled', path: /^[a-z-]+\/units\/[a-z0-9-]+\.html$/u },
  { kind: 'metric', site: 'bundled', path: /^metrics\/[a-z0-9-]+\.html$/u },
  { kind: 'metrics index', site: 'bundled', path: 'metrics.html' },
  { kind: 'compare', site: 'bundled', path: 'compare.html' },
  { kind: 'compare-metric', site: 'bundled', path: /^compare\/[a-z0-9-]+\.html$/u },
  { kind: 'compare-pair', site: 'bundled', path: /^compare\/[a-z-]+\/[a-z-]+\.html$/u },
  { kind: 'sources', site: 'bundled', path: 'sources.html' },
  { kind: 'source', site: 'bundled', path: /^sources\/[a-z0-9-]+\.html$/u },
  { kind: 'methodology', site: 'bundled', path: 'methodology.html' },
  { kind: 'search', site: 'bundled', path: 'search.html' },
];
const pages: readonly PageOfKind[] = [
  ...bundledKinds,
  ...bundledKinds.map((p) => ({ ...p, hant: true })),
  { kind: 'province with trend lines', site: 'fixture', path: 'hainan.html' },
  { kind: 'unit with its standing', site: 'fixture', path: 'hainan/units/gaoyuan.html' },
  { kind: 'metric with tile grid, ranking and trend', site: 'fixture', path: 'metrics/training-attendance.html' },
  // A unit return, which neither data set has: its source page shows it as its file lays it out, and the unit's page links its line.
  { kind: 'source with a unit return', site: 'unit returns', path: 'sources/table-hainan-2020.html' },
  { kind: 'source with a unit return', site: 'unit returns', path: 'sources/table-hainan-2020.html', hant: true },
  { kind: 'unit with its return line', site: 'unit returns', path: 'hainan/units/gonganting.html' },
];
const nameOf = (p: PageOfKind) => `${p.kind}${p.hant ? ' (zh-Hant)' : ''}${p.site === 'bundled' ? '' : ` (${p.site} site)`}`;

const built = new Map<SiteName, Promise<string>>();

/** Builds a site once, for whichever suite needs it first. */
function builtSite(name: SiteName): Promise<string> {
  let building = built.get(name);
  if (!building) {
    building = (async () => {
      const options = siteInputs(name);
      const { dataSet, problems } = await loadDataSet(options);
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) throw new Error(`the ${name} data set has errors: ${JSON.stringify(errors.slice(0, 3))}`);
      const out = join(tempDir(), name);
      await buildSite({ ...options, dataSet, outDir: out });
      return out;
    })();
    built.set(name, building);
  }
  return building;
}

/** The page's file in its built site, from the site root. */
function fileOf(dir: string, page: PageOfKind): string {
  const edition = page.hant ? 'zh-Hant/' : '';
  if (typeof page.path === 'string') return `${edition}${page.path}`;
  const pattern = page.path;
  const matching = readdirSync(join(dir, edition), { recursive: true, encoding: 'utf8' })
    .map((p) => p.split('\\').join('/'))
    .filter((p) => !p.startsWith('zh-Hant/') && pattern.test(p))
    .sort();
  const withChart = matching.find((p) => readFileSync(join(dir, edition, p), 'utf8').includes('<figure class="chart"'));
  const chosen = withChart ?? matching[0];
  if (chosen === undefined) throw new Error(`no page of kind ${page.kind} (${String(pattern)}) in ${dir}`);
  return `${edition}${chosen}`;
}

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

describeWith([chromium], 'axe-core finds no serious or critical WCAG 2.1 AA violation', () => {
  let browser: Browser;
  const servers = new Map<SiteName, { url: string; close: () => Promise<void> }>();
  const report: Record<string, Record<number, AxeViolation[]>> = {};

  beforeAll(async () => {
    for (const name of new Set(pages.map((p) => p.site))) servers.set(name, await serve(await builtSite(name)));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers.values()) await server.close();
    if (Object.keys(report).length > 0) {
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, 'axe.json'), `${JSON.stringify(report, null, 2)}\n`);
    }
  });

  it.each(pages.map((p) => [nameOf(p), p] as const))('%s', async (_, pageOfKind) => {
    const file = fileOf(await builtSite(pageOfKind.site), pageOfKind);
    const found: string[] = [];
    // The pages' Content-Security-Policy allows no inline script: axe is injected past it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: widths[0], height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${servers.get(pageOfKind.site)?.url}/${file}`, { waitUntil: 'load' });
    expect(response?.status(), file).toBe(200);
    // The search page's form is shown by its script, and its results drawn by it: check them as a reader meets them.
    if (file.endsWith('search.html')) {
      await page.fill('#search-input', file.startsWith('zh-Hant/') ? '黨支部' : '党支部');
      await page.waitForSelector('#search-results li');
    }
    await page.addScriptTag({ path: axeScript });
    // Loaded and injected once, checked at each width: the style sheet's media queries follow the viewport.
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const violations = (await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations;
      }, wcagTags)) as AxeViolation[];
      (report[`${pageOfKind.site}/${file}`] ??= {})[width] = violations;
      for (const v of violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html.replace(/\s+/gu, ' ').slice(0, 160)}`);
        const more = nodes.length > 5 ? `\n    … and ${nodes.length - 5} more` : '';
        found.push(`${v.id} (${v.impact}, ${width}px) ${v.help}, ${v.nodes.length} element(s):\n${nodes.slice(0, 5).join('\n')}${more}`);
      }
    }
    await context.close();
    expect(found, `${file}:\n${found.join('\n')}`).toEqual([]);
  });
});

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

describeWith([java], 'the Nu Html Checker finds no error', () => {
  it('in any page kind of either edition', async () => {
    const files: string[] = [];
    for (const page of pages) {
      const dir = await builtSite(page.site);
      files.push(join(dir, fileOf(dir, page)));
    }
    // One run over every page: the checker's start (a JVM) costs more than the checking.
    const run = promisify(execFile)('java', ['-jar', vnuJar(), '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 });
    // vnu exits 1 when it finds an error; its report is on stderr either way.
    const { stdout, stderr } = await run.catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const json = [stderr, stdout].find((text) => text.trim().startsWith('{'));
    expect(json, `the checker wrote no report:\n${stdout}\n${stderr}`).toBeDefined();
    const { messages } = JSON.parse(json ?? '{}') as { messages: VnuMessage[] };
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'vnu.json'), `${JSON.stringify(messages, null, 2)}\n`);
    const errors = messages
      .filter((m) => m.type !== 'info')
      .map((m) => {
        const where = m.url ? new URL(m.url).pathname.replace(/^.*?\/(bundled|fixture)\//u, '$1/') : '(no file)';
        const extract = m.extract ? `\n    ${m.extract.replace(/\s+/gu, ' ').trim().slice(0, 160)}` : '';
        return `${where}:${m.lastLine ?? '?'} ${m.message}${extract}`;
      });
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
