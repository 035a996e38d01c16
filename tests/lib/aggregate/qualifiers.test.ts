import { describe, expect, it } from 'vitest';
import { combineQualifiers, quotientQualifier } from '../../../src/lib/aggregate/qualifiers.ts';

describe('qualifiers in arithmetic', () => {
  it('a sum keeps a one-sided bound and turns mixed sides into about', () => {
    expect(combineQualifiers(['exact', 'exact'])).toBe('exact');
    expect(combineQualifiers(['exact', 'more_than'])).toBe('more_than');
    expect(combineQualifiers(['nearly', 'nearly', 'exact'])).toBe('nearly');
    expect(combineQualifiers(['more_than', 'nearly'])).toBe('about');
    expect(combineQualifiers(['about', 'exact'])).toBe('about');
    expect(combineQualifiers([])).toBe('exact');
  });

  it('a quotient turns the bound of its denominator around', () => {
    expect(quotientQualifier('more_than', 'exact')).toBe('more_than');
    expect(quotientQualifier('exact', 'more_than')).toBe('nearly');
    expect(quotientQualifier('more_than', 'nearly')).toBe('more_than');
    expect(quotientQualifier('more_than', 'more_than')).toBe('about');
  });
});
