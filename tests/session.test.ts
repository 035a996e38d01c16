import { afterEach, describe, expect, it } from 'vitest';
import type { PageScope, PublishedPage } from '../src/lib/pages/published.ts';
import type { PageTable } from '../src/lib/pages/pageTables.ts';
import type { SiteIndex } from '../src/lib/pages/site.ts';
import { currentSession, installSession, published, publishedWithin, stillToMake, type Session } from '../src/session.ts';

const table = (page: { path: string }): PageTable => ({ id: page.path, title: 't', columns: ['a'], rows: [['1']] });

/** A session that records what pages hand it, and knows Hainan's pages unchanged. */
function recording() {
  const seen: PublishedPage[] = [];
  const asked: Array<[string, PageScope]> = [];
  const session: Session = {
    site: {} as SiteIndex,
    publish: (page) => void seen.push(page),
    unchanged: (path, scope) => (asked.push([path, scope]), 'province' in scope && scope.province === 'hainan'),
    carried: () => false,
    chart: () => '<svg></svg>',
    pageRendered() {},
  };
  return { session, seen, asked };
}

afterEach(() => installSession(undefined));

describe('the session pages read', () => {
  it('is the one installed, and says so when none is', async () => {
    await expect(currentSession()).rejects.toThrow('no session');
    const { session } = recording();
    installSession(session);
    expect(await currentSession()).toBe(session);
    installSession(Promise.resolve(session));
    expect(await currentSession()).toBe(session);
  });

  it('hands the page table and charts to the session and returns the page unchanged', () => {
    const { session, seen } = recording();
    const page = { path: 'hainan/2020', charts: [] };
    expect(published(session, page, table, (p) => p.charts)).toBe(page);
    expect(seen).toEqual([{ table: table(page), charts: [], data: page }]);
  });

  it('makes no page data when the build knows the part of the data set a page reads unchanged', () => {
    const { session, seen, asked } = recording();
    let made = 0;
    const make = (path: string) => () => (made++, { path, charts: [] });
    expect(publishedWithin(session, 'hainan/units/a.html', { province: 'hainan' }, make('hainan/units/a'), table)).toBeUndefined();
    expect(made).toBe(0);
    expect(publishedWithin(session, 'jiangsu/units/b.html', { province: 'jiangsu' }, make('jiangsu/units/b'), table)).toEqual({ path: 'jiangsu/units/b', charts: [] });
    expect(made).toBe(1);
    expect(seen.map((p) => p.table.id)).toEqual(['jiangsu/units/b']);
    expect(asked).toEqual([['hainan/units/a.html', { province: 'hainan' }], ['jiangsu/units/b.html', { province: 'jiangsu' }]]);
  });

  it('leaves the pages the build knows unchanged out of a route', () => {
    const { session, asked } = recording();
    const units = [
      { province: 'hainan', id: 'a' },
      { province: 'jiangsu', id: 'b' },
    ];
    const pageOf = (u: (typeof units)[number]) => ({ path: `${u.province}/units/${u.id}.html`, scope: { province: u.province } });
    expect(stillToMake(session, units, pageOf)).toEqual([units[1]]);
    expect(asked.map(([path]) => path)).toEqual(['hainan/units/a.html', 'jiangsu/units/b.html']);
  });
});
