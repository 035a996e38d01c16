/**
 * Chinese script handling. Reviews arrive in Simplified and in Traditional
 * (reposts), so every name is compared in one canonical form: Simplified,
 * NFKC-folded (full-width digits and punctuation become ASCII), without spaces.
 */
import * as OpenCC from 'opencc-js';

// 'tw' reads both Taiwan and Hong Kong variant forms (著力 → 着力, 裡 → 里).
const traditionalToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
// Standard OpenCC Traditional, not Taiwan wording: what the product shows as 繁體.
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}

/** The form in which two names are equal if a reader would call them equal. */
export function nameKey(text: string): string {
  // Plain ASCII (ids, most values) needs no script conversion.
  if (/^[\x20-\x7e]*$/u.test(text)) return text.replace(/\s+/gu, '').toLowerCase();
  // Zero-width characters come with copied text and change nothing a reader sees.
  return toSimplified(text.normalize('NFKC')).replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '').toLowerCase();
}
