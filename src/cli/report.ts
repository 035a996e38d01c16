/** Prints what loading found: every problem on its own line, then a summary. */
import { countBySeverity, formatProblem, sortProblems } from '../lib/problems.ts';
import type { Problem } from '../lib/schema/problem.ts';
import type { FileTally } from '../load/loadDataSet.ts';

export function reportText(problems: readonly Problem[], files: readonly FileTally[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const accepted = files.reduce((n, f) => n + f.accepted, 0);
  const { errors, warnings } = countBySeverity(problems);
  if (lines.length > 0) lines.push('');
  for (const f of files) lines.push(`${f.file}: ${f.rows} rows read, ${f.accepted} accepted, ${f.rejected} rejected`);
  lines.push(
    `${files.length} observation files, ${rows} rows: ${accepted} accepted, ${rows - accepted} rejected. ` +
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
  );
  return lines.join('\n');
}

/** The exit code of `check`: 1 when there are errors (or warnings under --strict), else 0. */
export function exitCodeFor(problems: readonly Problem[], strict: boolean): 0 | 1 {
  return problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning')) ? 1 : 0;
}

export function reportJson(problems: readonly Problem[], files: readonly FileTally[]): string {
  return JSON.stringify({ problems: sortProblems(problems), files, ...countBySeverity(problems) }, null, 2);
}
