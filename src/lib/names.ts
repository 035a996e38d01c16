/**
 * Resolves what people write (an id, a name in either script, an alias) to
 * one entry, and suggests the nearest entries when nothing matches.
 */
import { distance } from 'fastest-levenshtein';
import type { Language } from './problems.ts';
import { nameKey } from './script.ts';

export interface Named<T> {
  id: string;
  /** Display name used in suggestions, e.g. 江苏. */
  label: string;
  /** Every other way of writing it: names, Traditional forms, aliases. */
  names: readonly string[];
  item: T;
}

export class NameIndex<T> {
  readonly #byKey = new Map<string, Named<T>>();
  readonly #entries: Named<T>[] = [];
  /** Keys that two entries share: a name that cannot decide between them. */
  readonly #ambiguous = new Map<string, Named<T>[]>();

  constructor(entries: Iterable<Named<T>>) {
    for (const entry of entries) {
      this.#entries.push(entry);
      for (const key of new Set([entry.id, ...entry.names].map(nameKey))) {
        const taken = this.#byKey.get(key);
        if (taken && taken.id !== entry.id) {
          this.#ambiguous.set(key, [...(this.#ambiguous.get(key) ?? [taken]), entry]);
        } else {
          this.#byKey.set(key, entry);
        }
      }
    }
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Answers by the text as written: a data file repeats the same few names on every row. */
  readonly #resolved = new Map<string, Named<T> | undefined>();

  /** The entry this text names, or undefined. Ids win over names. */
  resolve(text: string): Named<T> | undefined {
    // One lookup for the common case, a name met before that names an entry.
    const known = this.#resolved.get(text);
    if (known !== undefined || this.#resolved.has(text)) return known;
    const key = nameKey(text);
    const entry = this.#ambiguous.has(key) ? undefined : this.#byKey.get(key);
    if (this.#resolved.size > 100_000) this.#resolved.clear();
    this.#resolved.set(text, entry);
    return entry;
  }

  /** Entries that share this name, when it names more than one. */
  ambiguity(text: string): Named<T>[] {
    return this.#ambiguous.get(nameKey(text)) ?? [];
  }

  /** Suggestions made before, by limit and text: a problem words its hint in two languages, and a bad file repeats one typo on many rows. */
  readonly #suggested = new Map<string, Named<T>[]>();

  /** Up to `limit` entries whose id or a name is within a few edits of the text. */
  suggest(text: string, limit = 3): Named<T>[] {
    const asked = `${limit}\u0001${text}`;
    const known = this.#suggested.get(asked);
    if (known) return known;
    const suggestions = this.#suggestions(text, limit);
    // Bounded, like the names resolved: a file of all-different typos must not keep them all.
    if (this.#suggested.size > 10_000) this.#suggested.clear();
    this.#suggested.set(asked, suggestions);
    return suggestions;
  }

  #suggestions(text: string, limit: number): Named<T>[] {
    const key = nameKey(text);
    if (key === '') return [];
    const scored: Array<{ entry: Named<T>; score: number }> = [];
    for (const entry of this.#entries) {
      let best = Infinity;
      for (const name of [entry.id, ...entry.names]) {
        const candidate = nameKey(name);
        const edits = distance(key, candidate);
        // One edit in three characters still reads as a typo; a substring is a short form.
        const allowed = Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3));
        const shortForm = key.length >= 2 && (candidate.includes(key) || key.includes(candidate));
        const score = shortForm ? Math.min(edits, allowed) : edits;
        if (score <= allowed) best = Math.min(best, score);
      }
      if (best < Infinity) scored.push({ entry, score: best });
    }
    return scored
      .sort((a, b) => a.score - b.score || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit)
      .map((s) => s.entry);
  }
}

/**
 * `did you mean jiangsu (江苏)?` (`是不是 jiangsu（江苏）？`), or a pointer to where the valid names are
 * listed.
 */
export function didYouMean<T>(index: NameIndex<T>, text: string, listedIn: string, language: Language = 'en'): string {
  const suggestions = index.suggest(text);
  if (language === 'zh') {
    if (suggestions.length === 0) return `请用 ${listedIn} 中列出的 id 或名称`;
    return `是不是 ${suggestions.map((s) => `${s.id}（${s.label}）`).join(' 或 ')}？`;
  }
  if (suggestions.length === 0) return `use an id or name listed in ${listedIn}`;
  return `did you mean ${suggestions.map((s) => `${s.id} (${s.label})`).join(' or ')}?`;
}
