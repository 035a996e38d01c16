/** Reads content/site.md: the data set's own settings in its front matter. */
import matter from 'gray-matter';
import type { Problem } from '../schema/problem.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/siteSettings.ts';
import { frontMatterIssue, unreadableFrontMatter } from './frontMatter.ts';

export function readSiteSettings(file: string, text: string, problems: Problem[]): SiteSettings {
  const at = { severity: 'error', code: 'invalid-front-matter', file, line: 1, column: 1 } as const;
  let data: unknown;
  try {
    data = matter(text).data;
  } catch (error) {
    problems.push({ ...at, ...unreadableFrontMatter(error) });
    return SiteSettingsSchema.parse({});
  }
  const parsed = SiteSettingsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ ...at, ...frontMatterIssue(issue, 'content/site.md holds synthetic (true or false) and notice', 'content/site.md 的设置包括 synthetic（true 或 false）和 notice') });
  }
  return SiteSettingsSchema.parse({});
}
