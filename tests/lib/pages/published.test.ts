import { afterEach, describe, expect, it } from 'vitest';
import { installPagePublisher, published, type PublishedPage } from '../../../src/lib/pages/published.ts';
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
});
