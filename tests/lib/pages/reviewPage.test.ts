import { describe, expect, it } from 'vitest';
import { reviewBeyondProvince } from '../../../src/lib/pages/reviewPage.ts';
import { siteIndex } from '../../../src/lib/pages/site.ts';
import { sitePaths } from '../../../src/lib/site/paths.ts';
import { fixtureDataSet, fixturePages } from '../../helpers/fixtureSite.ts';

const site = await fixturePages();
const review = (path: string) => {
  const page = site.reviews.find((r) => r.path === path);
  if (!page) throw new Error(`no review ${path}`);
  return page;
};

describe('reviewPageData', () => {
  const page = review('hainan/2020.html');

  it('titles the review from its narrative and renders the narrative', () => {
    expect(page.title).toBe('海南示例综述');
    expect(page.narrativeHtml).toContain('达标党支部2387个，达标率89%，培训1800余人次。');
  });

  it('fills the six headline cards, saying 未报告 where the review has nothing', () => {
    expect(page.cards.map((c) => [c.area, c.primary?.display ?? c.notReported])).toEqual([
      ['支部建设', '89%'],
      ['教育培训', '1800余人次'],
      ['监督执纪', '12件'],
      ['表彰荣誉', '未报告'],
      ['党员发展', '未报告'],
      ['经费', '527.8万余元'],
    ]);
    expect(page.cards[0]?.secondary.map((s) => s.display)).toEqual(['2824个']);
    // The stated rate comes first, linked to its own row, with the computed one beside it.
    expect(page.cards[0]?.primary?.href).toBe('../sources/hainan-2020.html#row-observations-sample-4');
    expect(page.cards[0]?.primary?.computed).toBe('按2387个/2824个计算为84.5%');
  });

  it('has at least three charts, each with its table and CSV link', () => {
    // No chart of figures that merely share a measure word; the pipeline holds the family's steps only (件).
    expect(page.charts.map((c) => c.kind)).toEqual(['rateBars', 'casePipeline', 'coverageMatrix']);
    expect(page.charts.find((c) => c.kind === 'casePipeline')?.table.rows).toEqual([['信访举报和问题线索', '821件', '件'], ['立案', '12件', '件']]);
    for (const chart of page.charts) {
      expect(chart.table.rows.length).toBeGreaterThan(0);
      expect(chart.csvHref).toBe(`../data/charts/${chart.id}.csv`);
    }
    const rates = page.charts.find((c) => c.kind === 'rateBars');
    expect(rates?.table.rows).toEqual([['党支部达标率', '89%', '84.5%']]);
  });

  it('lists every figure with its basis, quotes and links, and its units', () => {
    const rows = page.groups.flatMap((g) => g.rows);
    const cases = rows.find((r) => r.metricId === 'cases-filed');
    expect(cases).toMatchObject({ display: '12件', basis: '各单位合计', unitsSummed: 2 });
    expect(cases?.citations.map((c) => c.quote)).toEqual(['省高院立案5件', '省公安厅立案7件']);
    const rate = rows.find((r) => r.metricId === 'branch-compliance-rate');
    expect(rate).toMatchObject({ display: '89%', basis: '原文数字' });
    expect(rate?.computed).toEqual({ display: '84.5%', gap: '高4.5个百分点', agrees: false, parts: '2387个/2824个' });
    expect(page.units.map((u) => [u.name, u.href])).toEqual([
      ['省高级人民法院', './units/gaoyuan.html'],
      ['省公安厅', './units/gonganting.html'],
    ]);
    expect(page.sources[0]).toMatchObject({ title: '海南示例综述', href: '../sources/hainan-2020.html' });
  });

  it('builds a page for a review without narrative too', () => {
    const jiangsu = review('jiangsu/2021.html');
    expect(jiangsu.narrativeHtml).toBeUndefined();
    expect(jiangsu.title).toBe('江苏2021年机关党建工作综述');
    expect(jiangsu.charts.map((c) => c.kind)).toEqual(['coverageMatrix']);
  });
});

describe('peers', () => {
  const page = review('hainan/2020.html');

  it('sets each headline figure beside the comparable figures of other provinces, with names and real values', () => {
    // Branch counts at the end of 2020 and of 2021 stand at two points: not set against each other.
    expect(page.peers.rows.map((r) => [r.metricName, r.own.display, r.ownPeriod, r.standing, r.highest.province, r.highest.cell.display, r.highest.period])).toEqual([
      ['培训人次', '1800余人次', '2020年', '2个可比省份中第2', '江苏', '约7.5万人次', '2021年'],
      ['捐款', '527.8万余元', '2020年', '2个可比省份中第1', '海南', '527.8万余元', '2020年'],
    ]);
    expect(page.peers.rows[0]?.own.href).toBe('../sources/hainan-2020.html#row-observations-sample-5');
    expect(page.peers.rows[0]?.compareHref).toBe('../compare/training-attendance.html');
  });
});

describe('reviewBeyondProvince', () => {
  it("is the review's comparison with other provinces, as its page shows it: all a review reads outside its province", async () => {
    const index = siteIndex(await fixtureDataSet());
    for (const r of index.context.reviews) {
      const shown = review(sitePaths.review(r.province.id, r.period.id)).peers;
      expect(reviewBeyondProvince(index.context, r)).toEqual(shown);
    }
  });
});
