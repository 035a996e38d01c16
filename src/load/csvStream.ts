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
import { checkAgain } from './files.ts';
import { BinaryTextError, EncodingError, openText, type OpenedText, type TextEncoding } from './textStream.ts';

export interface CsvStreamResult {
  header: string[];
  /** Data rows seen (blank lines not counted). */
  rows: number;
  problems: Problem[];
  encoding: TextEncoding | undefined;
  /** SHA-256 (hex) of the file's bytes as read and parsed; undefined when the file could not be opened as text. */
  bytesDigest: string | undefined;
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
const conversionHintZh = '请把文件另存为“CSV UTF-8”（Excel：另存为 → CSV UTF-8；WPS：另存为 → CSV，编码选 UTF-8），或者用命令转换：iconv -f GB18030 -t UTF-8 in.csv > out.csv';

/** `dataFile`: the file's path within the data folder, recorded with each row. */
export async function streamCsv(path: string, file: string, onRecord: (record: CsvRecord) => void, dataFile?: string): Promise<CsvStreamResult> {
  const problems: Problem[] = [];
  let opened: OpenedText | undefined;
  try {
    opened = await openText(path);
  } catch (error) {
    // The loaders look at what a path is before reading it (src/load/files.ts); this is a file that changed meanwhile.
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    problems.push({ severity: 'error', code: 'unreadable-file', file, message: `the file cannot be read (${why})`, hint: checkAgain[0], zh: { message: `无法读取文件（${why}）`, hint: checkAgain[1] } });
    return { header: [], rows: 0, problems, encoding: undefined, bytesDigest: undefined };
  }
  if (!opened) {
    problems.push({
      severity: 'error',
      code: 'unknown-encoding',
      file,
      message: 'the file is neither UTF-8, UTF-16 nor GB18030 text',
      hint: conversionHint,
      zh: { message: '文件既不是 UTF-8、UTF-16 文本，也不是 GB18030 文本', hint: conversionHintZh },
    });
    return { header: [], rows: 0, problems, encoding: undefined, bytesDigest: undefined };
  }
  if (opened.encoding !== 'utf-8') {
    const gb = opened.encoding === 'gb18030';
    const name = gb ? 'GB18030 (GBK)' : `UTF-16 (${opened.encoding === 'utf-16le' ? 'little' : 'big'}-endian)`;
    const nameZh = gb ? 'GB18030（GBK）' : `UTF-16（${opened.encoding === 'utf-16le' ? '小端' : '大端'}）`;
    const tabs = opened.delimiter === '\t';
    problems.push({
      severity: 'warning',
      code: 'not-utf8',
      file,
      message: `the file is ${name}${tabs ? ', tab-separated' : ''}; it was read as such`,
      hint: `data format v1 is UTF-8: ${conversionHint.replace('GB18030', gb ? 'GB18030' : 'UTF-16')}`,
      zh: {
        message: `文件是 ${nameZh}编码${tabs ? '、以制表符分隔' : ''}，已按此读取`,
        hint: `数据格式 v1 要求 UTF-8：${conversionHintZh.replace('GB18030', gb ? 'GB18030' : 'UTF-16')}`,
      },
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
        problems.push({ severity: 'error', code: 'empty-file', file, message: 'the file is empty', hint: 'a CSV file starts with its header row', zh: { message: '文件是空的', hint: 'CSV 文件的第一行是表头' } });
      } else if (header !== null && rows === 0) {
        problems.push({
          severity: 'warning',
          code: 'no-rows',
          file,
          line: 1,
          message: 'the file has a header but no data rows',
          hint: 'add rows below the header, or delete the file',
          zh: { message: '文件只有表头，没有数据行', hint: '在表头下面添加数据行，或者删除这个文件' },
        });
      }
      resolve({ header: header ?? [], rows, problems, encoding, bytesDigest: opened.bytesDigest() });
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
          zh: {
            message: `${error.zh}；读到这里就停止了`,
            hint: '请从备份中恢复这个文件，或者在表格软件中重新另存为 CSV UTF-8（因死机或磁盘已满而中断的文件，结尾常是一串零字节）',
          },
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
        zh: {
          message: `${encodingError ? encodingError.zh : `无法读取文件：${error.message}`}；读到这里就停止了`,
          hint: encodingError ? `文件里混用了几种编码：${conversionHintZh}` : '请检查这个文件',
        },
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
              zh: {
                message: `这一行有${fields.length}栏，但表头有${header.length}栏`,
                hint: '含逗号的内容要加引号（"a,b"），每一行每列填一栏',
              },
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
            ...(error.code === 'MissingQuotes'
              ? {
                  message: 'a quoted field is never closed',
                  hint: 'close the quote, or write a literal quote inside a quoted field as ""',
                  zh: { message: '有一栏的引号没有闭合', hint: '补上引号；要在带引号的一栏里写引号本身，请写成 ""' },
                }
              : {
                  message: error.message,
                  hint: 'check the CSV syntax around this line',
                  zh: { message: `CSV 格式有误：${error.message}`, hint: '请检查这一行附近的 CSV 格式' },
                }),
          });
        }
      },
      complete: finish,
      error(error: Error) {
        if (error instanceof EncodingError || error instanceof BinaryTextError) return;
        problems.push({
          severity: 'error',
          code: 'csv-syntax',
          file,
          message: `the file cannot be parsed: ${error.message}`,
          hint: 'check that it is a CSV file',
          zh: { message: `无法解析文件：${error.message}`, hint: '请确认这是 CSV 文件' },
        });
        finish();
      },
    });
  });
}
