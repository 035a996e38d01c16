import { PeriodSchema, type Period } from './schema/period.ts';

export function period(id: string): Period {
  return PeriodSchema.parse(id);
}

const interned = new Map<string, Period>();

/** One shared object per period id: a data set repeats a few periods over many rows. */
export function internPeriod(p: Period): Period {
  const known = interned.get(p.id);
  if (known) return known;
  interned.set(p.id, p);
  return p;
}

/** Orders periods by end year, then start year: 2019, 2019-2020, 2020. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end - b.end || a.start - b.start;
}

export function periodLabel(p: Period): string {
  return p.years === 1 ? `${p.start}年` : `${p.start}—${p.end}年`;
}

/** True when one period lies within the other (2020 within 2019-2020). */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
