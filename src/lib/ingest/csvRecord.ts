import type { z } from 'zod';
import { quoted, withThousands, type Wording } from '../problems.ts';
import type { Problem } from '../schema/problem.ts';
import { schemaIssueZh } from './schemaIssues.ts';

/** One data row of a CSV file, with where it stands: the unit every check points at. */
export interface CsvRecord {
  /** Path as the user gave it, for messages. */
  file: string;
  /** Path within the data folder (observations/x.csv), the same on every machine: what pages show. */
  dataFile?: string;
  /** 1-based line on which the row starts. */
  line: number;
  /** Column names from the header row, as written (trimmed). */
  header: readonly string[];
  /** Field values by column name, trimmed. */
  fields: Readonly<Record<string, string>>;
  /** Where each field stands when it is not a column of its own (a cell of a wide table). */
  columns?: Readonly<Record<string, number>>;
}

/** 1-based column of a field, or undefined when the file has no such column. */
export function columnOf(record: CsvRecord, field: string): number | undefined {
  if (record.columns) return record.columns[field];
  const index = record.header.indexOf(field);
  return index < 0 ? undefined : index + 1;
}

/** An error (or a warning) that points at one field of one row, worded in English and Chinese. */
export function fieldProblem(
  record: CsvRecord,
  field: string,
  code: string,
  wording: Wording,
  severity: Problem['severity'] = 'error',
): Problem {
  const column = columnOf(record, field);
  return {
    severity,
    code,
    file: record.file,
    line: record.line,
    ...(column === undefined ? {} : { column }),
    message: wording.message,
    ...(wording.hint === undefined ? {} : { hint: wording.hint }),
    zh: wording.zh,
  };
}

/**
 * Characters (UTF-16 code units) beyond which a field is not handed to its schema: above every
 * limit of data format v1 (aliases, 2000 characters), far below what an unclosed quote can swallow.
 * The schemas count characters by spreading the text into an array, which for a 50 MB field
 * costs gigabytes.
 */
const longestField = 10_000;

/** Validates a row against its schema; every failing field becomes one problem. */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  record: CsvRecord,
  problems: Problem[],
): z.infer<S> | undefined {
  let fields = record.fields;
  const overlong = Object.keys(fields).filter((field) => (fields[field] ?? '').length > longestField);
  if (overlong.length > 0) {
    for (const field of overlong) {
      const written = fields[field] ?? '';
      problems.push(fieldProblem(record, field, 'invalid-field', {
        message: `${field} ${quoted(written)} is ${withThousands(written.length)} characters long; no field may hold more than 2,000`,
        hint: 'a field this long is most often a quote (") left open, which swallows the rows after it: close it; else cut the text to what the column holds',
        zh: {
          message: `${field} 列的${quoted(written, 'zh')}长达${withThousands(written.length)}个字符，一栏最多只能有2,000个字符`,
          hint: '这么长的一栏多半是引号（"）没有闭合，把后面的行都吞了进去：请补上引号；否则把文字删减到这一栏容许的长度',
        },
      }));
    }
    // The rest of the row is still checked; what the schema says of the stand-ins is not: their fault is said.
    fields = { ...fields, ...Object.fromEntries(overlong.map((field) => [field, 'x'])) };
  }
  const result = schema.safeParse(fields);
  if (result.success) return overlong.length > 0 ? undefined : result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (overlong.includes(field)) continue;
    const written = fields[field] ?? '';
    problems.push(fieldProblem(record, field, 'invalid-field', {
      message: `${field} ${quoted(written)}: ${issue.message}`,
      zh: { message: `${field} 列的${quoted(written, 'zh')}：${schemaIssueZh(issue)}` },
    }));
  }
  return undefined;
}

/** Problems with a header: required columns missing (errors), unknown columns (warnings: later versions may add columns). */
export function checkHeader(
  file: string,
  header: readonly string[],
  required: readonly string[],
  optional: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      code: 'missing-column',
      file,
      line: 1,
      message: `the header lacks ${missing.map((m) => `'${m}'`).join(', ')}`,
      hint: `the header row of this file is: ${[...required, ...optional].join(',')}`,
      zh: {
        message: `表头缺少${missing.map((m) => `“${m}”`).join('、')}列`,
        hint: `这个文件的表头应为：${[...required, ...optional].join(',')}`,
      },
    });
  }
  header.forEach((name, index) => {
    if (![...required, ...optional].includes(name)) {
      problems.push({
        severity: 'warning',
        code: 'unknown-column',
        file,
        line: 1,
        column: index + 1,
        message: `column ${quoted(name)} is not part of data format v1 and is ignored`,
        hint: `expected columns: ${[...required, ...optional].join(',')}`,
        zh: {
          message: `${quoted(name, 'zh')}列不属于数据格式 v1，已忽略`,
          hint: `可以有的列：${[...required, ...optional].join(',')}`,
        },
      });
    }
  });
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (seen.has(name)) {
      problems.push({
        severity: 'error',
        code: 'duplicate-column',
        file,
        line: 1,
        column: index + 1,
        message: `column ${quoted(name)} appears twice`,
        hint: 'remove one of them',
        zh: { message: `${quoted(name, 'zh')}列出现了两次`, hint: '删去其中一列' },
      });
    }
    seen.add(name);
  });
  return problems;
}
