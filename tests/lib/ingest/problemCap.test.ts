import { describe, expect, it } from 'vitest';
import { capProblems, ProblemCap } from '../../../src/lib/ingest/problemCap.ts';
import { countBySeverity, quoted, withThousands } from '../../../src/lib/problems.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';

const row = (line: number, code = 'unknown-province', file = 'data/observations/x.csv'): Problem => ({
  severity: 'error',
  code,
  file,
  line,
  column: 1,
  message: `unknown province 'x' (${line})`,
  hint: 'did you mean',
  zh: { message: `找不到省份“x”（${line}）`, hint: '是不是' },
});

describe('capProblems', () => {
  it('lists the first ten of a kind in a file and lets one problem count the rest', () => {
    const problems = Array.from({ length: 130_000 }, (_, i) => row(i + 2));
    const capped = capProblems(problems);
    expect(capped).toHaveLength(11);
    expect(capped.slice(0, 10)).toEqual(problems.slice(0, 10));
    expect(capped[10]).toEqual({
      severity: 'error',
      code: 'unknown-province',
      file: 'data/observations/x.csv',
      line: 12,
      column: 1,
      message: '… and 129,990 more rows like this (unknown-province)',
      hint: 'only the first 10 unknown-province problems of this file are listed; they often share one cause: fix it and run check again to see what is left',
      zh: {
        message: '……另有129,990行同类问题（unknown-province）',
        hint: '这个文件的 unknown-province 问题只列出前10个；它们往往出自同一个原因：改好后再运行 check，看看还剩哪些',
      },
      omitted: 129_990,
    });
    expect(countBySeverity(capped)).toEqual(countBySeverity(problems));
  });

  it('caps each file, code and severity apart, and leaves the problems in their order', () => {
    const problems = [...Array.from({ length: 12 }, (_, i) => row(i + 2)), row(3, 'unknown-unit'), row(2, 'unknown-province', 'data/observations/y.csv')];
    const capped = capProblems(problems);
    expect(capped.map((p) => [p.file.slice(-5), p.code, p.line, p.omitted])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => ['x.csv', 'unknown-province', i + 2, undefined]),
      ['x.csv', 'unknown-unit', 3, undefined],
      ['y.csv', 'unknown-province', 2, undefined],
      ['x.csv', 'unknown-province', 12, 2],
    ]);
  });

  it('adds up summaries met again, as a file read from the cache brings them: capping twice is capping once', () => {
    const problems = Array.from({ length: 40 }, (_, i) => row(i + 2));
    const once = capProblems(problems);
    expect(capProblems(once)).toEqual(once);
    const cap = new ProblemCap();
    const listed = [...once, ...capProblems(Array.from({ length: 15 }, (_, i) => row(i + 100)))].filter((p) => cap.admit(p));
    expect(listed).toHaveLength(10);
    expect(cap.summaries()).toEqual([expect.objectContaining({ line: 12, omitted: 45, message: '… and 45 more rows like this (unknown-province)' })]);
  });

  it('says places, not rows, outside CSV files', () => {
    const narrative = (count: number) => Array.from({ length: count }, (_, i) => ({ ...row(6), column: i + 1, file: 'content/hainan/2020.md' }));
    expect(capProblems(narrative(11)).at(-1)?.message).toBe('… and 1 more place like this (unknown-province)');
    expect(capProblems(narrative(12)).at(-1)?.message).toBe('… and 2 more places like this (unknown-province)');
    expect(capProblems(narrative(12)).at(-1)?.zh.message).toBe('……另有2处同类问题（unknown-province）');
  });
});

describe('quoted', () => {
  it('quotes a short text whole', () => {
    expect(quoted('jiangsuu')).toBe("'jiangsuu'");
    expect(quoted('省'.repeat(80))).toBe(`'${'省'.repeat(80)}'`);
  });

  it('cuts a long text to 80 characters with an ellipsis and its length, never inside a character', () => {
    expect(quoted('省'.repeat(81))).toBe(`'${'省'.repeat(79)}…' (81 characters)`);
    expect(quoted('😀'.repeat(100))).toBe(`'${'😀'.repeat(79)}…' (100 characters)`);
    const field = 'a'.repeat(50 * 1024 * 1024);
    expect(quoted(field)).toBe(`'${'a'.repeat(79)}…' (52,428,800 characters)`);
  });

  it('quotes the Chinese way for the Chinese words', () => {
    expect(quoted('jiangsuu', 'zh')).toBe('“jiangsuu”');
    expect(quoted('省'.repeat(81), 'zh')).toBe(`“${'省'.repeat(79)}…”（共81个字符）`);
  });

  it('writes counts with thousands separators', () => {
    expect([0, 999, 1000, 129_990, 52_428_800].map(withThousands)).toEqual(['0', '999', '1,000', '129,990', '52,428,800']);
  });
});
