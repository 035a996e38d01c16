/**
 * The words of the site's search: what a page is found by, and what a query asks for. Chinese
 * has no spaces between words, so a run of Han characters is indexed by each character, each
 * pair and each three neighbouring characters (省公安厅: 省 公 安 厅, 省公 公安 安厅, 省公安
 * 公安厅). A query's run of one, two or three characters is one term; a longer one is looked up
 * by its threes, all of which must be on the page, and then looked for whole in the page's text
 * (a page may hold 省公安 and 公安厅 apart). Letters and digits (2024, 84.5, cc) make words of
 * their own. Full-width forms and capitals are folded (NFKC, lower case) on both sides, so ２０２４
 * finds 2024.
 */

/** A run of the text: Han characters, or a word of other letters and digits (a decimal point kept); 2022年 is 2022 and 年. */
const runPattern = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\p{N}+)*)/gu;

export interface QueryPart {
  /** The run as it must stand in a page's text, folded. */
  text: string;
  /** Index terms a page must hold, all of them. */
  terms: string[];
  /** Whether holding the terms is not enough: the run is then looked for whole in the text. */
  whole: boolean;
}

/** Folds a text as the index does: NFKC (full-width letters and digits to ASCII), lower case. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * A text folded character by character, with where each folded character came from, so a
 * match in the folded text can be marked in the text as written (NFKC turns ， into , which
 * an excerpt must not show).
 */
export function foldWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let at = 0; at < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(at) as number);
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(at);
    folded += f;
    at += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

function* runs(folded: string): Generator<{ han: boolean; text: string }> {
  for (const match of folded.matchAll(runPattern)) yield match[1] ? { han: true, text: match[1] } : { han: false, text: match[2] as string };
}

/** Characters of a run of Han, as code points (a few are beyond the basic plane). */
const charsOf = (run: string) => Array.from(run);

/** The distinct terms a page's folded text is found by. */
export function indexTerms(folded: string): Set<string> {
  const terms = new Set<string>();
  for (const run of runs(folded)) {
    if (!run.han) {
      terms.add(run.text);
      continue;
    }
    const chars = charsOf(run.text);
    chars.forEach((char, at) => {
      terms.add(char);
      const next = chars[at + 1];
      if (next === undefined) return;
      terms.add(char + next);
      const third = chars[at + 2];
      if (third !== undefined) terms.add(char + next + third);
    });
  }
  return terms;
}

/** What a query asks for: each of its runs, all of which a page must hold. Empty when it has no letters, digits or Han. */
export function queryParts(query: string): QueryPart[] {
  const parts = new Map<string, QueryPart>();
  for (const run of runs(fold(query))) {
    if (parts.has(run.text)) continue;
    if (!run.han) {
      parts.set(run.text, { text: run.text, terms: [run.text], whole: false });
      continue;
    }
    const chars = charsOf(run.text);
    const terms = chars.length <= 3 ? [run.text] : chars.slice(2).map((char, at) => `${chars[at] as string}${chars[at + 1] as string}${char}`);
    parts.set(run.text, { text: run.text, terms: [...new Set(terms)], whole: chars.length > 3 });
  }
  return [...parts.values()];
}

/**
 * The shard of the index a term is kept in (FNV-1a over its UTF-16 code units): a query loads
 * only the shards of its terms. A term of a page's title (`titleTerm`) is kept beside the same
 * term of the text, so asking both costs no more files.
 */
export function shardOf(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < term.length; at++) {
    hash ^= term.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** The key under which the pages holding a term in their title are listed. */
export const titleTerm = (term: string) => `^${term}`;
