import { describe, expect, it } from 'vitest';
import { pageContext, reviewFigures } from '../../../src/lib/pages/context.ts';
import { reviewCharts } from '../../../src/lib/pages/reviewCharts.ts';
import { reviewBeyondProvince, reviewPageData } from '../../../src/lib/pages/reviewPage.ts';
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

  it('has its charts, each with its table and CSV link', () => {
    // No chart of figures that merely share a measure word. No pipeline either: 立案 12件 is the sum of two units'
    // figures, which says nothing of the province's whole, and may not stand on one axis with the 821 leads the review reports.
    expect(page.charts.map((c) => c.kind)).toEqual(['rateBars', 'coverageMatrix']);
    for (const chart of page.charts) {
      expect(chart.table.rows.length).toBeGreaterThan(0);
      expect(chart.csvHref).toBe(`../data/charts/${chart.id}.csv`);
    }
    const rates = page.charts.find((c) => c.kind === 'rateBars');
    expect(rates?.table.rows).toEqual([['党支部达标率', '89%', '84.5%']]);
  });

  it("draws the pipeline from the family's steps (件) where the review reports them, in their order", async () => {
    const context = pageContext(await fixtureDataSet());
    const hainan = context.reviews.find((r) => r.province.id === 'hainan' && r.period.id === '2020');
    if (!hainan) throw new Error('no hainan 2020 review');
    // The review's figures, with 立案 as if the review reported it, not the units.
    const figures = reviewFigures(context, hainan).map((f) => (f.basis === 'sum_of_units' && f.metric === 'cases-filed' ? { ...f, basis: 'reported' as const, units: undefined } : f));
    const pipeline = reviewCharts(context, hainan, figures).find((c) => c.kind === 'casePipeline');
    expect(pipeline?.table.rows.map(([step, , measure]) => [step, measure])).toEqual([['信访举报和问题线索', '件'], ['立案', '件']]);
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

  it('is made once for a context, and the page of the review takes it; another context makes its own', async () => {
    const index = siteIndex(await fixtureDataSet());
    const other = siteIndex(await fixtureDataSet());
    for (const r of index.context.reviews) {
      const beyond = reviewBeyondProvince(index.context, r);
      expect(reviewPageData(index.context, r).peers).toBe(beyond);
      const same = other.context.reviews.find((o) => o.province.id === r.province.id && o.period.id === r.period.id);
      if (!same) throw new Error(`no review ${r.province.id} ${r.period.id} in the second index`);
      expect(reviewBeyondProvince(other.context, same)).not.toBe(beyond);
      expect(reviewBeyondProvince(other.context, same)).toEqual(beyond);
    }
  });
});
