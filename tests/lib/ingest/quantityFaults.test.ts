import { describe, expect, it } from 'vitest';
import { readFigureValue } from '../../../src/lib/ingest/figureValue.ts';
import { quantityFaultZh } from '../../../src/lib/ingest/quantityFaults.ts';
import { parseQuantity } from '../../../src/lib/quantity.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';

/** A value for each reason src/lib/quantity.ts gives, and what the Chinese says. */
const faults: Array<[written: string, zh: string]> = [
  ['12345678901234567890', '“12345678901234567890”有19位有效数字，超过了能精确保存的15位'],
  ['', '数值是空的'],
  ['2,38', '“2,38”的千位分隔符位置不对'],
  ['七八', '读不懂“七八”中的中文数字“七八”'],
  ['%', '“%”中的 % 位置不对'],
  ['3万x', '读不懂数值“3万x”中的“x”'],
  ['约', '“约”里没有数字'],
  ['89万%', '“89万%”同时用了 % 和 万/亿'],
  ['约3万多', '“约3万多”的限定词互相矛盾（约、多于）'],
  ['x'.repeat(100), `读不懂数值“${'x'.repeat(79)}…”（共100个字符）中的“${'x'.repeat(79)}…”（共100个字符）`],
];

describe('why a value cannot be read, in Chinese', () => {
  it.each(faults)('%s', (written, zh) => {
    const parsed = parseQuantity(written);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const said = quantityFaultZh(written, parsed.reason);
    expect(said.reason).toBe(zh);
    expect(said.hint).toMatch(/\p{Script=Han}/u);
  });

  it('keeps the English of a reason it does not know, rather than say nothing', () => {
    expect(quantityFaultZh('x', 'a reason of tomorrow')).toEqual({ reason: '读不懂数值“x”（a reason of tomorrow）', hint: '请照原文填写数字，例如 2387、89% 或 3万多' });
  });

  it('is what readFigureValue gives beside its English', () => {
    const metric = { id: 'cases-filed', kind: 'flow', unit: '件' } as Metric;
    expect(readFigureValue('2,38', metric)).toMatchObject({ ok: false, reason: "'2,38' has misplaced thousands separators", zh: { reason: '“2,38”的千位分隔符位置不对' } });
    expect(readFigureValue('50%', metric)).toMatchObject({ ok: false, zh: { reason: '“50%”是百分数，但 cases-filed 以“件”计数' } });
  });
});
