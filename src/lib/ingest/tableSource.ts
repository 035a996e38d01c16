/** The source a unit-return table stands for when its rows name none: the table itself. */
import { periodLabel } from '../period.ts';
import type { Period } from '../schema/period.ts';
import type { Province } from '../schema/province.ts';
import type { Source } from '../schema/source.ts';

export const tableSourcePrefix = 'table-';

export function tableSource(province: Province, period: Period): Source {
  return {
    id: `${tableSourcePrefix}${province.id}-${period.id}`,
    province: province.id,
    title: `${province.name}${periodLabel(period)}单位报表`,
    publisher: '各单位年终报表（data/tables）',
    published: '',
    url: '',
    period,
  };
}
