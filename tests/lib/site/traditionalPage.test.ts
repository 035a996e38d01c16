import { describe, expect, it } from 'vitest';
import { toTraditionalOutsideQuotes, traditionalPage } from '../../../src/lib/site/traditionalPage.ts';

describe('the Traditional edition of a page', () => {
  it('converts the text and leaves every quote marked verbatim in its own script', () => {
    const html = '<p>党支部数</p><td><q data-verbatim>党支部达标率为89%</q></td><p>发展党员</p><q class="x" data-verbatim>学习活动</q>';
    expect(toTraditionalOutsideQuotes(html)).toBe('<p>黨支部數</p><td><q data-verbatim>党支部达标率为89%</q></td><p>發展黨員</p><q class="x" data-verbatim>学习活动</q>');
  });

  it('converts a page with no quote whole, its ASCII markup as it is', () => {
    expect(toTraditionalOutsideQuotes('<h1 class="title">单位报表</h1><a href="../metrics/members-developed.html">发展党员</a>')).toBe('<h1 class="title">單位報表</h1><a href="../metrics/members-developed.html">發展黨員</a>');
  });

  it('sets the language and leads the script switch back to the Simplified page', () => {
    const page = traditionalPage('<html lang="zh-CN"><a href="zh-Hant/hainan/2020.html" data-script-switch>繁體</a><p>综述</p></html>', 'hainan/2020.html');
    expect(page).toContain('<html lang="zh-Hant">');
    expect(page).toContain('<a href="../../hainan/2020.html" lang="zh-Hans" hreflang="zh-Hans" class="script-switch" data-script-switch>简体</a>');
    expect(page).toContain('<p>綜述</p>');
  });

  it('points every link to a shared file one folder up, wherever it stands, and leaves other links as they are', () => {
    const html =
      '<html lang="zh-CN"><head><link rel="stylesheet" href="../site.css" data-root="site.css"></head>' +
      '<a href="../zh-Hant/hainan/2020.html" data-script-switch>繁體</a>' +
      '<a href="../hainan.html">海南</a><img src="../data/charts/a.svg" alt="图" data-root="data/charts/a.svg">' +
      '<a class="x" href="../data/pages/hainan/2020.csv" download data-root="data/pages/hainan/2020.csv">下载</a></html>';
    expect(traditionalPage(html, 'hainan/2020.html')).toBe(
      '<html lang="zh-Hant"><head><link rel="stylesheet" href="../../site.css" data-root="site.css"></head>' +
        '<a href="../../hainan/2020.html" lang="zh-Hans" hreflang="zh-Hans" class="script-switch" data-script-switch>简体</a>' +
        '<a href="../hainan.html">海南</a><img src="../../data/charts/a.svg" alt="圖" data-root="data/charts/a.svg">' +
        '<a class="x" href="../../data/pages/hainan/2020.csv" download data-root="data/pages/hainan/2020.csv">下載</a></html>',
    );
  });

  it('makes edits that overlap one after another, as the page reads after each', () => {
    // The switch itself links to a shared file: its replacement has no such link left to point up.
    const html = '<html lang="zh-CN"><a href="../zh-Hant/index.html" data-root="zh-Hant/index.html" data-script-switch>繁體</a></html>';
    expect(traditionalPage(html, 'hainan/2020.html')).toBe('<html lang="zh-Hant"><a href="../../hainan/2020.html" lang="zh-Hans" hreflang="zh-Hans" class="script-switch" data-script-switch>简体</a></html>');
  });
});
