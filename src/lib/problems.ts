import type { Problem } from './schema/problem.ts';

export function location(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
}

/** One line a person reads: `error data/x.csv:12:1 unknown province 'jiangsuu' - did you mean jiangsu (江苏)?` */
export function formatProblem(problem: Problem): string {
  const hint = problem.hint ? ` - ${problem.hint}` : '';
  return `${problem.severity.padEnd(7)} ${location(problem)} ${problem.message}${hint}`;
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

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
