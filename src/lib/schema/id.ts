import { z } from 'zod';

/** Ids appear in URLs and file names, so they are lowercase ASCII: [a-z0-9-]+. */
export const IdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
    error: 'an id is lowercase letters, digits and single hyphens, such as hainan or sheng-gaoyuan',
  });

/**
 * Characters no text field may hold: C0 and C1 controls (line breaks too) and
 * the invisible marks that reorder text (RLM, LRM, bidi embeddings, overrides
 * and isolates), which can make a name look like another.
 */
const forbidden = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** True when a text holds a character no text field may hold. */
export function hasForbiddenCharacter(text: string): boolean {
  return forbidden.test(text);
}

function describeForbidden(text: string): string {
  const found = forbidden.exec(text)?.[0] ?? '';
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters (code points) of a text, counted without spreading it into an array: a field may be megabytes. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return count;
}

/** Free text of at most `max` characters, without control or direction characters. */
export function textSchema(max: number) {
  return z
    .string()
    .trim()
    .superRefine((text, context) => {
      if (forbidden.test(text)) {
        context.addIssue({ code: 'custom', message: `contains the invisible control character ${describeForbidden(text)}; delete it (it often comes with copied text)` });
      }
      const length = codePoints(text);
      if (length > max) {
        context.addIssue({ code: 'custom', message: `is ${length} characters long; at most ${max} are allowed` });
      }
    });
}

export function requiredTextSchema(max: number) {
  return textSchema(max).pipe(z.string().min(1, { error: 'this field must not be empty' }));
}

/** Names, titles and the like. */
export const RequiredTextSchema = requiredTextSchema(200);

/** A `|`-separated list of other names, as units.csv and metrics.csv write aliases. */
export const AliasListSchema = textSchema(2000)
  .default('')
  .transform((text) =>
    text
      .split('|')
      .map((alias) => alias.trim())
      .filter((alias) => alias !== ''),
  );
