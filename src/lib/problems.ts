import { detached } from './detached.ts';
import type { Problem } from './schema/problem.ts';

/** The language of what the command line prints: Chinese unless `--lang en` (src/cli/options.ts). */
export type Language = 'zh' | 'en';

/** What a problem says and how to fix it, in English and in Chinese: what every place that finds a problem gives. */
export type Wording = Pick<Problem, 'message' | 'hint' | 'zh'>;

export function location(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
}

const severityZh: Record<Problem['severity'], string> = { error: '错误', warning: '警告' };

/**
 * One line a person reads, in Chinese (`错误 data/x.csv:12:1 找不到省份“jiangsuu” —— 是不是 jiangsu（江苏）？`)
 * or in English (`error   data/x.csv:12:1 unknown province 'jiangsuu' - did you mean jiangsu (江苏)?`).
 */
export function formatProblem(problem: Problem, language: Language = 'zh'): string {
  if (language === 'en') {
    const hint = problem.hint ? ` - ${problem.hint}` : '';
    return `${problem.severity.padEnd(7)} ${location(problem)} ${problem.message}${hint}`;
  }
  const hint = problem.zh.hint ? ` —— ${problem.zh.hint}` : '';
  return `${severityZh[problem.severity]} ${location(problem)} ${problem.zh.message}${hint}`;
}

/** Orders problems by file, line and column so a report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** The problems without repeats: the same fault at the same place, said once. */
export function withoutRepeats(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}\u0001${p.code}\u0001${location(p)}\u0001${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Adds problems to a list one by one: `list.push(...more)` passes every element as an argument
 * and overflows the call stack somewhere past 100k of them, which one bad file can give.
 */
export function addProblems(list: Problem[], more: readonly Problem[]): void {
  for (const problem of more) list.push(problem);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** True counts: a summary of problems left unlisted (`omitted`) counts as the problems it stands for. */
export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors += p.omitted ?? 1;
    else warnings += p.omitted ?? 1;
  }
  return { errors, warnings };
}

/** 129990 → 129,990, in either language's messages. */
export function withThousands(count: number): string {
  return String(count).replace(/\B(?=(?:\d{3})+$)/gu, ',');
}

/** Characters (code points) a quoted field keeps before it is cut. */
const quotedLength = 80;

/**
 * Text from a file as a message quotes it: whole when short, else its first 80 characters with an
 * ellipsis and its length, so a 50 MB field makes a line of a hundred characters. The kept part is
 * a string of its own: a slice would keep the whole field alive as long as the problem.
 * English quotes it as 'text', Chinese as “text”.
 */
export function quoted(text: string, language: Language = 'en'): string {
  const [open, close] = language === 'zh' ? ['“', '”'] : ["'", "'"];
  if (text.length <= quotedLength) return `${open}${text}${close}`;
  let characters = 0;
  let cut = 0;
  // Counted without spreading the text into an array of characters: the field may be huge.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    characters++;
    if (characters === quotedLength - 1) cut = isHighSurrogate(unit) ? i + 2 : i + 1;
  }
  if (characters <= quotedLength) return `${open}${text}${close}`;
  const kept = detached(text.slice(0, cut));
  return language === 'zh' ? `“${kept}…”（共${withThousands(characters)}个字符）` : `'${kept}…' (${withThousands(characters)} characters)`;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
