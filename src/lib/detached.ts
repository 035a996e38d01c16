/**
 * A string kept for the whole build should hold nothing but its own text. V8
 * keeps a substring of 13 characters or more as a slice of its parent, so a
 * quote papaparse cut out of a file keeps the whole chunk of the file it came
 * from alive: over a national data set, most of the file text.
 */

/**
 * The same text in a string of its own: `text + ' '` is joined into a new flat
 * string when sliced, and the slice refers only to that (one character longer).
 * Shorter strings are copied by V8 anyway.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}
