/** Small chart inputs shared by the chart tests, shaped like the page data that feeds them. */
import type { ChartSpec } from '../../src/lib/pages/chartData.ts';

const meta = (id: string) => ({ id, title: `标题${id}`, caption: '说明', description: '描述', table: { columns: [], rows: [] } });
const v = (value: number, display: string, approximate = false) => ({ value, display, approximate });

export const samples: Record<ChartSpec['kind'], ChartSpec> = {
  tileGrid: {
    ...meta('tiles'),
    kind: 'tileGrid',
    data: {
      metricName: '党支部达标率',
      isShare: true,
      periodNote: '',
      tiles: [
        { id: 'hainan', name: '海南', column: 3, row: 7, figure: v(0.845, '84.5%'), href: './hainan.html' },
        { id: 'jiangsu', name: '江苏', column: 6, row: 3, figure: null, href: './jiangsu.html' },
        { id: 'xizang', name: '西藏', column: 1, row: 4, figure: null, href: null },
        { id: 'qinghai', name: '青海', column: 1, row: 3, figure: v(0.9, '约90%', true), href: './qinghai.html' },
      ],
    },
  },
  rankedBars: {
    ...meta('bars'),
    kind: 'rankedBars',
    data: {
      unitLabel: '人次',
      isShare: false,
      bars: [
        { ...v(75000, '约7.5万人次', true), label: '广西', highlight: false },
        { ...v(6420, '6420人次'), label: '青海', highlight: true },
        { ...v(1800, '1800余人次', true), label: '海南', highlight: false },
      ],
    },
  },
  trendLines: {
    ...meta('trend'),
    kind: 'trendLines',
    data: {
      unitLabel: '个',
      isShare: false,
      series: [
        { name: '青海', points: [{ ...v(60, '60个'), year: 2019, periodLabel: '2019年', years: 1 }, { ...v(20, '20个'), year: 2020, periodLabel: '2020年', years: 1 }] },
        { name: '海南', points: [{ ...v(30, '30个'), year: 2020, periodLabel: '2019—2020年', years: 2 }] },
      ],
    },
  },
  coverageMatrix: {
    ...meta('coverage'),
    kind: 'coverageMatrix',
    data: {
      cells: [
        { category: '支部建设', metricName: '党支部数', status: 'reported' },
        { category: '支部建设', metricName: '达标率', status: 'not_reported' },
        { category: '教育培训', metricName: '培训人次', status: 'approximate' },
      ],
    },
  },
  rateBars: {
    ...meta('rates'),
    kind: 'rateBars',
    data: {
      rows: [
        { label: '党支部达标率', rate: v(0.89, '89%'), computed: v(2387 / 2824, '84.5%') },
        { label: '问题整改率', rate: v(0.983, '超过98.3%', true), computed: v(0.9, '90%') },
      ],
    },
  },
  casePipeline: {
    ...meta('cases'),
    kind: 'casePipeline',
    data: {
      steps: [
        { ...v(821, '821件'), label: '信访举报和问题线索', unitLabel: '件' },
        { ...v(78, '78件'), label: '立案', unitLabel: '件' },
        { ...v(50, '50件'), label: '案件审理', unitLabel: '件' },
      ],
    },
  },
  unitStanding: {
    ...meta('units'),
    kind: 'unitStanding',
    data: {
      rows: [
        {
          metricName: '立案2020年',
          unitLabel: '件',
          self: v(5, '5件'),
          rank: 4,
          tied: false,
          spread: { count: 5, min: 1, lowerQuartile: 3, median: 7, upperQuartile: 9, max: 12 },
          spreadDisplay: { min: '1件', lowerQuartile: '3件', median: '7件', upperQuartile: '9件', max: '12件' },
        },
        {
          metricName: '党支部达标率2020年',
          unitLabel: '%',
          self: v(0.9, '约90%', true),
          rank: 1,
          tied: true,
          spread: { count: 5, min: 0.6, lowerQuartile: 0.7, median: 0.8, upperQuartile: 0.85, max: 0.9 },
          spreadDisplay: { min: '60%', lowerQuartile: '70%', median: '80%', upperQuartile: '85%', max: '90%' },
        },
      ],
    },
  },
};
