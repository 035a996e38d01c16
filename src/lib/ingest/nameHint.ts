/**
 * Names looked up in a catalog from fields that no schema bounds (a wide table's header, a
 * narrative's placeholder): folding a name (src/lib/script.ts) and measuring its distance to every
 * known name cost time in proportion to its length, and a hostile 50 MB header would take minutes.
 * No name is nearly as long as the bound, so a longer text names nothing and is near nothing.
 */
import { didYouMean, type NameIndex, type Named } from '../names.ts';
import type { Language } from '../problems.ts';

const longestName = 200;

/** The entry a text names, or undefined; a text longer than any name is not looked up. */
export function resolveName<T>(index: NameIndex<T>, text: string): Named<T> | undefined {
  return text.length > longestName ? undefined : index.resolve(text);
}

/** `did you mean …?` (`是不是……？`) for a text that names nothing, or where the names are listed. */
export function nameHint<T>(index: NameIndex<T>, text: string, listedIn: string, language: Language = 'en'): string {
  return didYouMean(index, text.length > longestName ? '' : text, listedIn, language);
}
