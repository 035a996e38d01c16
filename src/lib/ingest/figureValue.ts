/**
 * Reads the `value` field of an observation in the light of its metric: a
 * ratio becomes a share 0-1, money becomes 万元, a count keeps its measure word.
 */
import { quoted } from '../problems.ts';
import { parseQuantity, shiftDecimal } from '../quantity.ts';
import type { Metric } from '../schema/metric.ts';
import type { Qualifier } from '../schema/qualifier.ts';
import { quantityFaultZh } from './quantityFaults.ts';

export interface FigureValue {
  /** In the metric's unit; a ratio as a share 0-1. */
  value: number;
  /** Precision of the written figure, in the same unit. */
  step: number;
  /** Qualifier the words carry, or null. */
  qualifier: Qualifier | null;
  measureWord: string | null;
}

/** A value that cannot be read: why and what to do, in English and (`zh`) in Chinese. */
export interface UnreadableValue {
  ok: false;
  reason: string;
  hint: string;
  zh: { reason: string; hint: string };
}

export type FigureValueResult = { ok: true; figure: FigureValue } | UnreadableValue;

const unreadable = (reason: string, hint: string, zhReason: string, zhHint: string): UnreadableValue => ({ ok: false, reason, hint, zh: { reason: zhReason, hint: zhHint } });

export function readFigureValue(written: string, metric: Metric): FigureValueResult {
  const parsed = parseQuantity(written);
  if (!parsed.ok) return { ...parsed, zh: quantityFaultZh(written, parsed.reason) };
  const { value, step, percent, scale, qualifier, measureWord } = parsed.quantity;
  const ok = (v: number, s: number): FigureValueResult => ({ ok: true, figure: { value: v, step: s, qualifier, measureWord } });
  const shown = quoted(written);
  const shownZh = quoted(written, 'zh');
  if (value < 0) {
    return unreadable(
      `${shown} is negative; a count, an amount or a rate is never below zero`,
      'write the figure the source gives; a decrease belongs in the note, not in the value',
      `${shownZh}是负数；计数、金额和比率都不会小于零`,
      '填写来源给出的数字；减少了多少写在备注（note）里，不写进数值',
    );
  }

  if (metric.kind === 'ratio') {
    if (measureWord !== null) {
      return unreadable(`${shown} has a measure word, but ${metric.id} is a ratio`, 'write the ratio as 89% or 0.89', `${shownZh}带有量词，但 ${metric.id} 是比率`, '比率写成 89% 或 0.89');
    }
    if (percent && value > 1) {
      return unreadable(`${shown} is above 100%, but ${metric.id} is a share of a whole`, 'check the figure; a share cannot exceed 100%', `${shownZh}超过了100%，但 ${metric.id} 是占整体的比例`, '请核对数字：比例不会超过100%');
    }
    if (!percent && value > 1) {
      return unreadable(`${shown} is above 1, but ${metric.id} is a ratio`, `write it as a percentage (${written}%) or a share (0.89)`, `${shownZh}大于1，但 ${metric.id} 是比率`, `写成百分数（${written}%）或小数（0.89）`);
    }
    return ok(value, step);
  }
  if (percent) {
    return unreadable(`${shown} is a percentage, but ${metric.id} counts ${metric.unit}`, 'put the rate on its ratio metric, or write the count', `${shownZh}是百分数，但 ${metric.id} 以“${metric.unit}”计数`, '比率请填在对应的比率指标上，这里填写计数');
  }
  if (metric.unit === '万元') {
    if (measureWord === '元') return ok(shiftDecimal(value, -4), shiftDecimal(step, -4));
    if (measureWord !== null) {
      return unreadable(`${shown} is measured in ${measureWord}, but ${metric.id} is money in 万元`, 'write the amount in 万元 (312.8) or with its currency (312.8万元)', `${shownZh}以“${measureWord}”计，但 ${metric.id} 是以万元计的金额`, '金额按万元填写（312.8），或者带上货币单位（312.8万元）');
    }
    if (scale !== 0) {
      return unreadable(`${shown} is ambiguous for an amount in 万元`, `write '${written}元' if the article means yuan, or the number of 万元 without 万`, `${shownZh}用作以万元计的金额，意思不明确`, `原文若指多少元，写成“${written}元”；否则直接写万元数，不带“万”`);
    }
    return ok(value, step);
  }
  if (measureWord === '元') {
    return unreadable(`${shown} is money, but ${metric.id} counts ${metric.unit}`, 'check the metric id of this row', `${shownZh}是金额，但 ${metric.id} 以“${metric.unit}”计数`, '请核对这一行的指标 id');
  }
  return ok(value, step);
}
