import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageReuse } from '../../src/cli/pageReuse.ts';
import type { PublishedPage } from '../../src/lib/pages/published.ts';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();
const table = { id: 'hainan/2020', title: 't', columns: ['a'], rows: [['1']] };

let dataSet: DataSet;
beforeAll(async () => {
  dataSet = await fixtureDataSet();
});

function reuse(written: PublishedPage[], dir = tempDir()) {
  return pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'old'), siteDir: join(dir, 'new'), dataSet, writeTables: (p) => written.push(p) });
}

/** A build that published the review page of hainan 2020 and kept its hash in dir/cache. */
function builtOnce(dir: string): PublishedPage {
  const page: PublishedPage = { table, charts: [], data: { path: 'hainan/2020.html' } };
  const first = reuse([], dir);
  first.publish(page);
  first.save();
  return page;
}

describe('pageReuse', () => {
  it('writes the tables of a page it has no previous build of, and renders it', () => {
    const written: PublishedPage[] = [];
    const pages = reuse(written);
    pages.publish({ table, charts: [], data: { path: 'hainan/2020.html' } });
    expect(written).toHaveLength(1);
    expect(pages.unchanged('hainan/2020.html')).toBe(false);
    expect(pages.reused()).toBe(0);
  });

  it('links the previous HTML of an unchanged page over its empty render', () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    for (const file of ['hainan/2020.html', 'data/pages/hainan/2020.csv', 'data/pages/hainan/2020.json']) {
      mkdirSync(dirname(join(dir, 'old', file)), { recursive: true });
      writeFileSync(join(dir, 'old', file), `previous ${file}`);
    }
    const written: PublishedPage[] = [];
    const second = reuse(written, dir);
    second.publish(page);
    expect(written).toHaveLength(0);
    expect(second.unchanged('hainan/2020.html')).toBe(true);
    mkdirSync(join(dir, 'new/hainan'), { recursive: true });
    writeFileSync(join(dir, 'new/hainan/2020.html'), '');
    second.carryOverPages();
    expect(readFileSync(join(dir, 'new/hainan/2020.html'), 'utf8')).toBe('previous hainan/2020.html');
    expect(second.reused()).toBe(1);
  });

  it('knows a page that reads one province unchanged without its data, and carries over its tables', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const files = ['data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json'];
    const first = reuse([], dir);
    expect(first.unchangedScope(path, { province: 'hainan' })).toBe(false);
    first.publish({ table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { path } });
    first.save();
    for (const file of [path, ...files]) {
      mkdirSync(dirname(join(dir, 'old', file)), { recursive: true });
      writeFileSync(join(dir, 'old', file), `previous ${file}`);
    }
    const second = reuse([], dir);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(true);
    expect(second.unchanged(path)).toBe(true);
    expect(readFileSync(join(dir, 'new', files[0] as string), 'utf8')).toBe(`previous ${files[0]}`);
    expect(second.unchangedScope('hainan/units/other.html', { province: 'hainan' })).toBe(false);
  });

  it('keys a page that reads one province by what it reads, without hashing its data, and keeps its search texts under that', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const texts = { simplified: '高原', traditional: '高原' };
    // Data the hash refuses (a Map) shows it is not hashed.
    const page = (): PublishedPage => ({ table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { figures: new Map([['a', 1]]) } });
    const written: PublishedPage[] = [];
    const first = reuse(written, dir);
    expect(first.unchangedScope(path, { province: 'hainan' })).toBe(false);
    first.publish(page());
    expect(written).toHaveLength(1);
    first.keepSearchTexts(path, texts);
    first.save();
    for (const file of [path, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json']) {
      mkdirSync(dirname(join(dir, 'old', file)), { recursive: true });
      writeFileSync(join(dir, 'old', file), `previous ${file}`);
    }
    const second = reuse([], dir);
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(true);
    expect(second.searchTexts(path)).toEqual(texts);
  });

  it('renders a page that reads one province again when that province changed, even if its data came out the same', () => {
    const dir = tempDir();
    const path = 'hainan/units/gaoyuan.html';
    const page: PublishedPage = { table: { ...table, id: 'hainan/units/gaoyuan' }, charts: [], data: { path } };
    const first = reuse([], dir);
    first.unchangedScope(path, { province: 'hainan' });
    first.publish(page);
    first.save();
    for (const file of [path, 'data/pages/hainan/units/gaoyuan.csv', 'data/pages/hainan/units/gaoyuan.json']) {
      mkdirSync(dirname(join(dir, 'old', file)), { recursive: true });
      writeFileSync(join(dir, 'old', file), `previous ${file}`);
    }
    const observations = dataSet.observations.map((o) => (o.province === 'hainan' && o.note === '' ? { ...o, note: 'changed' } : o));
    expect(observations).not.toEqual(dataSet.observations);
    const written: PublishedPage[] = [];
    const second = pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'old'), siteDir: join(dir, 'new'), dataSet: { ...dataSet, observations }, writeTables: (p) => written.push(p) });
    expect(second.unchangedScope(path, { province: 'hainan' })).toBe(false);
    second.publish(page);
    expect(written).toHaveLength(1);
    expect(second.unchanged(path)).toBe(false);
  });

  it('builds a page in full when the kept manifest is not whole JSON', () => {
    const dir = tempDir();
    const page = builtOnce(dir);
    mkdirSync(join(dir, 'old'), { recursive: true });
    for (const name of readdirSync(join(dir, 'cache'))) if (name.endsWith('.json')) writeFileSync(join(dir, 'cache', name), '{"hainan/2020.html": {"data": "x"');
    const written: PublishedPage[] = [];
    const second = reuse(written, dir);
    second.publish(page);
    expect(written).toHaveLength(1);
    expect(second.unchanged('hainan/2020.html')).toBe(false);
  });

  it('refuses page data it cannot hash faithfully: a Map would hash as {} and hide a change', () => {
    const pages = reuse([]);
    expect(() => pages.publish({ table, charts: [], data: { figures: new Map([['a', 1]]) } })).toThrow("page data must be plain to be hashed: 'figures' is not");
  });
});
