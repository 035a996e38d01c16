/**
 * Streams a CSV file through papaparse in chunk mode and hands on one record
 * per data row with the line it starts on, so memory stays flat however long
 * the file is. Blank lines are skipped; rows with the wrong number of fields
 * and unterminated quotes become problems.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { CsvRecord } from '../lib/ingest/csvRecord.ts';
import type { Problem } from '../lib/schema/problem.ts';

export interface CsvStreamResult {
  header: string[];
  /** Data rows seen (blank lines not counted). */
  rows: number;
  problems: Problem[];
}

const newlines = (text: string): number => {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
};

export function streamCsv(path: string, file: string, onRecord: (record: CsvRecord) => void): Promise<CsvStreamResult> {
  return new Promise((resolve, reject) => {
    const problems: Problem[] = [];
    let header: string[] | null = null;
    let nextLine = 1;
    let rows = 0;
    const input = createReadStream(path, { encoding: 'utf8' });
    input.on('error', reject);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: ',',
      skipEmptyLines: false,
      chunk(results) {
        const lines: number[] = [];
        // A row with an unclosed quote is reported once, as a syntax error, not also as a column count.
        const unclosed = new Set(results.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
        for (const [index, fields] of results.data.entries()) {
          const line = nextLine;
          lines.push(line);
          nextLine += 1 + fields.reduce((n, f) => n + newlines(f), 0);
          if (fields.length === 1 && fields[0]?.trim() === '') continue;
          if (header === null) {
            header = fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/u, '') : name).trim());
            continue;
          }
          rows++;
          if (unclosed.has(index)) continue;
          if (fields.length !== header.length) {
            problems.push({
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
          header.forEach((name, i) => {
            values[name] = (fields[i] ?? '').trim();
          });
          onRecord({ file, line, header, fields: values });
        }
        for (const error of results.errors) {
          if (error.code === 'UndetectableDelimiter') continue;
          const line = error.row === undefined ? undefined : lines[error.row];
          problems.push({
            severity: 'error',
            code: 'csv-syntax',
            file,
            ...(line === undefined ? {} : { line }),
            message: error.code === 'MissingQuotes' ? 'a quoted field is never closed' : error.message,
            hint: error.code === 'MissingQuotes' ? 'close the quote, or write a literal quote inside a quoted field as ""' : 'check the CSV syntax around this line',
          });
        }
      },
      complete() {
        if (header === null) {
          problems.push({ severity: 'error', code: 'empty-file', file, message: 'the file is empty', hint: 'a CSV file starts with its header row' });
        }
        resolve({ header: header ?? [], rows, problems });
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}
