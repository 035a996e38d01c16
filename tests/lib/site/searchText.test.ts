import { describe, expect, it } from 'vitest';
import { searchableHtml } from '../../../src/lib/site/searchText.ts';

describe('searchableHtml', () => {
  const page = [
    '<html lang="zh-CN"><head><title>海南 2020</title><style>p{}</style></head><body>',
    '<main data-search-body><h1>海南省直机关</h1><p>共有2387个党支部达标。</p>',
    '<figure class="chart" id="c1"><svg><text>党支部达标率</text></svg><details><table><tr><td>图表数据</td></tr></table></details></figure>',
    '<div class="table-wrap"><table><tr><td>表格数据</td></tr></table></div>',
    '<script>var x = 1;</script><p>结语</p></main></body></html>',
  ].join('');

  it('keeps the title, headings and prose a reader searches for', () => {
    const kept = searchableHtml(page);
    for (const text of ['<title>海南 2020</title>', '<h1>海南省直机关</h1>', '共有2387个党支部达标。', '<p>结语</p>', 'data-search-body']) expect(kept).toContain(text);
  });

  it('drops charts, data tables, scripts and styles', () => {
    const kept = searchableHtml(page);
    for (const text of ['图表数据', '表格数据', '<svg', 'var x', 'p{}']) expect(kept).not.toContain(text);
  });

  it('drops the pointer to the other units of a province, which every unit page of it repeats', () => {
    const unitPage = '<main data-search-body><h1>省公安厅</h1><p class="siblings" data-search-ignore>同省其他1个单位：见<a href="../../hainan.html#units">海南的单位列表</a></p><p>注</p></main>';
    expect(searchableHtml(unitPage)).toBe('<main data-search-body><h1>省公安厅</h1><p>注</p></main>');
  });

  it('drops each span up to the first closing after it, and keeps an opening that is never closed', () => {
    // What the lazy regular expressions did before: `<table[\s\S]*?<\/table>`, applied kind after kind.
    const kept = searchableHtml('<p>甲</p><table>一</table><p>乙</p><table><tr><td>二</td></tr></table><svg>三</svg><p>丙</p><table>未完');
    expect(kept).toBe('<p>甲</p><p>乙</p><p>丙</p><table>未完');
  });
});
