/** Page data of the home page: every province, with what the data hold for it. */
import { periodLabel } from '../period.ts';
import type { PageContext } from './provincePage.ts';

export interface ProvinceEntry {
  id: string;
  name: string;
  kind: string;
  /** Periods with figures, newest first, e.g. 2020年. */
  periods: string[];
  figureCount: number;
}

export interface HomePageData {
  reported: ProvinceEntry[];
  /** Provinces with no figure at all: listed, so "not reported" stays visible. */
  notReported: ProvinceEntry[];
}

export function homePageData(context: PageContext): HomePageData {
  const entries = context.dataSet.provinces.map((province): ProvinceEntry => {
    const own = context.dataSet.figures.filter((f) => f.province === province.id);
    const periods = [...new Map(own.map((f) => [f.period.id, f.period])).values()].sort((a, b) => b.end - a.end || b.start - a.start);
    return { id: province.id, name: province.name, kind: province.kind, periods: periods.map(periodLabel), figureCount: own.length };
  });
  return {
    reported: entries.filter((e) => e.figureCount > 0),
    notReported: entries.filter((e) => e.figureCount === 0),
  };
}
