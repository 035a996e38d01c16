import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvRecord } from '../../src/lib/ingest/csvRecord.ts';
import { streamCsv } from '../../src/load/csvStream.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

async function stream(text: string) {
  const path = join(tempDir(), 'x.csv');
  writeFileSync(path, text);
  const records: CsvRecord[] = [];
  const result = await streamCsv(path, 'x.csv', (r) => records.push(r));
  return { records, ...result };
}

describe('streamCsv', () => {
  it('gives each row the line it starts on, across blank lines and quoted newlines', async () => {
    const { records, rows, problems } = await stream('a,b\n1,2\n\n"x\ny",3\n4,5\n');
    expect(problems).toEqual([]);
    expect(rows).toBe(3);
    expect(records.map((r) => [r.line, r.fields.a])).toEqual([
      [2, '1'],
      [4, 'x\ny'],
      [6, '4'],
    ]);
  });

  it('strips a byte-order mark, CRLF and surrounding spaces', async () => {
    const { records, header } = await stream('\uFEFFa, b \r\n 1 ,2\r\n');
    expect(header).toEqual(['a', 'b']);
    expect(records[0]?.fields).toEqual({ a: '1', b: '2' });
  });

  it('reports rows with the wrong number of fields and unclosed quotes by line', async () => {
    const { records, problems } = await stream('a,b\n1,2,3\n4\n5,6\n"open,7\n');
    expect(records.map((r) => r.line)).toEqual([4]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['column-count', 2],
      ['column-count', 3],
      ['csv-syntax', 5],
    ]);
  });

  it('reports an empty file', async () => {
    const { problems } = await stream('');
    expect(problems.map((p) => p.code)).toEqual(['empty-file']);
  });

  it('keeps line numbers right across stream chunks', async () => {
    const rowsWanted = 50_000;
    const body = Array.from({ length: rowsWanted }, (_, i) => (i % 1000 === 0 ? `"multi\nline",${i}` : `r,${i}`)).join('\n');
    const { records } = await stream(`a,b\n${body}\n`);
    expect(records).toHaveLength(rowsWanted);
    const last = records.at(-1);
    // 1 header line + 50 000 rows + one extra line for each of the 50 two-line fields.
    expect(last?.line).toBe(1 + rowsWanted + 50);
    expect(last?.fields.b).toBe(String(rowsWanted - 1));
  });
});
