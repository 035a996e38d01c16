import { z } from 'zod';

/** Ids appear in URLs and file names, so they are lowercase ASCII: [a-z0-9-]+. */
export const IdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
    error: 'an id is lowercase letters, digits and single hyphens, such as hainan or sheng-gaoyuan',
  });

/** A `|`-separated list of other names, as units.csv and metrics.csv write aliases. */
export const AliasListSchema = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split('|')
      .map((alias) => alias.trim())
      .filter((alias) => alias !== ''),
  );

export const RequiredTextSchema = z.string().trim().min(1, { error: 'this field must not be empty' });
