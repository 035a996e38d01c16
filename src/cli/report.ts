/** Prints what loading found: every problem on its own line, then a summary, in Chinese or (`en`) English. */
import { countBySeverity, formatProblem, sortProblems, type Language } from '../lib/problems.ts';
import type { Problem } from '../lib/schema/problem.ts';
import type { FileTally } from '../load/loadDataSet.ts';
import type { OutputAfterFailure } from '../build/publishSite.ts';

export function reportText(problems: readonly Problem[], files: readonly FileTally[], language: Language = 'zh'): string {
  const lines = sortProblems(problems).map((problem) => formatProblem(problem, language));
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const accepted = files.reduce((n, f) => n + f.accepted, 0);
  const { errors, warnings } = countBySeverity(problems);
  if (lines.length > 0) lines.push('');
  if (language === 'en') {
    for (const f of files) lines.push(`${f.file}: ${f.rows} rows read, ${f.accepted} accepted, ${f.rejected} rejected`);
    lines.push(
      `${files.length} observation files, ${rows} rows: ${accepted} accepted, ${rows - accepted} rejected. ` +
        `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    );
  } else {
    for (const f of files) lines.push(`${f.file}：读取${f.rows}行，采用${f.accepted}行，拒收${f.rejected}行`);
    lines.push(`共${files.length}个观测数据文件、${rows}行：采用${accepted}行，拒收${rows - accepted}行。错误${errors}个，警告${warnings}个。`);
  }
  return lines.join('\n');
}

/**
 * What `check` or `build` says when it found a publish that a killed build left half done at the
 * output folder, and finished it (`completed`) or put the old site back; `first`: before building.
 */
export function recoveryLine(language: Language, outDir: string, recovery: string, first: boolean): string {
  const completed = recovery === 'completed';
  if (language === 'en') return `a build stopped while publishing ${outDir}: its publish was ${completed ? 'completed' : 'rolled back'}${first ? ' first' : ''}`;
  return `上次生成网站时在发布 ${outDir} 的中途停止了：${first ? '已先' : '已'}${completed ? '把那次发布做完' : '撤回那次发布，恢复原来的网站'}`;
}

/**
 * What a failed build says of its output folder (OutputAfterFailure in src/build/publishSite.ts): that it is as it
 * was, or, after a publish had begun, what the next build does about it.
 */
export function outputAfterFailureLine(language: Language, outDir: string, output: OutputAfterFailure): string {
  if (language === 'en') {
    if (output === 'partly') return `the update of ${outDir} was begun and not finished: the next build (or npm run check) first finishes it, or puts the previous site back.`;
    if (output === 'replaced') return `${outDir} holds the new site; the next build reads each of its files again to check it.`;
    return `${outDir} is unchanged.`;
  }
  if (output === 'partly') return `${outDir} 的更新开始了但没有完成：下一次生成（或 npm run check）会先把它做完，或者恢复原来的网站。`;
  if (output === 'replaced') return `${outDir} 已经是新生成的网站；下一次生成会重新读取核对它的每个文件。`;
  return `${outDir} 保持原样。`;
}

/** The exit code of `check`: 1 when there are errors (or warnings under --strict), else 0. */
export function exitCodeFor(problems: readonly Problem[], strict: boolean): 0 | 1 {
  return problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning')) ? 1 : 0;
}

/** The report for tools: every problem with its English and Chinese words (`zh`), whatever the language. */
export function reportJson(problems: readonly Problem[], files: readonly FileTally[]): string {
  return JSON.stringify({ problems: sortProblems(problems), files, ...countBySeverity(problems) }, null, 2);
}
