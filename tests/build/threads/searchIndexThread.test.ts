import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIndexFolders, startSearchIndex } from '../../../src/build/searchIndex.ts';
import { serialiseDocument } from '../../../src/lib/search/document.ts';
import { pageRecord, search } from '../../../src/lib/search/query.ts';
import { SearchIndexBuilder, searchIndexFiles, type IndexedPage, type IndexFile } from '../../../src/lib/search/searchIndex.ts';
import { readIndex } from '../../helpers/searchIndex.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();

/** Pages of both editions, more than one message of them, with terms shared across pages. */
const pages: IndexedPage[] = Array.from({ length: 450 }, (_, n) => ({
  path: `${n % 2 === 0 ? '' : 'zh-Hant/'}p${Math.floor(n / 2)}.html`,
  document: { title: `${n % 2 === 0 ? '海南' : '青海'}${2015 + (n % 10)}年 第${n}页`, text: n % 7 === 0 ? '' : `党支部${n}个，${n % 3 === 0 ? '达标率89%' : '党员发展'}` },
}));

describe('startSearchIndex', () => {
  it('writes, on its own thread, the files searchIndexFiles makes of each edition, pages numbered in the order they were added, and gives their hashes', async () => {
    const site = tempDir();
    const index = startSearchIndex();
    // A page not searched ('') is left out, as the feed hands it over.
    await index.add('search.html', '');
    for (const page of pages.slice(0, 300)) await index.add(page.path, serialiseDocument(page.document));
    // Pages added before the thread starts taking their terms and after are numbered alike.
    index.start();
    for (const page of pages.slice(300)) await index.add(page.path, serialiseDocument(page.document));
    const { written, kept } = await index.write(site);
    expect(kept.size).toBe(0);
    for (const [edition, folder] of Object.entries(searchIndexFolders)) {
      const ofEdition = pages.filter((p) => p.path.startsWith('zh-Hant/') === (edition === 'traditional'));
      const expected = searchIndexFiles(ofEdition);
      expect(readdirSync(join(site, folder)).sort()).toEqual(expected.map((f) => f.name).sort());
      for (const file of expected) {
        const path = `${folder}/${file.name}`;
        expect(readFileSync(join(site, path), 'utf8'), path).toBe(file.content);
        expect(written.get(path), path).toBe(createHash('sha256').update(file.content).digest('hex'));
      }
    }
    expect(written.size).toBe(readdirSync(join(site, searchIndexFolders.simplified)).length + readdirSync(join(site, searchIndexFolders.traditional)).length);
  });

  it('writes no file the site it replaces has with the same content, and gives it as kept; one of other content there is written', async () => {
    const made = async (site: string, previous?: Array<[string, string]>) => {
      const index = startSearchIndex();
      for (const page of pages) await index.add(page.path, serialiseDocument(page.document));
      return index.write(site, previous);
    };
    const first = await made(tempDir());
    const [same, other] = [...first.written];
    if (!same || !other) throw new Error('the index wrote fewer than two files');
    const site = tempDir();
    const previous: Array<[string, string]> = [same, [other[0], '0'.repeat(64)]];
    const { written, kept } = await made(site, previous);
    expect([...kept]).toEqual([same]);
    expect(existsSync(join(site, same[0]))).toBe(false);
    expect(written.get(other[0])).toBe(other[1]);
    expect(written.size + kept.size).toBe(first.written.size);
  });

  it('fails the write with what went wrong when the site folder cannot be written into, and stops its thread', async () => {
    const site = tempDir();
    // A file where the index's folder would be made.
    writeFileSync(join(site, 'search'), '');
    const index = startSearchIndex();
    await index.add('a.html', serialiseDocument({ title: '甲', text: '乙' }));
    await expect(index.write(site)).rejects.toThrow(/^search index: .*(EEXIST|ENOTDIR)/u);
  });

  it('can be stopped before it writes anything', async () => {
    const index = startSearchIndex();
    await index.add('a.html', serialiseDocument({ title: '甲', text: '乙' }));
    await expect(index.stop()).resolves.toBeUndefined();
  });
});

describe('SearchIndexBuilder', () => {
  const found = async (files: IndexFile[], query: string) => {
    const index = readIndex(files);
    return Promise.all((await search(query, index)).pages.map(async (p) => (await pageRecord(index, p))?.[0]));
  };

  it('numbers pages in the order they are added, and a cut of its files leaves it to take more pages', async () => {
    const builder = new SearchIndexBuilder();
    builder.add({ path: 'a.html', document: { title: '海南', text: '党支部2387个' } });
    builder.add({ path: 'b.html', document: { title: '青海', text: '党支部60个' } });
    const first = builder.files();
    builder.add({ path: 'c.html', document: { title: '海南 单位', text: '党员发展' } });
    const second = builder.files();
    expect(await found(first, '海南')).toEqual(['a.html']);
    expect(await found(first, '党员')).toEqual([]);
    // Title matches first, the shorter title foremost; c.html is page 3.
    expect(await found(second, '海南')).toEqual(['a.html', 'c.html']);
    expect(await found(second, '党员')).toEqual(['c.html']);
    expect(await found(second, '党支部')).toEqual(['a.html', 'b.html']);
    expect(second).toEqual(searchIndexFiles(pagesOf(['a.html', '海南', '党支部2387个'], ['b.html', '青海', '党支部60个'], ['c.html', '海南 单位', '党员发展'])));
  });
});

const pagesOf = (...rows: Array<[string, string, string]>): IndexedPage[] => rows.map(([path, title, text]) => ({ path, document: { title, text } }));
