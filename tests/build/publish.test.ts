/**
 * The built site as an archival object: two builds are byte-identical, the
 * Traditional edition mirrors every page, every table comes as CSV and JSON,
 * and the data package is valid Frictionless data.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { writeDataPackage } from '../../src/build/publish.ts';
import { writeSyntheticDataSet } from '../../src/cli/synth.ts';
import { provinceResourceName } from '../../src/lib/openData/dataPackage.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { toSimplified } from '../../src/lib/script.ts';
import { fileHashes } from '../helpers/fileHashes.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { htmlFiles } from '../helpers/linkCheck.ts';
import { fixtureSite } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { readDataPackage } from '../lib/openData/frictionless.ts';

const tempDir = useTempDir('all');
let first = '';
let second = '';

const pick = (all: Record<string, number>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, all[name]]));
const html = (path: string) => parseHTML(readFileSync(join(first, path), 'utf8')).document;

beforeAll(async () => {
  const dataSet = await fixtureDataSet();
  const options = { dataSet, dataDir: join(fixtureSite, 'data'), contentDir: join(fixtureSite, 'content') };
  first = join(tempDir(), 'one');
  second = join(tempDir(), 'two');
  await buildSite({ ...options, outDir: first });
  await buildSite({ ...options, outDir: second });
});

describe('publishing', () => {
  it('builds byte-identical output twice, search index included', () => {
    const a = fileHashes(first);
    const b = fileHashes(second);
    expect([...a.keys()]).toEqual([...b.keys()]);
    const differing = [...a].filter(([path, hash]) => b.get(path) !== hash).map(([path]) => path);
    expect(differing).toEqual([]);
    expect([...a.keys()].filter((p) => p.startsWith('search/zh-CN/') || p.startsWith('search/zh-Hant/')).length).toBeGreaterThan(2 * 128);
    expect(a.has('search.js')).toBe(true);
  });

  it('mirrors every page in Traditional script under zh-Hant/, each page linked to its other edition', () => {
    const simplified = htmlFiles(first).map((f) => relative(first, f)).filter((p) => !p.startsWith('zh-Hant/'));
    for (const path of simplified) {
      const own = html(path);
      const other = html(`zh-Hant/${path}`);
      expect(own.documentElement.getAttribute('lang'), path).toBe('zh-CN');
      expect(other.documentElement.getAttribute('lang'), path).toBe('zh-Hant');
      const depth = path.split('/').length - 1;
      expect(own.querySelector('[data-script-switch]')?.getAttribute('href'), path).toBe(`${depth === 0 ? './' : '../'.repeat(depth)}zh-Hant/${path}`);
      expect(other.querySelector('[data-script-switch]')?.getAttribute('href'), path).toBe(`${'../'.repeat(depth + 1)}${path}`);
      expect(other.querySelector('[data-script-switch]')?.textContent).toBe('简体');
      // Both editions of a page are searched, each in its own edition's index, and named by the page's title in its script.
      if (own.querySelector('[data-search-body]')) {
        expect(other.querySelector('[data-search-body]'), path).not.toBeNull();
        expect(toSimplified(other.querySelector('[data-search-title]')?.textContent ?? ''), path).toBe(toSimplified(own.querySelector('[data-search-title]')?.textContent ?? ''));
      }
    }
    expect(html('zh-Hant/jiangsu.html').querySelector('h1')?.textContent).toBe('江蘇');
    expect(html('zh-Hant/hainan/2020.html').body.textContent).toContain('黨支部達標率');
    expect(html('zh-Hant/hainan/2020.html').body.textContent).toContain('計算為84.5%');
  });

  it('keeps every quote verbatim in the Traditional edition, and writes the rest in the forms its readers expect', () => {
    // OpenCC's mis-conversions in this field, and forms few Traditional readers use.
    const wrong = ['爲', '覈', '錶彰', '瞭解'];
    let quotes = 0;
    for (const file of htmlFiles(first).filter((f) => !f.includes('/zh-Hant/'))) {
      const path = file.slice(first.length + 1);
      const simplified = parseHTML(readFileSync(file, 'utf8')).document;
      const traditional = parseHTML(readFileSync(join(first, 'zh-Hant', path), 'utf8')).document;
      const quoted = (d: Document) => [...d.querySelectorAll('[data-verbatim]')].map((q) => q.textContent);
      expect(quoted(traditional), path).toEqual(quoted(simplified));
      quotes += quoted(simplified).length;
      for (const q of traditional.querySelectorAll('[data-verbatim]')) q.remove();
      const rest = traditional.body.textContent ?? '';
      for (const form of wrong) expect(rest.includes(form), `${form} in zh-Hant/${path}`).toBe(false);
    }
    expect(quotes).toBeGreaterThan(10);
  });

  it('offers the table behind every page and every chart as CSV (with BOM) and JSON, and every chart as SVG', () => {
    for (const file of htmlFiles(first)) {
      const document = parseHTML(readFileSync(file, 'utf8')).document;
      const links = [...document.querySelectorAll('a[download]')].map((a) => a.getAttribute('href') ?? '');
      const charts = document.querySelectorAll('figure.chart').length;
      const own = document.querySelector('.downloads') ? 2 : 0;
      expect(links.length, file).toBe(charts * 3 + own);
      for (const link of links) {
        const content = readFileSync(join(file, '..', link), 'utf8');
        if (link.endsWith('.csv')) expect(content.startsWith('\uFEFF'), link).toBe(true);
        else if (link.endsWith('.svg')) expect(content, link).toMatch(/^<\?xml [^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\n$/u);
        else expect((JSON.parse(content) as { rows: unknown[] }).rows.length, link).toBeGreaterThan(0);
      }
    }
    expect(html('hainan/2020.html').querySelector('.downloads a')?.getAttribute('href')).toBe('../data/pages/hainan/2020.csv');
    const table = JSON.parse(readFileSync(join(first, 'data/pages/hainan/2020.json'), 'utf8')) as { columns: string[]; rows: string[][] };
    const [metric, value] = [table.columns.indexOf('指标'), table.columns.indexOf('数值')];
    expect(table.rows.find((r) => r[metric] === '党支部达标率')?.[value]).toBe('89%');
  });

  it('publishes the whole data set as a Frictionless Data Package the reference library reads without an error', async () => {
    const folder = join(first, 'data/package');
    const reading = await readDataPackage(folder);
    // Every row of every resource, cast to its type with its constraints, primary key and foreign keys checked.
    expect(reading.errors).toEqual([]);
    const descriptor = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as { licenses: Array<{ name: string }>; resources: Array<{ name: string; path: unknown }> };
    // Observations and figures are one resource per province, each one file, in the order of the provinces.
    const provinces = readFileSync(join(folder, 'provinces.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0] ?? '');
    for (const table of ['observations', 'figures']) {
      for (const province of provinces) expect(reading.paths[provinceResourceName(table, province)]).toBe(`${table}/${province}.csv`);
    }
    expect(descriptor.resources.every((r) => typeof r.path === 'string')).toBe(true);
    const total = (table: string) => provinces.reduce((sum, p) => sum + (reading.rows[provinceResourceName(table, p)] ?? 0), 0);
    expect({ ...pick(reading.rows, ['provinces', 'units', 'metrics', 'sources']), observations: total('observations'), figures: total('figures') }).toEqual({ provinces: 3, units: 2, metrics: 8, sources: 4, observations: 14, figures: 15 });
    // The fixture has no unit returns (data/tables/), so no province has a file of them.
    expect(descriptor.resources.filter((r) => r.name.startsWith('unit-returns-'))).toEqual([]);
    expect(descriptor.licenses[0]?.name).toBe('CC-BY-4.0');
    expect(readFileSync(join(first, 'data/package/README.md'), 'utf8')).toContain('Licence: the compilation is published under CC BY 4.0');
  });
});

describe('publishing the unit returns of a data set', () => {
  it("streams each province's unit returns to data/package/unit-returns/, one row per table line, read by the reference library without an error", async () => {
    const dir = tempDir();
    await writeSyntheticDataSet(dir, { provinces: 2, years: 2, units: 4, lastYear: 2024, seed: 3 });
    const { dataSet } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    const site = join(dir, 'site');
    await writeDataPackage(site, dataSet);
    const reading = await readDataPackage(join(site, 'data/package'));
    expect(reading.errors).toEqual([]);
    for (const { id } of dataSet.provinces) {
      const lines = new Set(dataSet.observations.filter((o) => o.province === id && o.at.dataFile.startsWith('tables/')).map((o) => `${o.at.dataFile}:${o.at.line}`));
      expect(lines.size, id).toBeGreaterThan(0);
      expect(reading.rows[provinceResourceName('unit-returns', id)], id).toBe(lines.size);
      expect(reading.paths[provinceResourceName('unit-returns', id)], id).toBe(`unit-returns/${id}.csv`);
    }
  });
});
