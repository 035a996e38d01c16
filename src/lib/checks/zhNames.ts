/**
 * How the Chinese words of the checks name what a figure belongs to: a committee by its province's
 * name (海南), a unit by its province's and its own (海南 省高级人民法院), a metric by its name
 * (党支部达标率), as the people who keep the data know them. The English words name ids.
 */
import type { Metric } from '../schema/metric.ts';
import type { Province } from '../schema/province.ts';
import type { Unit } from '../schema/unit.ts';

export interface ZhNames {
  place(province: string, unit: string | null): string;
  metric(id: string): string;
}

/** Names from the catalog; an id it does not hold is said as it is. */
export function zhNamesOf(catalog: { provinces: readonly Province[]; units: readonly Unit[]; metrics: readonly Metric[] }): ZhNames {
  const provinces = new Map(catalog.provinces.map((p) => [p.id, p.name]));
  const units = new Map(catalog.units.map((u) => [`${u.province}/${u.id}`, u.name]));
  const metrics = new Map(catalog.metrics.map((m) => [m.id, m.name]));
  return {
    place(province, unit) {
      const committee = provinces.get(province) ?? province;
      return unit === null ? committee : `${committee} ${units.get(`${province}/${unit}`) ?? unit}`;
    },
    metric: (id) => metrics.get(id) ?? id,
  };
}

/** Names when no catalog is at hand: the ids. */
export const zhIds: ZhNames = { place: (province, unit) => unit ?? province, metric: (id) => id };
