/** Chinese labels of the dictionary's categories, in the order pages list them. */
import type { Metric } from './schema/metric.ts';

export const categoryLabel: Record<Metric['category'], string> = {
  branches: '支部建设',
  training: '教育培训',
  cases: '监督执纪',
  honours: '表彰荣誉',
  members: '党员发展',
  funds: '经费',
  propaganda: '宣传',
  research: '理论研究',
  service: '服务群众',
  other: '其他',
};

export const basisLabel = {
  reported: '原文数字',
  sum_of_units: '各单位合计',
  ratio_of_parts: '按分子分母计算',
} as const;

export const kindLabel = {
  flow: '流量（期内累计，可跨单位、跨期相加）',
  stock: '存量（期末数，可跨单位相加，不跨期相加）',
  ratio: '比率（由分子、分母计算）',
} as const;
