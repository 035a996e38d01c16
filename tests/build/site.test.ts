/**
 * Builds the fixture site and reads the HTML of every page type; then fails
 * builds on purpose over the existing output folder and checks that nothing
 * changed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { pagePaths, siteIndex } from '../../src/lib/pages/site.ts';
import { toSimplified } from '../../src/lib/script.ts';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { brokenLinks, htmlFiles } from '../helpers/linkCheck.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { optionalScripts } from '../helpers/scripts.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir('all');

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    hash.update(path.slice(dir.length));
    if (entry.isFile()) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

let out = '';
const page = (path: string) => parseHTML(readFileSync(join(out, path), 'utf8')).document;
const text = (path: string) => page(path).body.textContent?.replace(/\s+/gu, ' ') ?? '';

let dataSet: DataSet;

beforeAll(async () => {
  out = join(tempDir(), 'dist');
  dataSet = await fixtureDataSet();
  await buildSite({ dataSet, outDir: out });
});

describe('the fixture site', () => {
  it('builds every page type', () => {
    const pages = htmlFiles(out).map((f) => f.slice(out.length + 1));
    for (const expected of [
      'index.html',
      'hainan.html',
      'hainan/2020.html',
      'hainan/2019.html',
      'hainan/2018.html',
      'jiangsu/2021.html',
      'hainan/units/gaoyuan.html',
      'metrics.html',
      'metrics/branch-compliance-rate.html',
      'compare.html',
      'compare/training-attendance.html',
      'compare/hainan/jiangsu.html',
      'sources.html',
      'sources/hainan-2020.html',
      'methodology.html',
    ]) {
      expect(pages).toContain(expected);
    }
    expect(pages).not.toContain('xizang.html');
    // The page list the build knows before rendering (it orders the search index) is what Astro writes.
    const listed = pagePaths(siteIndex(dataSet));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(pages.filter((p) => !p.startsWith('zh-Hant/')).sort());
    for (const path of pages) {
      const document = page(path);
      const traditional = path.startsWith('zh-Hant/');
      expect(document.documentElement.getAttribute('lang'), path).toBe(traditional ? 'zh-Hant' : 'zh-CN');
      expect(document.querySelector('title')?.textContent, path).toMatch(traditional ? /機關黨建工作綜述$/u : /机关党建工作综述$/u);
      expect(document.querySelectorAll('h1'), path).toHaveLength(1);
    }
  });

  it('has no broken internal link, anchor or download, and no absolute link', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('draws one SVG per chart, each with its table, its CSV and its drawing as a file', () => {
    for (const path of htmlFiles(out)) {
      const document = parseHTML(readFileSync(path, 'utf8')).document;
      const figures = [...document.querySelectorAll('figure.chart')];
      for (const figure of figures) {
        expect(figure.querySelectorAll('svg.zs-chart:is([role="img"], [role="group"])'), path).toHaveLength(1);
        expect(figure.querySelector('figcaption .caption')?.textContent).not.toBe('');
        const svgLink = figure.querySelector('a[download][href$=".svg"]')?.getAttribute('href') ?? '';
        const drawing = readFileSync(join(path, '..', svgLink), 'utf8');
        expect(drawing.startsWith('<?xml')).toBe(true);
        // The file is the page's drawing: the same title, description and marks.
        expect(toSimplified(drawing)).toContain(toSimplified(figure.querySelector('svg title')?.textContent ?? '-'));
        expect(drawing.match(/<(?:rect|circle|path|line|text)\b/gu)?.length).toBe(figure.querySelectorAll('svg rect, svg circle, svg path, svg line, svg text').length);
        const header = [...figure.querySelectorAll('thead th')].map((th) => th.textContent);
        const csvLink = figure.querySelector('a[download][href$=".csv"]')?.getAttribute('href') ?? '';
        const csv = readFileSync(join(path, '..', csvLink), 'utf8');
        expect(csv.startsWith('\uFEFF')).toBe(true);
        // The Traditional pages share the one (Simplified) copy of the data.
        expect(toSimplified(csv.slice(1).split('\r\n')[0] ?? '')).toBe(toSimplified(header.join(',')));
        expect(csv.trim().split('\r\n')).toHaveLength(figure.querySelectorAll('tbody tr').length + 1);
      }
    }
    expect(page('hainan/2020.html').querySelectorAll('figure.chart svg').length).toBeGreaterThanOrEqual(2);
  });

  it('home: the tile grid, links to every review, and the provinces without data', () => {
    const body = text('index.html');
    // The map shows the metric most provinces report comparably.
    expect(body).toContain('各省培训人次');
    expect(page('index.html').querySelector('a[href="./hainan/2020.html"]')).not.toBeNull();
    expect(page('index.html').querySelector('a[href="./jiangsu/2021.html"]')).not.toBeNull();
    expect(body).toMatch(/尚无数据.*西藏/u);
  });

  it('review: narrative, headline cards, figures with basis and quotes, units, sources', () => {
    const body = text('hainan/2020.html');
    expect(body).toContain('达标党支部2387个，达标率89%，培训1800余人次。');
    expect(body).toContain('各单位立案合计12件，其中省高院5件。');
    expect(body).toContain('按2387个/2824个计算为84.5%，原文高4.5个百分点');
    expect(body).toContain('各单位合计（2个单位）');
    expect(body).toContain('省高院立案5件');
    expect([...page('hainan/2020.html').querySelectorAll('.card .area')].map((e) => e.textContent)).toEqual(['支部建设', '教育培训', '监督执纪', '表彰荣誉', '党员发展', '经费']);
    expect(page('hainan/2020.html').querySelector('a[href="./units/gaoyuan.html"]')?.textContent).toBe('省高级人民法院');
    expect(page('hainan/2020.html').querySelector('a[href="../sources/hainan-2020.html"]')).not.toBeNull();
    expect(readFileSync(join(out, 'hainan/2020.html'), 'utf8')).not.toContain('{{');
    // The province's other reviews, newest first, each a link, set apart by 、 so that their years do not run together.
    expect(page('hainan/2020.html').querySelector('.crumbs')?.textContent).toBe('海南历年数据 · 其他综述：2019年、2018年');
    expect([...page('hainan/2020.html').querySelectorAll('.crumbs a')].map((a) => a.getAttribute('href'))).toEqual(['../hainan.html', './2019.html', './2018.html']);
  });

  it('province: periods side by side with changes; unit: against the committee', () => {
    expect(text('hainan.html')).toContain('1800余人次较上期增加20%以上');
    // 立案 2020 is two units' figures added up: the cell says so, and no change is drawn from the 2018 figure the review reports.
    const filed = [...page('hainan.html').querySelectorAll('tbody tr')].find((tr) => tr.querySelector('td')?.textContent === '立案');
    expect([...(filed?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim())).toEqual(['立案', '60件', '—', '12件2个单位合计较2018年：合计范围不同：综述所报总数与2个单位的合计']);
    expect(text('hainan/units/gaoyuan.html')).toContain('2个单位中第2');
  });

  it('says of a sum of units that it is one on every page that shows it', () => {
    const summedNotes = (path: string) => [...page(path).querySelectorAll('.summed')].map((e) => `${e.previousElementSibling?.textContent ?? ''} ${e.textContent}`);
    // 12件 of Hainan's 2020 review adds up the figures of the two units that reported 立案.
    for (const path of ['index.html', 'hainan/units/gaoyuan.html', 'metrics/cases-filed.html', 'compare.html']) expect(summedNotes(path), path).toContain('12件 2个单位合计');
    // The review's headline card: the figure, what it counts, and that it is a sum.
    expect(summedNotes('hainan/2020.html')).toContain('立案 2个单位合计');
    expect(text('compare/cases-filed.html')).toContain('12件（2020年，2个单位合计）');
    // A figure the review gives itself says nothing of the kind.
    expect(summedNotes('metrics/training-attendance.html')).toEqual([]);
  });

  it('metric, compare and sources pages carry their figures', () => {
    expect(text('metrics/training-attendance.html')).toMatch(/1\s*江苏\s*约7\.5万人次/u);
    expect(text('metrics/training-attendance.html')).toContain('西藏（共1个）');
    // The definition's terms and descriptions apart, as the page's template sets them (its text, and a search excerpt of it, do not run together).
    expect(text('metrics/training-attendance.html')).toContain('（培訓人次） 指标解释参训人次 类别');
    expect(text('compare/hainan/jiangsu.html')).toContain('期间不同（2020年与2021年），长度相同');
    expect(text('compare/hainan/jiangsu.html')).toContain('不可比：时点不同：2020年末与2021年末');
    expect(text('compare.html')).toContain('海南与江苏');
    expect(page('sources/hainan-2020.html').querySelector('#row-observations-sample-4')?.textContent).toContain('占全部在职党支部2824个的89%');
    expect(text('methodology.html')).toContain('海南2020年的党支部达标率，原文为89%，而2387个÷2824个为84.5%');
  });

  it('needs no JavaScript: only the compare picker and the search page have optional scripts', () => {
    for (const path of htmlFiles(out)) {
      const scripts = [...parseHTML(readFileSync(path, 'utf8')).document.querySelectorAll('script')].map((s) => s.getAttribute('src'));
      expect(scripts, path).toEqual(optionalScripts(path));
    }
  });

  it('leaves the previous site untouched when the data have errors', async () => {
    const before = treeHash(out);
    const broken = tempDir();
    cpSync(fixtureSite, broken, { recursive: true });
    const file = join(broken, 'data/observations/sample.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hainan,,2020,branches-total', 'hainann,,2020,branches-total'));
    const result = await run(process.execPath, ['scripts/run.mjs', 'build', '--lang', 'en', '--data', join(broken, 'data'), '--content', join(broken, 'content'), '--out', out], { cwd: repoRoot }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toContain("unknown province 'hainann'");
    expect(treeHash(out)).toBe(before);
  });

  it('leaves the previous site untouched when the page build itself fails', async () => {
    const before = treeHash(out);
    const unusable = { provinces: null } as unknown as DataSet;
    await expect(buildSite({ dataSet: unusable, outDir: out })).rejects.toThrow();
    expect(treeHash(out)).toBe(before);
    expect(readdirSync(join(out, '..')).filter((name) => name.startsWith('.zongshu-'))).toEqual([]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('refuses, called from code too, to put the site in place of a folder of other files, or below a file', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'report.docx'), 'mine');
    await expect(buildSite({ dataSet, outDir: folder })).rejects.toMatchObject({ zh: expect.stringContaining('不是生成的网站') });
    await expect(buildSite({ dataSet, outDir: join(folder, 'report.docx', 'site') })).rejects.toMatchObject({ zh: expect.stringContaining('是一个文件，不是文件夹') });
    expect(readdirSync(folder)).toEqual(['report.docx']);
  });
});
