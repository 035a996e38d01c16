import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sourceRowsHtml, type SourceRow } from '../../../src/lib/pages/sourcesPage.ts';
import { describeChange } from '../../../src/lib/pages/change.ts';
import { changeBetween } from '../../../src/lib/aggregate/change.ts';
import { period } from '../../../src/lib/period.ts';
import { fixtureDataSet, fixturePages } from '../../helpers/fixtureSite.ts';
import { pageContext } from '../../../src/lib/pages/context.ts';
import { unitPageData } from '../../../src/lib/pages/unitPage.ts';
import type { Province } from '../../../src/lib/schema/province.ts';

const site = await fixturePages();
const fixture = await fixtureDataSet();
/** The fixture with every province of one kind. */
const dataSetOfKind = (kind: Province['kind']) => ({ ...fixture, provinces: fixture.provinces.map((p) => ({ ...p, kind })) });

describe('homePageData', () => {
  it('counts what the site holds, links every review, and keeps not-reported provinces visible', () => {
    expect(site.home.stats.map((s) => s.value)).toEqual(['4篇', '2个', '14条', '8项']);
    expect(site.home.provinces.map((p) => [p.name, p.reviews.map((r) => r.href)])).toEqual([
      ['海南', ['./hainan/2020.html', './hainan/2019.html', './hainan/2018.html']],
      ['江苏', ['./jiangsu/2021.html']],
    ]);
    expect(site.home.notReported).toEqual(['西藏']);
    expect(site.home.glance.rows.map((r) => [r.name, r.review.label, ...r.cells.map((c) => c?.display ?? null)])).toEqual([
      ['海南', '2020年', '89%', '1800余人次', '12件', null, null, '527.8万余元'],
      ['江苏', '2021年', '6280个', '约7.5万人次', null, null, null, '321万元'],
    ]);
    // Hainan's 12件 adds up two units' figures, and says so wherever it stands.
    expect(site.home.glance.rows[0]?.cells.map((c) => c?.summed ?? null)).toEqual([null, null, '2个单位合计', null, null, null]);
    // The map shows the metric most provinces report comparably: training, not a rate only Hainan gives.
    const tiles = site.home.charts[0];
    expect(site.home.metric.label).toBe('培训人次');
    expect(tiles?.kind === 'tileGrid' && tiles.data.tiles.map((t) => [t.id, t.figure?.display ?? null])).toEqual([
      ['hainan', '1800余人次'],
      ['jiangsu', '约7.5万人次'],
      ['xizang', null],
    ]);
  });
});

describe('provincePageData', () => {
  it('sets every metric against the periods and says how it changed', () => {
    const hainan = site.provinces.find((p) => p.name === '海南');
    expect(hainan?.periods).toEqual(['2018年', '2019年', '2020年']);
    const training = hainan?.rows.find((r) => r.metricName === '培训人次');
    expect(training?.cells.map((c) => c?.display ?? null)).toEqual([null, '1500人次', '1800余人次']);
    expect(training?.changes).toEqual(['较2019年增加20%以上']);
    // Each cell says its change from the column before it.
    expect(training?.cells.map((c) => c?.change ?? null)).toEqual([null, null, '较上期增加20%以上']);
    // 2018 as the review reports it, 2020 the sum of two units' figures: no change is drawn between them, and the row says why.
    const filed = hainan?.rows.find((r) => r.metricName === '立案');
    expect(filed?.cells.map((c) => c?.display ?? null)).toEqual(['60件', null, '12件']);
    expect(filed?.cells.map((c) => c?.summed ?? null)).toEqual([null, null, '2个单位合计']);
    expect(filed?.changes).toEqual(['较2018年：合计范围不同：综述所报总数与2个单位的合计']);
    // 2018 is not the column before 2020: the cell names it.
    expect(filed?.cells.map((c) => c?.change ?? null)).toEqual([null, null, '较2018年：合计范围不同：综述所报总数与2个单位的合计']);
    expect(hainan?.charts.map((c) => c.id)).toEqual(['hainan-trend-training-attendance']);
  });
});

describe('unitPageData', () => {
  it('shows a unit against the committee total and the spread of the other units', () => {
    const court = site.units.find((u) => u.path === 'hainan/units/gaoyuan.html');
    expect(court?.periods).toEqual(['2020年']);
    expect(court?.rows).toMatchObject([{ metricName: '立案', cells: [{ display: '5件' }], latest: { periodLabel: '2020年', committee: { display: '12件', summed: '2个单位合计' }, rank: '2个单位中第2' } }]);
    expect(court?.charts[0]?.kind).toBe('unitStanding');
    // Two units report: 5 and 7 cases, so the quartiles fall between them.
    expect(court?.charts[0]?.table.rows).toEqual([['立案2020年', '5件', '第2', '2', '5件', '5.5件', '6件', '6.5件', '7件']]);
    expect(court?.otherUnits).toEqual({ href: '../../hainan.html#units', count: 1 });
    expect(court?.committeeHeading).toBe('全省（工委）');
  });

  it("names the committee's column as the province is called: 全市 for a municipality, 全区 for a region", () => {
    const context = pageContext(dataSetOfKind('直辖市'));
    const unit = context.dataSet.units[0];
    expect(unit && unitPageData(context, unit.province, unit.id).committeeHeading).toBe('全市（工委）');
    const regional = pageContext(dataSetOfKind('自治区'));
    const other = regional.dataSet.units[0];
    expect(other && unitPageData(regional, other.province, other.id).committeeHeading).toBe('全区（工委）');
  });
});

describe('metricPageData', () => {
  it('ranks provinces on their latest figure and names those who do not report', () => {
    const training = site.metrics.find((m) => m.id === 'training-attendance');
    expect(training?.ranking.map((r) => [r.rank, r.province.label, r.display, r.periodLabel])).toEqual([
      [1, '江苏', '约7.5万人次', '2021年'],
      [2, '海南', '1800余人次', '2020年'],
    ]);
    expect(training?.notReported).toEqual(['西藏']);
    expect(training?.charts.map((c) => c.kind)).toEqual(['tileGrid', 'rankedBars', 'trendLines']);
    const rate = site.metrics.find((m) => m.id === 'branch-compliance-rate');
    expect(rate?.parts?.numerator.href).toBe('./branches-compliant.html');
  });

  it('says of a sum of units that it is one, beside the reason it is not ranked', () => {
    const filed = site.metrics.find((m) => m.id === 'cases-filed');
    const shown = [...(filed?.ranking ?? []), ...(filed?.apart ?? [])].filter((r) => r.province.label === '海南');
    expect(shown.map((r) => [r.display, r.summed])).toEqual([['12件', '2个单位合计']]);
    const training = site.metrics.find((m) => m.id === 'training-attendance');
    expect(training?.ranking.map((r) => r.summed)).toEqual([undefined, undefined]);
  });
});

describe('compare pages', () => {
  it('flags different periods and normalises per 100 branches where the branch count is known', () => {
    const pair = site.comparePairs.find((p) => p.path === 'compare/hainan/jiangsu.html');
    const donations = pair?.rows.find((r) => r.metricName === '捐款');
    expect(donations?.note).toBe('期间不同（2020年与2021年），长度相同');
    // Money does not scale with branches: no value per 100 branches. Trainings do, three significant figures, no 余.
    expect(donations?.a.perHundredBranches).toBeUndefined();
    const training = pair?.rows.find((r) => r.metricName === '培训人次');
    expect(training?.a.perHundredBranches).toBe('≈63.7人次');
    expect(training?.b.perHundredBranches).toBe('≈1190人次');
    const branches = pair?.rows.find((r) => r.metricName === '党支部数');
    expect(branches?.note).toBe('不可比：时点不同：2020年末与2021年末');
    const trainingPage = site.compareMetrics.find((p) => p.path === 'compare/training-attendance.html');
    expect(trainingPage?.sections.map((s) => s.title)).toEqual(['各省最近一期', '2021年', '2020年', '2019年']);
    expect(trainingPage?.sections[0]?.note).toBe('各省最近一期的年份不同，期间长度相同。');
    expect(site.compareIndex.pairs).toEqual([{ label: '海南与江苏', href: './compare/hainan/jiangsu.html', shared: 3 }]);
  });

  it('says of a sum of units that it is one, in the overview and on its metric\'s page', () => {
    const filed = site.compareIndex.rows.find((r) => r.metricName === '立案');
    expect(filed?.cells.map((c) => (c ? [c.display, c.summed] : null))).toEqual([['12件', '2个单位合计'], null]);
    const page = site.compareMetrics.find((p) => p.path === 'compare/cases-filed.html');
    expect(page?.sections[0]?.rows.map((r) => [r.province.label, r.cell.display, r.cell.summed])).toEqual([['海南', '12件', '2个单位合计']]);
  });
});

describe('sourcesPageData', () => {
  it('lists every data row with its anchor, quote and file line', () => {
    expect(site.sources.sources.map((s) => [s.href, s.rowCount])).toEqual([
      ['./sources/hainan-2020.html', 9],
      ['./sources/hainan-2019.html', 1],
      ['./sources/hainan-2018.html', 1],
      ['./sources/jiangsu-2021.html', 3],
    ]);
    const hainan = site.sourcePages.find((s) => s.id === 'hainan-2020');
    expect(hainan?.rows.find((r) => r.anchor === 'row-observations-sample-4')).toMatchObject({ written: '89%', display: '89%', row: 'observations/sample.csv:4', quote: '占全部在职党支部2824个的89%' });
  });
});

describe('sourceRowsHtml', () => {
  const row: SourceRow = {
    anchor: 'row-observations-a-2',
    metricName: '党支部数',
    metricHref: '../metrics/branches-total.html',
    subject: '海南 · 高原',
    periodLabel: '2020年',
    written: '106',
    display: '106个',
    quote: '党支部数106',
    note: '',
    row: 'observations/a.csv:2',
  };

  it('writes a row as the template did, and its note only when it has one', () => {
    expect(sourceRowsHtml([row, { ...row, note: '含预备党员' }])).toBe(
      '<tr id="row-observations-a-2"><td><a href="../metrics/branches-total.html">党支部数</a></td><td>海南 · 高原</td><td class="period">2020年</td>' +
        '<td class="num">106</td><td class="num">106个</td><td class="quote"><q data-verbatim>党支部数106</q></td><td class="note">observations/a.csv:2</td></tr>' +
        '<tr id="row-observations-a-2"><td><a href="../metrics/branches-total.html">党支部数</a></td><td>海南 · 高原</td><td class="period">2020年</td>' +
        '<td class="num">106</td><td class="num">106个</td><td class="quote"><q data-verbatim>党支部数106</q><div>注：含预备党员</div></td><td class="note">observations/a.csv:2</td></tr>',
    );
    expect(sourceRowsHtml([])).toBe('');
  });

  it('shows hostile text as text', () => {
    const hostile = (field: string) => `"'><script>alert("${field}")</script>&amp;<img src=x onerror=alert('${field}')>`;
    const fields = ['anchor', 'metricName', 'metricHref', 'subject', 'periodLabel', 'written', 'display', 'quote', 'note', 'row'] as const;
    const evil = Object.fromEntries(fields.map((f) => [f, hostile(f)])) as unknown as SourceRow;
    const { document } = parseHTML(`<table><tbody>${sourceRowsHtml([evil])}</tbody></table>`);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    const tr = document.querySelector('tr');
    expect(tr?.getAttribute('id')).toBe(evil.anchor);
    expect(document.querySelector('a')?.getAttribute('href')).toBe(evil.metricHref);
    expect([...document.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      evil.metricName,
      evil.subject,
      evil.periodLabel,
      evil.written,
      evil.display,
      `${evil.quote}注：${evil.note}`,
      evil.row,
    ]);
  });
});

describe('describeChange', () => {
  const fig = (p: string, value: number, time: 'flow' | 'stock' = 'flow') => ({ province: 'x', unit: null, period: period(p), metric: 'm', scope: '', time, undated: false, value, qualifier: 'exact' as const, basis: 'reported' as const, observations: ['f:1'] });
  const ratio = { id: 'm', kind: 'ratio' as const, family: '', counts: 'share' as const, unit: '%' as const };
  const flow = { id: 'm', kind: 'flow' as const, family: '', counts: 'items' as const, unit: '个' as const };
  it('words changes of counts, rates and unlike periods', () => {
    expect(describeChange(changeBetween(fig('2019', 0.82, 'stock'), fig('2020', 0.827, 'stock'), ratio))).toBe('较2019年提高0.7个百分点');
    expect(describeChange(changeBetween(fig('2019', 100), fig('2020', 80), flow))).toBe('较2019年减少20%');
    expect(describeChange(changeBetween(fig('2018-2019', 100), fig('2020', 80), flow))).toBe('较2018—2019年：期间长度不同：2018—2019年与2020年');
    expect(describeChange(changeBetween({ ...fig('2019', 60), scope: '建党98周年表彰' }, { ...fig('2020', 20), scope: '抗疫表彰' }, flow))).toBe('较2019年：口径不同：建党98周年表彰与抗疫表彰');
    const lower = { ...fig('2020', 80), qualifier: 'more_than' as const };
    expect(describeChange(changeBetween(fig('2019', 100), lower, flow))).toBe('较2019年减少不到20%');
  });

  // 140个 → 140余个 rose by an amount not given; 140个 → 近140个 fell; neither is 增加0%以上 or 增加近0%.
  it('words a change that rounds to nothing by what its bounds say of its direction, never as 0%', () => {
    const with_ = (p: string, value: number, qualifier: 'exact' | 'more_than' | 'nearly' | 'about') => ({ ...fig(p, value), qualifier });
    const words = (from: ReturnType<typeof with_>, to: ReturnType<typeof with_>, metric: typeof flow | typeof ratio = flow) => describeChange(changeBetween(from, to, metric));
    expect(words(with_('2019', 140, 'exact'), with_('2020', 140, 'exact'))).toBe('较2019年持平');
    expect(words(with_('2019', 140, 'exact'), with_('2020', 140, 'more_than'))).toBe('较2019年有所增加');
    expect(words(with_('2019', 140, 'exact'), with_('2020', 140, 'nearly'))).toBe('较2019年有所减少');
    expect(words(with_('2019', 140, 'more_than'), with_('2020', 140, 'exact'))).toBe('较2019年有所减少');
    expect(words(with_('2019', 140, 'nearly'), with_('2020', 140, 'exact'))).toBe('较2019年有所增加');
    expect(words(with_('2019', 140, 'exact'), with_('2020', 140, 'about'))).toBe('较2019年大致持平');
    expect(words(with_('2019', 140, 'more_than'), with_('2020', 140, 'more_than'))).toBe('较2019年大致持平');
    expect(words(with_('2019', 30000, 'exact'), with_('2020', 30010, 'exact'))).toBe('较2019年增加不到0.1%');
    expect(words(with_('2019', 30010, 'exact'), with_('2020', 30000, 'exact'))).toBe('较2019年减少不到0.1%');
    expect(words(with_('2019', 0.5, 'exact'), with_('2020', 0.5004, 'exact'), ratio)).toBe('较2019年提高不到0.1个百分点');
    expect(words(with_('2019', 0.5, 'exact'), with_('2020', 0.5, 'more_than'), ratio)).toBe('较2019年有所提高');
    // A change large enough to show keeps its bound as before.
    expect(words(with_('2019', 130, 'exact'), with_('2020', 140, 'more_than'))).toBe('较2019年增加7.7%以上');
  });
});
