/** Problems of a markdown file's front matter (a narrative, content/site.md), worded in English and Chinese. */
import type { Wording } from '../problems.ts';
import { schemaIssueZh, type SchemaIssue } from './schemaIssues.ts';

/** Front matter that is no YAML. */
export function unreadableFrontMatter(error: unknown): Required<Wording> {
  const first = (error as Error).message.split('\n')[0];
  return {
    message: `front matter cannot be read: ${first}`,
    hint: 'front matter is YAML between two lines of ---',
    zh: { message: `读不懂文件开头的设置（front matter）：${first}`, hint: '文件开头的设置（front matter）是两行 --- 之间的 YAML' },
  };
}

/** A field of the front matter its schema refuses; `hint` and `hintZh` say what the file's front matter holds. */
export function frontMatterIssue(issue: SchemaIssue, hint: string, hintZh: string): Required<Wording> {
  const field = issue.path.join('.');
  return {
    message: `front matter '${field}': ${issue.message}`,
    hint,
    zh: { message: `文件开头的设置（front matter）中的“${field}”：${schemaIssueZh(issue)}`, hint: hintZh },
  };
}
