import { z } from 'zod';

/**
 * How a figure relates to the true value, as the article words it:
 * - exact: as written (2387);
 * - more_than: a lower bound (3万多, 40余万, 1800余, 80%以上, 超过98.3%);
 * - nearly: an upper bound, slightly above the truth (近4000);
 * - about: approximate in either direction (约7.5万).
 */
export const QualifierSchema = z.enum(['exact', 'more_than', 'nearly', 'about']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** Words that carry a qualifier, in Simplified script; matched after script folding. */
export const qualifierWords = {
  prefix: [
    ['大约', 'about'],
    ['约', 'about'],
    ['将近', 'nearly'],
    ['接近', 'nearly'],
    ['近', 'nearly'],
    ['超过', 'more_than'],
    ['突破', 'more_than'],
    ['逾', 'more_than'],
  ],
  suffix: [
    ['以上', 'more_than'],
    ['左右', 'about'],
    ['多', 'more_than'],
    ['余', 'more_than'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, Qualifier]>>;

/** Short Chinese label of a qualifier, for tables and captions. */
export const qualifierLabel: Record<Qualifier, string> = {
  exact: '',
  more_than: '余',
  nearly: '近',
  about: '约',
};
