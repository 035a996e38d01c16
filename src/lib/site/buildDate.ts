/**
 * The day a site was built, as its home and methodology pages state it. A reproducible build fixes
 * it with SOURCE_DATE_EPOCH (seconds since 1970, UTC, reproducible-builds.org); otherwise it is the
 * day of the build. Only those two pages carry it: on every page it would change every page.
 */

/** The build day as YYYY-MM-DD (UTC); an unset or malformed epoch gives the day of `now`. */
export function buildDay(sourceDateEpoch: string | undefined, now: Date): string {
  const fixed = sourceDateEpoch !== undefined && /^\d+$/u.test(sourceDateEpoch) ? new Date(Number(sourceDateEpoch) * 1000) : now;
  return fixed.toISOString().slice(0, 10);
}

/** 2026-12-04 → 2026年12月4日. */
export function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}
