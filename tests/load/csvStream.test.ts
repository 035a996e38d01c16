import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvRecord } from '../../src/lib/ingest/csvRecord.ts';
import { streamCsv } from '../../src/load/csvStream.ts';
import { openText } from '../../src/load/textStream.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

async function stream(text: string | Buffer) {
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

  it('digests the bytes it read: the whole file, over many chunks', async () => {
    const text = `a,b\n${Array.from({ length: 20_000 }, (_, i) => `${i},单位${i}`).join('\n')}\n`;
    const { bytesDigest, rows } = await stream(text);
    expect(rows).toBe(20_000);
    expect(bytesDigest).toBe(createHash('sha256').update(Buffer.from(text)).digest('hex'));
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

  it('lists ten problems of a kind and counts the rest in one', async () => {
    const { problems, rows } = await stream(`a,b\n${'1\n'.repeat(130_000)}`);
    expect(rows).toBe(130_000);
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)).toMatchObject({ code: 'column-count', line: 12, message: '… and 129,990 more rows like this (column-count)', omitted: 129_990 });
  });

  it('refuses NUL bytes and text full of control characters as binary, naming the line', async () => {
    const zeros = await stream(Buffer.concat([Buffer.from('a,b\n1,2\n'), Buffer.alloc(100)]));
    expect(zeros.problems.map((p) => [p.code, p.line, p.severity])).toEqual([['binary-file', 3, 'error']]);
    const controls = await stream(`a,b\n1,${'\u0001\u0002'.repeat(20)}\n`);
    expect(controls.problems.map((p) => [p.code, p.line])).toEqual([['binary-file', 2]]);
    expect(controls.problems[0]?.message).toContain('40 control characters in');
  });

  it('leaves a stray control character to the field it is in', async () => {
    const { records, problems } = await stream('a,b\n1,x\u0007y\n');
    expect(problems).toEqual([]);
    expect(records[0]?.fields.b).toBe('x\u0007y');
  });

  it('reads UTF-16 without a byte-order mark: its zero bytes are no binary', async () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const bytes = Buffer.from('a\tb\r\n1\t党支部\r\n', 'utf16le');
      if (encoding === 'utf16be') bytes.swap16();
      const { records, problems } = await stream(bytes);
      expect(problems.map((p) => p.code)).toEqual(['not-utf8']);
      expect(records[0]?.fields).toEqual({ a: '1', b: '党支部' });
    }
  });

  it('says a folder cannot be read instead of throwing', async () => {
    const path = join(tempDir(), 'x.csv');
    mkdirSync(path);
    const { problems } = await streamCsv(path, 'x.csv', () => undefined);
    expect(problems.map((p) => [p.code, p.message])).toEqual([['unreadable-file', 'the file cannot be read (EISDIR)']]);
  });

  it('hands on longer chunks while a row stays open, so a huge field is parsed in linear time', async () => {
    const path = join(tempDir(), 'x.csv');
    writeFileSync(path, 'a'.repeat(4 << 20));
    const opened = await openText(path);
    const lengths: number[] = [];
    for await (const chunk of opened?.stream ?? []) {
      lengths.push((chunk as string).length);
      opened?.rowOpen(true);
    }
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(4 << 20);
    // Each chunk at least twice the one before, but the last: a handful, not 64 of 64 KiB.
    expect(lengths.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < lengths.length - 1; i++) expect(lengths[i]).toBeGreaterThanOrEqual(2 * (lengths[i - 1] ?? 0));
  });
});
