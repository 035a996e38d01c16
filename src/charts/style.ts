/**
 * The look shared by every chart: sizes, the colour-blind-safe palette
 * (Okabe & Ito), and axis formats that write numbers the Chinese way.
 */
import { formatCount, formatShare, trimDecimals } from '../lib/format.ts';

/**
 * Every chart is drawn once, near a phone's width, and shown between about 336 px (a 390 px
 * phone, less the page's margins) and 600 px (the widest site.css lets it be). Drawn 360 px wide
 * with 12 px text, its text reads 11.2 px on the phone and 20 px on a desktop: never under 11 px,
 * never above 1.3 times the 16 px body text. No text is drawn smaller.
 */
export const chartWidth = 360;
export const fontSize = 12;
export const rowHeight = 26;

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

/** Tick labels as the page's labels write numbers: 84.5% for shares; 2万, 7.5万, 1.2亿 for counts from 10000 on. */
export function tickFormat(isShare: boolean): (value: number) => string {
  if (isShare) return (v) => formatShare(v, 'exact', 0);
  return (v) => (Math.abs(v) >= 1e8 ? `${trimDecimals(v / 1e8, 2)}亿` : Math.abs(v) >= 1e4 ? `${trimDecimals(v / 1e4, 2)}万` : formatCount(v));
}

/** A label's width in px at the chart's font size: CJK characters are about one em wide, Latin ones about two thirds. */
export function textWidth(label: string): number {
  return [...label].reduce((w, ch) => w + (/[\u0000-\u00ff]/u.test(ch) ? 0.65 : 1), 0) * fontSize;
}

/** Left margin that fits the longest label; Plot sets tick labels 9px off the axis. */
export function marginFor(labels: readonly string[], minimum = 40): number {
  return Math.max(minimum, Math.ceil(Math.max(0, ...labels.map(textWidth))) + 18);
}

/** Right margin for value labels written after a bar's end. */
export function valueMargin(labels: readonly string[]): number {
  return marginFor(labels, 24);
}
