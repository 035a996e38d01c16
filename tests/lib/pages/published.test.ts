import { afterEach, describe, expect, it } from 'vitest';
import { installPagePublisher, published, publishedWithin, stillToMake, type PageScope, type PublishedPage } from '../../../src/lib/pages/published.ts';
import type { PageTable } from '../../../src/lib/pages/pageTables.ts';

const table = (page: { path: string }): PageTable => ({ id: page.path, title: 't', columns: ['a'], rows: [['1']] });

describe('published', () => {
  afterEach(() => installPagePublisher(undefined));

  it('hands the page table and charts to the installed publisher and returns the page unchanged', () => {
    const seen: PublishedPage[] = [];
    installPagePublisher((p) => seen.push(p));
    const page = { path: 'hainan/2020', charts: [] };
    expect(published(page, table, (p) => p.charts)).toBe(page);
    expect(seen).toEqual([{ table: table(page), charts: [], data: page }]);
  });

  it('does not even build the table without a publisher (dev server, tests)', () => {
    let made = 0;
    const page = { path: 'x' };
    expect(published(page, (p) => (made++, table(p)))).toBe(page);
    expect(made).toBe(0);
  });

  it('makes no page data when the build knows the part of the data set a page reads unchanged', () => {
    const seen: PublishedPage[] = [];
    const asked: Array<[string, PageScope]> = [];
    installPagePublisher((p) => seen.push(p), (path, scope) => (asked.push([path, scope]), 'province' in scope && scope.province === 'hainan'));
    let made = 0;
    const make = (path: string) => () => (made++, { path, charts: [] });
    expect(publishedWithin('hainan/units/a.html', { province: 'hainan' }, make('hainan/units/a'), table)).toBeUndefined();
    expect(made).toBe(0);
    expect(publishedWithin('jiangsu/units/b.html', { province: 'jiangsu' }, make('jiangsu/units/b'), table)).toEqual({ path: 'jiangsu/units/b', charts: [] });
    expect(made).toBe(1);
    expect(seen.map((p) => p.table.id)).toEqual(['jiangsu/units/b']);
    expect(asked).toEqual([['hainan/units/a.html', { province: 'hainan' }], ['jiangsu/units/b.html', { province: 'jiangsu' }]]);
  });

  it('leaves the pages the build knows unchanged out of a route, and keeps them all outside a build', () => {
    const units = [
      { province: 'hainan', id: 'a' },
      { province: 'jiangsu', id: 'b' },
    ];
    const pageOf = (u: (typeof units)[number]) => ({ path: `${u.province}/units/${u.id}.html`, scope: { province: u.province } });
    expect(stillToMake(units, pageOf)).toEqual(units);
    const asked: string[] = [];
    installPagePublisher(() => undefined, (path, scope) => (asked.push(path), 'province' in scope && scope.province === 'hainan'));
    expect(stillToMake(units, pageOf)).toEqual([units[1]]);
    expect(asked).toEqual(['hainan/units/a.html', 'jiangsu/units/b.html']);
  });
});
