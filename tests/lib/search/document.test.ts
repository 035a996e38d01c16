import { describe, expect, it } from 'vitest';
import { parseDocument, searchDocument, searchText, serialiseDocument } from '../../../src/lib/search/document.ts';

const page = (main: string) => `<html lang="zh-CN"><head><title>站名</title></head><body><header><nav>首页 指标</nav></header><main data-search-body>${main}</main><footer>许可</footer></body></html>`;

describe('searchDocument', () => {
  it('takes the title and the text of the searchable part, words of separate blocks kept apart', () => {
    const document = searchDocument(page('<span data-search-title hidden>省公安厅 · 海南</span><h1>省公安厅</h1><p>党政机关 · 又称<a href="x">海南公安</a></p><p>注&amp;说明</p>'));
    expect(document).toEqual({ title: '省公安厅 · 海南', text: '省公安厅 党政机关 · 又称海南公安 注&说明' });
  });

  it('leaves out what is marked ignored, charts, tables and scripts, and the parts outside the searchable one', () => {
    const document = searchDocument(
      page('<h1>海南</h1><p data-search-ignore>同省其他<b>3</b>个单位</p><section data-search-ignore><div><p>原文表</p></div></section><figure class="chart"><svg><text>图</text></svg></figure><table><tr><td>表</td></tr></table><script>var a</script><p>结语</p>'),
    );
    expect(document?.text).toBe('海南 结语');
  });

  it('searches no page without a searchable part', () => {
    expect(searchDocument('<html><body><main><h1>搜索</h1></main></body></html>')).toBeUndefined();
    expect(searchText('<html><body><main><h1>搜索</h1></main></body></html>')).toBe('');
  });

  it('travels as one line and comes back the same', () => {
    const document = { title: '2020年海南 综述', text: '达标党支部2387个 培训1800余人次' };
    expect(parseDocument(serialiseDocument(document))).toEqual(document);
    expect(parseDocument('')).toBeUndefined();
  });
});
