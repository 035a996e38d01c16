import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReuse } from '../../src/cli/pageReuse.ts';
import type { PublishedPage } from '../../src/lib/pages/published.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();
const table = { id: 'hainan/2020', title: 't', columns: ['a'], rows: [['1']] };

function reuse(written: PublishedPage[]) {
  const dir = tempDir();
  return pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'old'), siteDir: join(dir, 'new'), frame: { notice: '' }, writeTables: (p) => written.push(p) });
}

describe('pageReuse', () => {
  it('writes the tables of a page it has no previous build of, and offers no HTML for it', () => {
    const written: PublishedPage[] = [];
    const pages = reuse(written);
    pages.publish({ table, charts: [], data: { path: 'hainan/2020.html' } });
    expect(written).toHaveLength(1);
    expect(pages.html('hainan/2020.html')).toBeUndefined();
    expect(pages.reused()).toBe(0);
  });

  it('refuses page data it cannot hash faithfully: a Map would hash as {} and hide a change', () => {
    const pages = reuse([]);
    expect(() => pages.publish({ table, charts: [], data: { figures: new Map([['a', 1]]) } })).toThrow("page data must be plain to be hashed: 'figures' is not");
  });
});
