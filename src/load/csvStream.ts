/**
 * Streams a CSV file through papaparse in chunk mode and hands on one record
 * per data row with the line it starts on, so memory stays flat however long
 * the file is. Any encoding textStream recognises is read; blank lines are
 * skipped; Excel's ="123" text formulas are unwrapped; rows with the wrong
 * number of fields, unterminated quotes, undecodable bytes and binary content
 * become problems, the first few of each kind listed (src/lib/ingest/problemCap.ts).
 */
import Papa from 'papaparse';
import type { CsvRecord } from '../lib/ingest/csvRecord.ts';
import { ProblemCap } from '../lib/ingest/problemCap.ts';
import { addProblems } from '../lib/problems.ts';
import type { Problem } from '../lib/schema/problem.ts';
import { BinaryTextError, EncodingError, openText, type OpenedText, type TextEncoding } from './textStream.ts';

export interface CsvStreamResult {
  header: string[];
  /** Data rows seen (blank lines not counted). */
  rows: number;
  problems: Problem[];
  encoding: TextEncoding | undefined;
}

const newlines = (text: string): number => {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
};

/** Excel writes ="0123" to keep a value as text; the value is what is inside. */
const excelTextFormula = /^="(.*)"$/su;

function cleanField(value: string): string {
  const trimmed = value.trim();
  // Nearly every field is plain: the regex only runs on the few that may be a formula.
  if (!trimmed.startsWith('="')) return trimmed;
  return (excelTextFormula.exec(trimmed)?.[1] ?? trimmed).trim();
}

const conversionHint = 'save the file as “CSV UTF-8” (Excel: 另存为 → CSV UTF-8；WPS: 另存为 → CSV，编码选 UTF-8), or convert it: iconv -f GB18030 -t UTF-8 in.csv > out.csv';

/** `dataFile`: the file's path within the data folder, recorded with each row. */
export async function streamCsv(path: string, file: string, onRecord: (record: CsvRecord) => void, dataFile?: string): Promise<CsvStreamResult> {
  const problems: Problem[] = [];
  let opened: OpenedText | undefined;
  try {
    opened = await openText(path);
  } catch (error) {
    // The loaders look at what a path is before reading it (src/load/files.ts); this is a file that changed meanwhile.
    problems.push({ severity: 'error', code: 'unreadable-file', file, message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint: 'check that it is there and readable, then run check again' });
    return { header: [], rows: 0, problems, encoding: undefined };
  }
  if (!opened) {
    problems.push({ severity: 'error', code: 'unknown-encoding', file, message: 'the file is neither UTF-8, UTF-16 nor GB18030 text', hint: conversionHint });
    return { header: [], rows: 0, problems, encoding: undefined };
  }
  if (opened.encoding !== 'utf-8') {
    const name = opened.encoding === 'gb18030' ? 'GB18030 (GBK)' : `UTF-16 (${opened.encoding === 'utf-16le' ? 'little' : 'big'}-endian)`;
    problems.push({
      severity: 'warning',
      code: 'not-utf8',
      file,
      message: `the file is ${name}${opened.delimiter === '\t' ? ', tab-separated' : ''}; it was read as such`,
      hint: `data format v1 is UTF-8: ${conversionHint.replace('GB18030', opened.encoding === 'gb18030' ? 'GB18030' : 'UTF-16')}`,
    });
  }

  const encoding = opened.encoding;
  const cap = new ProblemCap();
  const report = (problem: Problem) => {
    if (cap.admit(problem)) problems.push(problem);
  };
  return new Promise((resolve) => {
    let header: string[] | null = null;
    let nextLine = 1;
    let rows = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      addProblems(problems, cap.summaries());
      if (header === null && !problems.some((p) => p.code === 'bad-bytes' || p.code === 'binary-file')) {
        problems.push({ severity: 'error', code: 'empty-file', file, message: 'the file is empty', hint: 'a CSV file starts with its header row' });
      } else if (header !== null && rows === 0) {
        problems.push({ severity: 'warning', code: 'no-rows', file, line: 1, message: 'the file has a header but no data rows', hint: 'add rows below the header, or delete the file' });
      }
      resolve({ header: header ?? [], rows, problems, encoding });
    };
    opened.stream.on('error', (error) => {
      if (error instanceof BinaryTextError) {
        problems.push({
          severity: 'error',
          code: 'binary-file',
          file,
          line: error.line,
          message: `${error.message}; reading stopped there`,
          hint: 'restore the file from a backup, or save it again from the spreadsheet as CSV UTF-8 (a file cut short by a crash or a full disk often ends in zero bytes)',
        });
        finish();
        return;
      }
      const encodingError = error instanceof EncodingError ? error : undefined;
      problems.push({
        severity: 'error',
        code: 'bad-bytes',
        file,
        ...(encodingError ? { line: encodingError.line } : {}),
        message: `${encodingError ? encodingError.message : `the file cannot be read: ${error.message}`}; reading stopped there`,
        hint: encodingError ? `the file mixes encodings: ${conversionHint}` : 'check the file',
      });
      finish();
    });
    Papa.parse<string[]>(opened.stream as unknown as File, {
      delimiter: opened.delimiter,
      skipEmptyLines: false,
      chunk(results) {
        // Rows parsed after the file was found unreadable are not this reading's any more.
        if (settled) return;
        const lines: number[] = [];
        // A row with an unclosed quote is reported once, as a syntax error, not also as a column count.
        const unclosed = new Set(results.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
        // Plain loops: this runs once per row of files with a million rows.
        for (let index = 0; index < results.data.length; index++) {
          const fields = results.data[index] as string[];
          const line = nextLine;
          lines.push(line);
          nextLine++;
          for (const field of fields) nextLine += newlines(field);
          if (fields.every((f) => f.trim() === '')) continue;
          if (header === null) {
            header = fields.map((name, i) => cleanField(i === 0 ? name.replace(/^\uFEFF/u, '') : name));
            continue;
          }
          rows++;
          if (unclosed.has(index)) continue;
          if (fields.length !== header.length) {
            report({
              severity: 'error',
              code: 'column-count',
              file,
              line,
              message: `this row has ${fields.length} fields but the header has ${header.length}`,
              hint: 'quote fields that contain commas ("a,b"), and give every row one field per column',
            });
            continue;
          }
          const values: Record<string, string> = {};
          for (let i = 0; i < header.length; i++) values[header[i] as string] = cleanField(fields[i] ?? '');
          const record: CsvRecord = { file, line, header, fields: values };
          if (dataFile) record.dataFile = dataFile;
          onRecord(record);
        }
        opened.rowOpen(results.data.length === 0);
        for (const error of results.errors) {
          if (error.code === 'UndetectableDelimiter') continue;
          const line = error.row === undefined ? undefined : lines[error.row];
          report({
            severity: 'error',
            code: 'csv-syntax',
            file,
            ...(line === undefined ? {} : { line }),
            message: error.code === 'MissingQuotes' ? 'a quoted field is never closed' : error.message,
            hint: error.code === 'MissingQuotes' ? 'close the quote, or write a literal quote inside a quoted field as ""' : 'check the CSV syntax around this line',
          });
        }
      },
      complete: finish,
      error(error: Error) {
        if (error instanceof EncodingError || error instanceof BinaryTextError) return;
        problems.push({ severity: 'error', code: 'csv-syntax', file, message: `the file cannot be parsed: ${error.message}`, hint: 'check that it is a CSV file' });
        finish();
      },
    });
  });
}
