import { z } from 'zod';
import { textSchema } from './id.ts';

/** Settings of a whole data set, from the front matter of content/site.md (optional). */
export const SiteSettingsSchema = z.object({
  /** The data are made up (npm run synth): every page says so. */
  synthetic: z.boolean().default(false),
  /** A line every page shows above its content, e.g. 示例数据，非真实统计. */
  notice: textSchema(200).default(''),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
