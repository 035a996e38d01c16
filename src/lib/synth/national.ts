/**
 * A synthetic national data set in data format v1, for demos and benchmarks:
 * every province, every year and every unit, with plausible magnitudes,
 * trends, approximate values, figures not reported and some unit-return
 * tables. The same options and seed always give the same rows. Nothing here
 * is a real statistic, and every file says so.
 */
import { randomLcg } from 'd3';
import { formatShare } from '../format.ts';
import { hasParts, type Metric } from '../schema/metric.ts';
import type { Province } from '../schema/province.ts';
import { unitNames } from './unitNames.ts';

export interface SynthOptions {
  provinces: number;
  years: number;
  units: number;
  /** Last year of the data set; the first is lastYear - years + 1. */
  lastYear: number;
  seed: number;
}

export const defaultSynthOptions: SynthOptions = { provinces: 31, years: 10, units: 80, lastYear: 2024, seed: 20261123 };

/** Said by every synthetic file and page. */
export const syntheticNotice = '示例数据，非真实统计';

export type Random = () => number;

export interface SynthUnit {
  id: string;
  name: string;
  kind: string;
}

/** Range of a metric's yearly value for one unit: [low, high] in the metric's unit, before trends. */
const magnitudes: Record<string, [number, number]> = {
  'branches-total': [15, 120],
  'model-branches': [0, 4],
  'committees-reelected': [0, 3],
  'training-classes': [2, 20],
  'training-attendance': [100, 3000],
  'study-sessions': [5, 120],
  'petitions-leads': [2, 40],
  'warning-education-sessions': [5, 60],
  'warning-education-attendance': [200, 4000],
  'issues-found': [3, 40],
  'model-organs': [0, 1],
  'honoured-organisations': [0, 3],
  'honoured-members': [0, 8],
  'honoured-party-workers': [0, 3],
  'units-rated-excellent': [0, 1],
  'civilised-units': [0, 1],
  'members-developed': [2, 40],
  'relief-funds': [1, 40],
  donations: [0.5, 25],
  'news-items': [20, 300],
  'research-outputs': [1, 12],
  'research-national-awards': [0, 1],
  'service-projects': [2, 40],
  'problems-solved': [5, 220],
  'consumption-aid-sales': [1, 120],
};

/** Metrics that are a share of another in the same unit and year: [part, whole, low share, high share]. */
const shares: Array<[string, string, number, number]> = [
  ['branches-compliant', 'branches-total', 0.8, 0.99],
  ['branches-rated', 'branches-total', 0.95, 1],
  ['branches-advanced', 'branches-total', 0.1, 0.3],
  ['branches-standard-tier', 'branches-total', 0.55, 0.7],
  ['issues-rectified', 'issues-found', 0.85, 1],
  ['preliminary-verifications', 'petitions-leads', 0.3, 0.6],
  ['inquiry-letters', 'petitions-leads', 0.1, 0.3],
  ['cases-filed', 'petitions-leads', 0.05, 0.25],
  ['cases-tried', 'cases-filed', 0.6, 1],
  ['members-developed-frontline', 'members-developed', 0, 0.15],
];

/**
 * The metrics units report in their year-end returns: those given a magnitude, a share or a
 * multiple above, and the rates of two of them. The rest of the dictionary (figures of one
 * review's prose: a campaign's screenings, a contest's entries) is left unreported.
 */
function returnedMetrics(metrics: readonly Metric[]): Metric[] {
  const counts = new Set([...Object.keys(magnitudes), ...shares.map(([part]) => part), ...multiples.map(([id]) => id)]);
  return metrics.filter((m) => counts.has(m.id) || (hasParts(m) && counts.has(m.numerator) && counts.has(m.denominator)));
}

/** Multiples of another metric: [metric, of, low, high]. */
const multiples: Array<[string, string, number, number]> = [
  ['sanctions', 'cases-filed', 1, 2],
  ['first-form-actions', 'cases-filed', 2, 10],
];

function between(random: Random, [low, high]: [number, number]): number {
  return low + (high - low) * random();
}

/** A count as an article would give it, sometimes approximate: 1800余, 约300, 近4000. */
function written(value: number, unit: string, random: Random): string {
  const exact = exactOf(value, unit);
  const roll = random();
  if (exact >= 100 && roll < 0.02) return `${Math.floor(exact / 10) * 10}余`;
  if (exact >= 100 && roll < 0.03) return `约${Math.round(exact / 10) * 10}`;
  if (exact >= 100 && roll < 0.035) return `近${Math.ceil(exact / 10) * 10}`;
  return String(exact);
}

export interface SynthRow {
  province: string;
  unit: string;
  period: string;
  metric: string;
  value: string;
  source: string;
  quote: string;
}

export function synthUnits(options: SynthOptions, province: Province): SynthUnit[] {
  const prefix = province.kind === '直辖市' ? '市' : province.kind === '自治区' ? '区' : '省';
  return Array.from({ length: options.units }, (_, i) => {
    const base = unitNames[i % unitNames.length] as readonly [string, string, string];
    const round = Math.floor(i / unitNames.length);
    return {
      id: `${base[0]}${round > 0 ? `-${round + 1}` : ''}`,
      name: `${base[1].replace(/^省/u, prefix)}${round > 0 ? `（第${round + 1}组）` : ''}`,
      kind: base[2],
    };
  });
}

export function sourceId(province: string, year: number): string {
  return `synthetic-${province}-${year}`;
}

/**
 * The rows of one province, shaped as real reviews give them: for each year, the committee's
 * figures stated in the review's prose (unit empty, a sentence as the quote), and every unit's
 * year-end return (each metric the province reports, ratios as the unit states them), which
 * src/cli/synth.ts writes as a unit-return table, without prose quotes. The committee states the
 * totals of its units' returns, each rate from its stated parts; shares and multiples keep parts
 * below their wholes.
 */
export function synthProvinceRows(options: SynthOptions, province: Province, provinceIndex: number, dictionary: readonly Metric[], units: readonly SynthUnit[]): SynthRow[] {
  const random = randomLcg((options.seed + provinceIndex * 7919) / 2 ** 32);
  const metrics = returnedMetrics(dictionary);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  // Each province leaves out a few metrics entirely: "not reported" at scale.
  const silent = new Set(metrics.filter((m) => m.kind !== 'ratio').filter(() => random() < 0.04).map((m) => m.id));
  // Parts of a stated rate are written exactly, or the rates would not add up.
  const ratioParts = new Set(metrics.flatMap((m) => (m.kind === 'ratio' ? [m.numerator, m.denominator] : [])));
  const growth = 0.97 + random() * 0.11;
  const firstYear = options.lastYear - options.years + 1;
  const rows: SynthRow[] = [];
  for (let y = 0; y < options.years; y++) {
    const year = firstYear + y;
    const source = sourceId(province.id, year);
    const trend = growth ** y;
    /** The committee's totals: the exact value behind each unit's figure, summed (万元 to the cent). */
    const totals = new Map<string, number>();
    for (const unit of units) {
      const values = new Map<string, number>();
      for (const [id, range] of Object.entries(magnitudes)) values.set(id, between(random, range) * (byId.get(id)?.kind === 'stock' ? 1 : trend));
      for (const [part, whole, low, high] of shares) values.set(part, (values.get(whole) ?? 0) * between(random, [low, high]));
      for (const [id, of, low, high] of multiples) values.set(id, (values.get(of) ?? 0) * between(random, [low, high]));
      for (const metric of metrics) {
        if (silent.has(metric.id)) continue;
        const raw = metric.kind === 'ratio' ? 0 : (values.get(metric.id) ?? between(random, [1, 100]) * trend);
        const exact = exactOf(raw, metric.unit);
        if (metric.kind !== 'ratio') totals.set(metric.id, exactOf((totals.get(metric.id) ?? 0) + exact, metric.unit));
        // A cell the unit's return leaves blank; the committee's total still counts the unit.
        if (random() < 0.02) continue;
        let value: string;
        if (metric.kind === 'ratio') {
          const numerator = Math.round(values.get(metric.numerator) ?? 0);
          const denominator = Math.round(values.get(metric.denominator) ?? 0);
          if (denominator === 0 || silent.has(metric.numerator) || silent.has(metric.denominator)) continue;
          value = formatShare(Math.min(1, numerator / denominator), 'exact', 1);
        } else {
          // Parts are written from the rounded whole, so no part exceeds it.
          value = ratioParts.has(metric.id) ? String(exact) : written(raw, metric.unit, random);
        }
        rows.push({ province: province.id, unit: unit.id, period: String(year), metric: metric.id, value, source, quote: '' });
      }
    }
    rows.push(...committeeRows(province, year, source, metrics, totals, ratioParts, random));
  }
  return rows;
}

/** A value as exactly as its measure allows: 万元 to the cent, counts whole. */
function exactOf(value: number, unit: string): number {
  return unit === '万元' ? Math.round(value * 100) / 100 : Math.round(value);
}

/**
 * The committee's figures of one year, each in a sentence of the review as its quote: the total
 * of every metric its units returned (sometimes approximate, as reviews write 1800余), each rate
 * from the stated totals of its parts.
 */
function committeeRows(province: Province, year: number, source: string, metrics: readonly Metric[], totals: ReadonlyMap<string, number>, ratioParts: ReadonlySet<string>, random: Random): SynthRow[] {
  const scope = `${province.kind === '直辖市' ? '市' : province.kind === '自治区' ? '区' : '省'}直机关`;
  const rows: SynthRow[] = [];
  for (const metric of metrics) {
    let value: string;
    if (metric.kind === 'ratio') {
      const numerator = totals.get(metric.numerator);
      const denominator = totals.get(metric.denominator);
      if (numerator === undefined || !denominator) continue;
      value = formatShare(Math.min(1, numerator / denominator), 'exact', 1);
    } else {
      const total = totals.get(metric.id);
      if (total === undefined) continue;
      value = ratioParts.has(metric.id) ? String(total) : written(total, metric.unit, random);
    }
    rows.push({ province: province.id, unit: '', period: String(year), metric: metric.id, value, source, quote: `${year}年，${scope}${metric.name}${value}` });
  }
  return rows;
}
