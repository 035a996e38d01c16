/** Reads content/site.md: the data set's own settings in its front matter. */
import matter from 'gray-matter';
import type { Problem } from '../schema/problem.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/siteSettings.ts';

export function readSiteSettings(file: string, text: string, problems: Problem[]): SiteSettings {
  let data: unknown;
  try {
    data = matter(text).data;
  } catch (error) {
    problems.push({ severity: 'error', code: 'invalid-front-matter', file, line: 1, column: 1, message: `front matter cannot be read: ${(error as Error).message.split('\n')[0]}`, hint: 'front matter is YAML between two lines of ---' });
    return SiteSettingsSchema.parse({});
  }
  const parsed = SiteSettingsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ severity: 'error', code: 'invalid-front-matter', file, line: 1, column: 1, message: `front matter '${issue.path.join('.')}': ${issue.message}`, hint: 'content/site.md holds synthetic (true or false) and notice' });
  }
  return SiteSettingsSchema.parse({});
}
