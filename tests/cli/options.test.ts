/** The command line's options and its language: Chinese unless --lang en. */
import { describe, expect, it } from 'vitest';
import { argumentLanguage, errorMessage, languageOf, OptionError, readCliOptions } from '../../src/cli/options.ts';
import { reportText } from '../../src/cli/report.ts';
import type { Problem } from '../../src/lib/schema/problem.ts';

describe('command-line options', () => {
  it('speak Chinese unless --lang en', () => {
    expect(readCliOptions([]).lang).toBe('zh');
    expect(readCliOptions(['--lang', 'en']).lang).toBe('en');
    expect(readCliOptions(['--lang=zh', '--json'])).toMatchObject({ lang: 'zh', json: true });
  });

  it('refuse another language and an unknown option, in both languages', () => {
    expect(() => languageOf('fr')).toThrow(OptionError);
    const error = (() => {
      try {
        readCliOptions(['--lang', 'fr']);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(errorMessage(error, 'zh')).toBe('--lang 只能是 zh（中文）或 en（英文），不能是“fr”（--lang is zh or en）');
    expect(errorMessage(error, 'en')).toBe("--lang is zh (Chinese) or en (English), not 'fr'");
    expect(() => readCliOptions(['--dat', 'x'])).toThrow(expect.objectContaining({ zh: '不认识的选项 --dat' }));
    expect(() => readCliOptions(['--data'])).toThrow(expect.objectContaining({ zh: '选项 --data 后面要跟一个值' }));
    expect(() => readCliOptions(['data'])).toThrow(expect.objectContaining({ zh: '多余的参数：data' }));
  });

  it('tell the language of arguments that cannot be parsed, so their fault is said in it', () => {
    expect(argumentLanguage(['--bogus', '--lang', 'en'])).toBe('en');
    expect(argumentLanguage(['--lang=en'])).toBe('en');
    expect(argumentLanguage(['--lang', 'fr'])).toBe('zh');
    expect(argumentLanguage([])).toBe('zh');
  });
});

describe('the report of check', () => {
  const problem: Problem = {
    severity: 'error',
    code: 'unknown-province',
    file: 'data/observations/x.csv',
    line: 12,
    column: 1,
    message: "unknown province 'jiangsuu'",
    hint: 'did you mean jiangsu (江苏)?',
    zh: { message: '找不到省份“jiangsuu”', hint: '是不是 jiangsu（江苏）？' },
  };
  const files = [{ file: 'data/observations/x.csv', rows: 12, accepted: 11, rejected: 1 }];

  it('is in Chinese', () => {
    expect(reportText([problem], files).split('\n')).toEqual([
      '错误 data/observations/x.csv:12:1 找不到省份“jiangsuu” —— 是不是 jiangsu（江苏）？',
      '',
      'data/observations/x.csv：读取12行，采用11行，拒收1行',
      '共1个观测数据文件、12行：采用11行，拒收1行。错误1个，警告0个。',
    ]);
  });

  it('is as before in English', () => {
    expect(reportText([problem], files, 'en').split('\n')).toEqual([
      "error   data/observations/x.csv:12:1 unknown province 'jiangsuu' - did you mean jiangsu (江苏)?",
      '',
      'data/observations/x.csv: 12 rows read, 11 accepted, 1 rejected',
      '1 observation files, 12 rows: 11 accepted, 1 rejected. 1 error, 0 warnings.',
    ]);
  });
});
