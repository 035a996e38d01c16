/**
 * Lists the first few problems of each kind (code and severity) in each file
 * and lets one summary stand for the rest: a file of 130,000 bad rows reports
 * ten rows that show the fault and one line that counts the others, not
 * 130,000 lines, and what is kept grows with the kinds of fault, not with the
 * rows. The summary carries the count (`omitted`), so totals stay true.
 */
import { withThousands } from '../problems.ts';
import type { Problem } from '../schema/problem.ts';

/** Problems of one kind in one file listed before the rest are only counted. */
export const listedPerKind = 10;

interface Kind {
  severity: Problem['severity'];
  code: string;
  file: string;
  listed: number;
  omitted: number;
  /** Where the first problem left unlisted stands, and with it the summary. */
  line?: number;
  column?: number;
}

export class ProblemCap {
  readonly #kinds = new Map<string, Kind>();

  constructor(readonly perKind = listedPerKind) {}

  /** True when the problem is to be listed; otherwise it is counted, and a summary counts what it stands for. */
  admit(problem: Problem): boolean {
    const key = `${problem.file}\u0001${problem.code}\u0001${problem.severity}`;
    let kind = this.#kinds.get(key);
    if (!kind) {
      kind = { severity: problem.severity, code: problem.code, file: problem.file, listed: 0, omitted: 0 };
      this.#kinds.set(key, kind);
    }
    // Summaries met again (a file's kept reading, capped once already) add up instead of being listed.
    if (problem.omitted === undefined && kind.listed < this.perKind) {
      kind.listed++;
      return true;
    }
    kind.omitted += problem.omitted ?? 1;
    if (problem.line !== undefined && (kind.line === undefined || problem.line < kind.line || (problem.line === kind.line && (problem.column ?? 0) < (kind.column ?? 0)))) {
      kind.line = problem.line;
      kind.column = problem.column;
    }
    return false;
  }

  /** One problem for each kind with problems left unlisted, standing for them all. */
  summaries(): Problem[] {
    const summaries: Problem[] = [];
    for (const kind of this.#kinds.values()) {
      if (kind.omitted === 0) continue;
      const rows = kind.file.endsWith('.csv');
      const what = `${rows ? 'row' : 'place'}${kind.omitted === 1 ? '' : 's'}`;
      summaries.push({
        severity: kind.severity,
        code: kind.code,
        file: kind.file,
        ...(kind.line === undefined ? {} : { line: kind.line }),
        ...(kind.column === undefined ? {} : { column: kind.column }),
        message: `… and ${withThousands(kind.omitted)} more ${what} like this (${kind.code})`,
        hint: `only the first ${kind.listed} ${kind.code} problems of this file are listed; they often share one cause: fix it and run check again to see what is left`,
        zh: {
          message: `……另有${withThousands(kind.omitted)}${rows ? '行' : '处'}同类问题（${kind.code}）`,
          hint: `这个文件的 ${kind.code} 问题只列出前${kind.listed}个；它们往往出自同一个原因：改好后再运行 check，看看还剩哪些`,
        },
        omitted: kind.omitted,
      });
    }
    return summaries;
  }
}

/** The problems in their order with at most `perKind` of each kind in each file, and after them a summary of each kind cut short. */
export function capProblems(problems: readonly Problem[], perKind = listedPerKind): Problem[] {
  const cap = new ProblemCap(perKind);
  const listed = problems.filter((problem) => cap.admit(problem));
  for (const summary of cap.summaries()) listed.push(summary);
  return listed;
}
