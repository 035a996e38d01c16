/**
 * The look shared by every chart: sizes, the colour-blind-safe palette
 * (Okabe & Ito), and axis formats that write numbers the Chinese way.
 */
import { formatCount, formatShare } from '../lib/format.ts';

export const chartWidth = 560;
/** px; charts are scaled down on phones, so text starts larger than Plot's 10px. */
export const fontSize = 15;
export const rowHeight = 30;

export const palette = {
  /** The page's own province or unit. */
  highlight: '#D55E00',
  /** Everyone else. */
  base: '#0072B2',
  muted: '#9aa3ad',
  /** Series colours, Okabe & Ito. */
  series: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'],
  notReported: '#ffffff',
  line: '#c8ced6',
  ink: '#1f2328',
} as const;

/** Sequential scheme for values on the tile grid: colour-blind safe and printable in grey. */
export const sequentialScheme = 'blues';

/** Tick labels: 84.5% for shares, 3万 / 1.2亿 for counts. */
export function tickFormat(isShare: boolean): (value: number) => string {
  return isShare ? (v) => formatShare(v, 'exact', 0) : (v) => formatCount(v);
}

/** Left margin that fits the longest label; CJK characters are about one em wide, Latin ones about two thirds, and Plot sets tick labels 9px off the axis. */
export function marginFor(labels: readonly string[], minimum = 40): number {
  const widest = Math.max(0, ...labels.map((label) => [...label].reduce((w, ch) => w + (/[\u0000-\u00ff]/u.test(ch) ? 0.65 : 1), 0)));
  return Math.max(minimum, Math.ceil(widest * fontSize) + 18);
}

/** Right margin for value labels written after a bar's end. */
export function valueMargin(labels: readonly string[]): number {
  return marginFor(labels, 24);
}
