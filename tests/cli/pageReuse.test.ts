import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReuse } from '../../src/cli/pageReuse.ts';
import type { PublishedPage } from '../../src/lib/pages/published.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();
const table = { id: 'hainan/2020', title: 't', columns: ['a'], rows: [['1']] };

function reuse(written: PublishedPage[], dir = tempDir()) {
  return pageReuse({ cacheDir: join(dir, 'cache'), previousSite: join(dir, 'old'), siteDir: join(dir, 'new'), frame: { notice: '' }, writeTables: (p) => written.push(p) });
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
    const page: PublishedPage = { table, charts: [], data: { path: 'hainan/2020.html' } };
    const first = reuse([], dir);
    first.publish(page);
    first.save();
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

  it('refuses page data it cannot hash faithfully: a Map would hash as {} and hide a change', () => {
    const pages = reuse([]);
    expect(() => pages.publish({ table, charts: [], data: { figures: new Map([['a', 1]]) } })).toThrow("page data must be plain to be hashed: 'figures' is not");
  });
});
