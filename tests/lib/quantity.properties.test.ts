/** Properties of reading quantities, over many generated inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatShare } from '../../src/lib/format.ts';
import { readFigureValue } from '../../src/lib/ingest/figureValue.ts';
import { parseQuantity } from '../../src/lib/quantity.ts';
import type { Metric } from '../../src/lib/schema/metric.ts';

const qualifier = fc.constantFrom('exact', 'more_than', 'nearly', 'about' as const);
/** Counts as reviews give them: whole numbers, or a few decimals for 万-scaled figures. */
const count = fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100));
const metric = (kind: Metric['kind'], unit: Metric['unit']): Metric => ({
  id: 'm', name: 'm', name_hant: 'm', category: 'other', unit, kind,
  numerator: kind === 'ratio' ? 'a' : '', denominator: kind === 'ratio' ? 'b' : '', definition: 'd', aliases: [],
  counts: kind === 'ratio' ? 'share' : unit === '万元' ? 'money' : 'items', family: '', per_branch: false,
});

describe('parseQuantity, for any input', () => {
  it('gives back every count it formats, with its qualifier', () => {
    fc.assert(
      fc.property(count, qualifier, (value, q) => {
        const written = formatCount(value, q);
        const read = parseQuantity(written);
        expect(read.ok, written).toBe(true);
        if (read.ok) {
          expect(read.quantity.value, written).toBe(value);
          expect(read.quantity.qualifier ?? 'exact', written).toBe(q);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back every share and every amount of money it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), qualifier, (permille, q) => {
        const share = permille / 1000;
        const read = readFigureValue(formatShare(share, q, 1), metric('ratio', '%'));
        expect(read.ok && read.figure.value).toBe(share);
        expect(read.ok && (read.figure.qualifier ?? 'exact')).toBe(q);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 100), qualifier, (amount, q) => {
        const written = formatMoney(amount, q);
        const read = readFigureValue(written, metric('flow', '万元'));
        expect(read.ok && read.figure.value, written).toBe(amount);
      }),
    );
  });

  it('never throws: every input is read or refused with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[约近超过余多万亿千百十0-9.,%％０-９-]{0,12}$/u)), (text) => {
        const result = parseQuantity(text);
        if (result.ok) expect(Number.isFinite(result.quantity.value)).toBe(true);
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });
});
