import { describe, expect, it } from 'vitest';
import { excerpt, pageRecord, search, type IndexFiles } from '../../../src/lib/search/query.ts';
import { searchIndexLayout, type IndexedPage } from '../../../src/lib/search/searchIndex.ts';
import { indexFilesOf } from '../../helpers/searchIndex.ts';
import { queryParts } from '../../../src/lib/search/terms.ts';

const page = (path: string, title: string, text: string): IndexedPage => ({ path, document: { title, text } });
const paths = async (index: IndexFiles, query: string) => Promise.all((await search(query, index)).pages.map(async (p) => (await pageRecord(index, p))?.[0]));

const pages = [
  page('compare/cases-filed.html', '立案 · 比较', '各省立案件数。海南省公安厅立案7件。'),
  page('hainan.html', '海南', '海南历年数据 立案 党支部'),
  // 省公安 and 公安厅 both stand here, but never 省公安厅.
  page('notes.html', '说明', '省公安局 市公安厅'),
  page('hainan/units/gonganting.html', '省公安厅 · 海南', '省公安厅 党政机关'),
  page('jiangsu.html', '江苏', '江苏 培训 2022年 84.5%'),
];

describe('search', () => {
  it('finds the pages holding every word, title matches first, the shortest title foremost', async () => {
    const index = indexFilesOf(pages);
    expect(await paths(index, '立案')).toEqual(['compare/cases-filed.html', 'hainan.html']);
    expect(await paths(index, '海南')).toEqual(['hainan.html', 'hainan/units/gonganting.html', 'compare/cases-filed.html']);
    expect(await paths(index, '海南 党支部')).toEqual(['hainan.html']);
    expect(await paths(index, '２０２２')).toEqual(['jiangsu.html']);
    expect(await paths(index, '84.5')).toEqual(['jiangsu.html']);
  });

  it('never lists a page without a word of the query, though it holds all its threes apart', async () => {
    const index = indexFilesOf(pages);
    expect(await paths(index, '省公安厅')).toEqual(['hainan/units/gonganting.html', 'compare/cases-filed.html']);
    expect(await paths(index, '省公安厅 江苏')).toEqual([]);
    expect(await paths(index, '青海')).toEqual([]);
    expect(await paths(index, '。，')).toEqual([]);
  });

  it('orders the pages with the query in their title by their titles\' lengths, without reading their records', async () => {
    // Longer titles first in the site's order: ordered by length, the last comes first.
    const index = indexFilesOf(Array.from({ length: 120 }, (_, n) => page(`t${n}.html`, `立案${'之'.repeat(120 - n)}`, '正文')));
    expect((await search('立案', index)).pages.slice(0, 3)).toEqual([120, 119, 118]);
    expect(index.read.filter((name) => name.startsWith('p'))).toEqual([]);
  });

  it('loads only the shards of its terms', async () => {
    const index = indexFilesOf(pages);
    await search('立案', index);
    expect(index.read.filter((name) => name.startsWith('t'))).toHaveLength(1);
  });

  it('numbers pages across chunks in the order they came', async () => {
    const many = Array.from({ length: searchIndexLayout.pagesPerChunk * 2 + 3 }, (_, n) => page(`p${n}.html`, `第${n}页`, n % 2 === 0 ? '双数 立案' : '单数'));
    const index = indexFilesOf(many);
    const found = await search('立案', index);
    // Found by the index alone: no page's record is read until it is shown.
    expect(index.read.filter((name) => name.startsWith('p'))).toEqual([]);
    expect(await Promise.all(found.pages.map(async (p) => (await pageRecord(index, p))?.[0]))).toEqual(many.filter((_, n) => n % 2 === 0).map((p) => p.path));
  });
});

describe('excerpt', () => {
  it('marks the words searched, in the text as written, around the first of them', () => {
    const text = '全年共培训党员干部1800余人次，其中省公安厅立案7件，省高院立案5件。';
    const pieces = excerpt(text, queryParts('立案'), 20);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['立案', '立案']);
    // A quarter of the excerpt before the first match.
    expect(pieces.map((p) => p.text).join('')).toBe('…中省公安厅立案7件，省高院立案5件。');
    expect(excerpt(text, queryParts('培训'), 10).map((p) => p.text).join('')).toBe('…年共培训党员干部18…');
  });

  it('shows the place that holds the most words of the query', () => {
    const text = `海南${'，'.repeat(100)}海南立案7件`;
    const pieces = excerpt(text, queryParts('立案 海南'), 20);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['海南', '立案']);
  });

  it('keeps full-width forms as written while matching them folded', () => {
    const pieces = excerpt('２０２４年，立案', queryParts('2024'));
    expect(pieces).toEqual([{ text: '２０２４', match: true }, { text: '年，立案', match: false }]);
  });

  it('shows the beginning of a page found by its title alone', () => {
    expect(excerpt('党政机关', queryParts('海南'))).toEqual([{ text: '党政机关', match: false }]);
  });
});
