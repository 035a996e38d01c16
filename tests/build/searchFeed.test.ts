import { describe, expect, it } from 'vitest';
import { searchFeed } from '../../src/build/searchFeed.ts';

const texts = (name: string) => ({ simplified: `${name} 简`, traditional: `${name} 繁` });

function recorder() {
  const added: string[] = [];
  return { added, add: async (path: string, searchable: string) => void added.push(`${path}|${searchable}`) };
}

describe('searchFeed', () => {
  it('adds pages in the given order, whatever order their texts come in', async () => {
    const { added, add } = recorder();
    const feed = searchFeed(add, ['b.html', 'a.html', 'c.html']);
    feed.provide('c.html', texts('c'));
    feed.provide('a.html', texts('a'));
    expect(added).toEqual([]);
    feed.provide('b.html', texts('b'));
    await feed.finish();
    expect(added).toEqual(['b.html|b 简', 'zh-Hant/b.html|b 繁', 'a.html|a 简', 'zh-Hant/a.html|a 繁', 'c.html|c 简', 'zh-Hant/c.html|c 繁']);
  });

  it('hands a page on as soon as those before it have come', async () => {
    const { added, add } = recorder();
    const feed = searchFeed(add, ['a.html', 'b.html']);
    feed.provide('a.html', texts('a'));
    await Promise.resolve();
    await Promise.resolve();
    expect(added[0]).toBe('a.html|a 简');
    feed.provide('b.html', texts('b'));
    await feed.finish();
  });

  it('adds pages outside the order after the others, in path order', async () => {
    const { added, add } = recorder();
    const feed = searchFeed(add, ['a.html']);
    feed.provide('z.html', texts('z'));
    feed.provide('y.html', texts('y'));
    feed.provide('a.html', texts('a'));
    await feed.finish();
    expect(added.map((line) => line.split('|')[0])).toEqual(['a.html', 'zh-Hant/a.html', 'y.html', 'zh-Hant/y.html', 'z.html', 'zh-Hant/z.html']);
    expect(feed.has('z.html')).toBe(true);
    expect(feed.has('x.html')).toBe(false);
  });

  it('fails, naming the page, when a page of the order never gets its texts', async () => {
    const feed = searchFeed(recorder().add, ['a.html', 'b.html']);
    feed.provide('b.html', texts('b'));
    await expect(feed.finish()).rejects.toThrow('no text for a.html');
  });

  it('refuses the texts of one page given twice', () => {
    const feed = searchFeed(recorder().add, []);
    feed.provide('a.html', texts('a'));
    expect(() => feed.provide('a.html', texts('a'))).toThrow('a.html was given twice');
  });
});
