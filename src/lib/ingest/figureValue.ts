/**
 * Reads the `value` field of an observation in the light of its metric: a
 * ratio becomes a share 0-1, money becomes 万元, a count keeps its measure word.
 */
import { quoted } from '../problems.ts';
import { parseQuantity, shiftDecimal } from '../quantity.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';

export interface FigureValue {
  /** In the metric's unit; a ratio as a share 0-1. */
  value: number;
  /** Precision of the written figure, in the same unit. */
  step: number;
  /** Qualifier the words carry, or null. */
  qualifier: Qualifier | null;
  measureWord: string | null;
}

export type FigureValueResult = { ok: true; figure: FigureValue } | { ok: false; reason: string; hint: string };

export function readFigureValue(written: string, metric: Metric): FigureValueResult {
  const parsed = parseQuantity(written);
  if (!parsed.ok) return parsed;
  const { value, step, percent, scale, qualifier, measureWord } = parsed.quantity;
  const ok = (v: number, s: number): FigureValueResult => ({ ok: true, figure: { value: v, step: s, qualifier, measureWord } });
  if (value < 0) {
    return { ok: false, reason: `${quoted(written)} is negative; a count, an amount or a rate is never below zero`, hint: 'write the figure the source gives; a decrease belongs in the note, not in the value' };
  }

  if (metric.kind === 'ratio') {
    if (measureWord !== null) {
      return { ok: false, reason: `${quoted(written)} has a measure word, but ${metric.id} is a ratio`, hint: 'write the ratio as 89% or 0.89' };
    }
    if (percent && value > 1) {
      return { ok: false, reason: `${quoted(written)} is above 100%, but ${metric.id} is a share of a whole`, hint: 'check the figure; a share cannot exceed 100%' };
    }
    if (!percent && value > 1) {
      return { ok: false, reason: `${quoted(written)} is above 1, but ${metric.id} is a ratio`, hint: `write it as a percentage (${written}%) or a share (0.89)` };
    }
    return ok(value, step);
  }
  if (percent) {
    return { ok: false, reason: `${quoted(written)} is a percentage, but ${metric.id} counts ${metric.unit}`, hint: 'put the rate on its ratio metric, or write the count' };
  }
  if (metric.unit === '万元') {
    if (measureWord === '元') return ok(shiftDecimal(value, -4), shiftDecimal(step, -4));
    if (measureWord !== null) {
      return { ok: false, reason: `${quoted(written)} is measured in ${measureWord}, but ${metric.id} is money in 万元`, hint: 'write the amount in 万元 (312.8) or with its currency (312.8万元)' };
    }
    if (scale !== 0) {
      return { ok: false, reason: `${quoted(written)} is ambiguous for an amount in 万元`, hint: `write '${written}元' if the article means yuan, or the number of 万元 without 万` };
    }
    return ok(value, step);
  }
  if (measureWord === '元') {
    return { ok: false, reason: `${quoted(written)} is money, but ${metric.id} counts ${metric.unit}`, hint: 'check the metric id of this row' };
  }
  return ok(value, step);
}
