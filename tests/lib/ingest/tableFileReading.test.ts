import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSources } from '../../../src/lib/ingest/catalog.ts';
import type { CsvRecord } from '../../../src/lib/ingest/csvRecord.ts';
import { readObservation } from '../../../src/lib/ingest/observations.ts';
import { tableCell, valueCount, writtenAt, type CellValues } from '../../../src/lib/ingest/tableCell.ts';
import { cellOf, decodeTableReading, encodeTableReading, forEachLine, TableReadingBuilder, type TableFileReading } from '../../../src/lib/ingest/tableFileReading.ts';
import { ObservationStore } from '../../../src/lib/ingest/observationStore.ts';
import { readTableLine, tableReading } from '../../../src/lib/ingest/tableLine.ts';
import { tableSource } from '../../../src/lib/ingest/tableSource.ts';
import { cellRecord, lineCells, readWideHeader } from '../../../src/lib/ingest/wideTable.ts';
import { period } from '../../../src/lib/period.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { linesOf } from '../../helpers/tableReading.ts';
import { files, testCatalog } from '../../helpers/tables.ts';

const y2020 = period('2020');
const base = testCatalog();
const hainan = base.provinceIndex.resolve('hainan')?.item;
if (!hainan) throw new Error('test catalog without hainan');
const defaultSource = tableSource(hainan, y2020);
const catalog = withSources(base, [defaultSource]);
const file = 'data/tables/hainan/2020.csv';
const dataFile = 'tables/hainan/2020.csv';
const header = ['单位', 'cases-filed', '培训人次', '达标率', '模范机关', '备注'];

const record = (row: string[], line: number): CsvRecord => ({ file, dataFile, line, header, fields: Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])) });

/** A reading's values as written, in order. */
const writtenValues = (reading: TableFileReading) => Array.from({ length: valueCount(reading.values) }, (_, v) => writtenAt(reading.values, v));

/** Every field of an observation, as a page or a hash reads it. */
const fieldsOf = (o: Observation) => JSON.parse(JSON.stringify(o)) as unknown;

/** A table's reading as a load makes it (src/load/wideTables.ts readTableFile), from rows in memory. */
function readingOf(rows: string[][], values: CellValues): TableFileReading {
  const { layout, problems: headerProblems } = readWideHeader(file, header, catalog, files.metrics);
  const table = tableReading(hainan!, y2020, defaultSource.id, layout, catalog, values);
  const builder = new TableReadingBuilder();
  rows.forEach((row, i) => {
    const found: Problem[] = [];
    readTableLine(record(row, i + 2), table, catalog, files, found, builder);
    // A warning on the second line: a line kept with a problem, between one without and one refused.
    if (i === 1) found.push({ severity: 'warning', code: 'test-warning', file, line: i + 2, message: 'a warning', zh: { message: '一个警告' } });
    builder.endLine(found, found.some((p) => p.severity === 'error'));
  });
  // A cell held in full, as a cell whose line reads otherwise than its table's layout is kept.
  const cells = lineCells(record(['省高院', '5'], 9), layout, hainan!, defaultSource.id);
  const spec = layout.metricColumns[0];
  if (!spec) throw new Error('no metric column');
  const full = readObservation(cellRecord(record(['省高院', '5'], 9), cells, hainan!, y2020, spec, '5'), catalog, files, []);
  if (!full) throw new Error('the cell read in full did not read');
  builder.full(full);
  builder.endLine([], false);
  return builder.finish({ rows: rows.length + 2, bytesDigest: 'ab'.repeat(32), header: headerProblems, trailing: [{ severity: 'warning', code: 'wrong-field-count', file, line: 12, message: 'row 12 has 3 fields', zh: { message: '第12行有3个字段' } }] });
}

const rows = [
  ['省公安厅', '78', '1800余', '95.5%', '2', ''],
  ['省高院', '78', '约3000', '96%', '', '含轮训'],
  // An error of the line itself: the line is refused whole.
  ['不存在的单位', '3', '40', '90%', '1', ''],
  // A later cell that does not read: an error too, and the line is refused.
  ['省人民检察院', '12', '很多', '88%', '1', ''],
];

describe('a unit return reading kept and read back', () => {
  it('gives back every line: its problems, its cells (compact or in full) and whether it was refused', () => {
    const reading = readingOf(rows, new Map());
    const back = decodeTableReading(encodeTableReading(reading), file, dataFile);
    expect(back).toBeDefined();
    expect(back?.rows).toBe(reading.rows);
    expect(back?.bytesDigest).toBe(reading.bytesDigest);
    expect(back?.header).toEqual(reading.header);
    expect(back?.trailing).toEqual(reading.trailing);
    if (!back) return;
    const [read, kept] = [linesOf(reading), linesOf(back)];
    expect(kept.map((l) => l.problems)).toEqual(read.map((l) => l.problems));
    // The lines with problems: the second (its warning), the unknown unit's and the unreadable value's.
    expect(kept.map((l) => l.problems.length > 0)).toEqual([false, true, true, true, false]);
    expect(kept.map((l) => l.observations?.map(fieldsOf))).toEqual(read.map((l) => l.observations?.map(fieldsOf)));
    expect(kept.map((l) => l.observations === undefined)).toEqual([false, false, true, true, false]);
    expect(kept.map((l) => l.observations?.length)).toEqual([4, 3, undefined, undefined, 1]);
    // Ids and places too, which are made when asked.
    expect(kept[0]?.observations?.map((o) => [o.id, o.at])).toEqual(read[0]?.observations?.map((o) => [o.id, o.at]));
    // A value is held once for the cells that write and read it alike: the two cells of 78 name one.
    const [first, second] = [kept[0]?.observations?.[0], kept[1]?.observations?.[0]];
    expect(first?.written).toBe('78');
    expect(second?.value).toBe(78);
    expect(back.cells[2]).toBe(back.cells[3 * 4 + 2]);
    expect(writtenValues(back).filter((w) => w === '78')).toHaveLength(1);
    expect(writtenValues(back)).toEqual(writtenValues(reading));
    expect([...back.values.numbers]).toEqual([...reading.values.numbers]);
  });

  it('takes a refused line back whole: its cells, and the line and values only they named', () => {
    const reading = readingOf(rows, new Map());
    // The fourth line read its first cell (12) before its second (很多) failed: neither it nor 12 is left.
    expect(reading.refused).toEqual([2, 3]);
    expect(reading.lines.map((l) => l.label)).toEqual(['省公安厅', '省高院']);
    expect(writtenValues(reading)).not.toContain('12');
    // Every line, column, value and cell in full is named by a kept cell, and by the first one that names it in order.
    const named = { lines: new Set<number>(), columns: new Set<number>(), values: new Set<number>(), full: new Set<number>() };
    for (let at = 0; at < reading.cells.length; at += 3) {
      const [line, second, third] = [reading.cells[at], reading.cells[at + 1], reading.cells[at + 2]] as [number, number, number];
      if (line === -1) {
        named.full.add(second);
        continue;
      }
      expect(line).toBeLessThanOrEqual(named.lines.size);
      expect(third).toBeLessThanOrEqual(named.values.size);
      named.lines.add(line);
      named.columns.add(second);
      named.values.add(third);
    }
    expect([named.lines.size, named.columns.size, named.values.size, named.full.size]).toEqual([reading.lines.length, reading.columns.length, valueCount(reading.values), reading.full.length]);
  });

  it('refuses bytes that are not a reading of its layout: cut short, lengthened, another format, a cell pointing outside its lists', () => {
    const bytes = encodeTableReading(readingOf(rows, new Map()));
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    const meta = Buffer.from(bytes.subarray(4, 4 + jsonLength)).toString('utf8');
    const withMeta = (changed: string) => {
      const json = Buffer.from(changed);
      const out = new Uint8Array(bytes.length);
      out.set(bytes);
      if (json.length !== jsonLength) throw new Error('the change must keep the length');
      out.set(json, 4);
      return out;
    };
    const start = Math.ceil((4 + jsonLength) / 8) * 8;
    /** The bytes with the int32 at `offset` of the binary part set to `value`. */
    const withInt = (offset: number, value: number, out = new Uint8Array(bytes)) => {
      new DataView(out.buffer).setInt32(start + offset, value, true);
      return out;
    };
    const values = JSON.parse(meta) as { valueTotal: number; lineCount: number };
    const writtenLength = writtenValues(readingOf(rows, new Map())).join('').length;
    const countsAt = 16 * values.valueTotal;
    const kindsAt = countsAt + 4 * values.lineCount + 12 * (JSON.parse(meta) as { cellTotal: number }).cellTotal;
    const endsAt = kindsAt + 4 * values.valueTotal;
    const cellsAt = countsAt + 4 * values.lineCount;
    expect(meta).toContain('"refused":[2,3]');
    const spoilt = {
      empty: new Uint8Array(0),
      'cut short': bytes.subarray(0, bytes.length - 4),
      lengthened: new Uint8Array([...bytes, 0, 0, 0, 0]),
      'another format': withMeta(meta.replace('"format":3', '"format":9')),
      'another kind': withMeta(meta.replace('"kind":"table"', '"kind":"tabel"')),
      'a line out of range': withInt(cellsAt, 999),
      'a column out of range': withInt(cellsAt + 4, 999),
      'a value out of range': withInt(cellsAt + 8, -5),
      'a line with more cells than there are': withInt(countsAt, 1000),
      'a value of a kind there is not': withInt(kindsAt, 7),
      'a value written past the end of the text': withInt(endsAt + 4 * (values.valueTotal - 1), writtenLength + 1),
      'values written out of order': withInt(endsAt, writtenLength),
      // The first line's last cell counted as the refused third line's: the same number of cells in all.
      'a refused line holding a cell': withInt(countsAt + 8, 1, withInt(countsAt, 3)),
      'refused lines out of order': withMeta(meta.replace('"refused":[2,3]', '"refused":[3,2]')),
      'a refused line that is not there': withMeta(meta.replace('"refused":[2,3]', '"refused":[2,9]')),
    };
    for (const [name, entry] of Object.entries(spoilt)) expect(decodeTableReading(entry, file, dataFile), name).toBeUndefined();
    expect(decodeTableReading(bytes, file, dataFile)).toBeDefined();
  });
});

describe('a unit return reading filed in the store a line at a time', () => {
  it('keeps and turns away the cells add would, with the same problems in the same order, and files them alike', () => {
    const reading = readingOf(rows, new Map());
    // A committee file gives the first line's 立案 again (a warning) and its 培训人次 otherwise (an error): repeats found at the line's cells.
    const before = (): Observation[] => {
      const first = cellOf(reading, 0);
      const second = cellOf(reading, 3);
      const elsewhere = (o: Observation, value: number, written: string): Observation => ({ ...(JSON.parse(JSON.stringify(o)) as Observation), period: y2020, id: 'observations/hainan.csv:4', at: { file: 'data/observations/hainan.csv', dataFile: 'observations/hainan.csv', line: 4, column: 5 }, value, written });
      return [elsewhere(first, first.value, first.written), elsewhere(second, second.value + 1, `${second.value + 1}`)];
    };
    const each = new ObservationStore();
    const byLine = new ObservationStore();
    const eachProblems: Problem[] = [];
    const lineProblems: Problem[] = [];
    for (const o of before()) {
      each.add(o, eachProblems);
      byLine.add(o, lineProblems);
    }
    const eachKept: string[] = [];
    const eachAway: string[] = [];
    const lineKept: string[] = [];
    const lineAway: string[] = [];
    const eachMetrics = new Set<string>();
    const lineMetrics = new Set<string>();
    const slots = byLine.columnSlots(reading.columns);
    const keptColumns = new Uint8Array(reading.columns.length);
    forEachLine(reading, (_problems, refused, first, count) => {
      if (refused) return;
      for (let at = first; at < first + 3 * count; at += 3) {
        const o = cellOf(reading, at);
        const kept = each.add(o, eachProblems);
        (kept ? eachKept : eachAway).push(o.id);
        if (kept) eachMetrics.add(o.metric);
      }
      const told = (o: Observation) => {
        lineKept.push(o.id);
        lineMetrics.add(o.metric);
      };
      byLine.addTableLine(reading, first, count, slots, keptColumns, lineProblems, told, (o) => lineAway.push(o.id));
    });
    expect(eachAway.length).toBeGreaterThanOrEqual(3);
    expect(lineAway).toEqual(eachAway);
    expect(lineProblems.map((p) => [p.code, p.line, p.column, p.message])).toEqual(eachProblems.map((p) => [p.code, p.line, p.column, p.message]));
    expect(new Set(lineProblems.map((p) => p.code))).toEqual(new Set(['repeated-figure', 'conflicting-rows']));
    expect(byLine.values().map((o) => o.id)).toEqual(each.values().map((o) => o.id));
    // Of a line's compact cells, the first kept is told (the rest share its line); a cell in full is told itself.
    expect(lineKept.every((id) => eachKept.includes(id))).toBe(true);
    expect(new Set(lineKept.map((id) => id.split(':')[1]))).toEqual(new Set(eachKept.map((id) => id.split(':')[1])));
    // The metrics of the cells kept: those told, and those of the columns marked.
    reading.columns.forEach((column, at) => {
      if (keptColumns[at] === 1) lineMetrics.add(column.metric);
    });
    expect([...lineMetrics].sort()).toEqual([...eachMetrics].sort());
  });
});

describe('TableReadingBuilder, for any mix of lines', () => {
  // What a table's lines may name: two lines' shared parts, three columns, four values, and cells held in full.
  const lineParts = ['省公安厅', '省高院'].map((label, i) => ({ file, dataFile, line: i + 2, label, province: 'hainan', unit: null, period: y2020, source: defaultSource.id, note: '' }));
  const columns = ['cases-filed', 'training-attendance', 'compliance-rate'].map((metric, i) => ({ column: i + 2, header: metric, metric, time: 'stock' as const }));
  const values = ['1', '2', '3', '4'].map((written) => ({ written, value: Number(written), step: 1, qualifier: 'exact' as const, measureWord: null }));
  const fullCells = [0, 1, 2].map((i) => ({ ...JSON.parse(JSON.stringify(tableCellOf(0, 0, 0))), id: `${dataFile}:${20 + i}:2`, at: { file, dataFile, line: 20 + i, column: 2 }, period: y2020 }) as Observation);
  function tableCellOf(line: number, column: number, value: number): Observation {
    return tableCell(lineParts[line]!, columns[column]!, values[value]!);
  }
  const cellArbitrary = fc.oneof(
    { weight: 4, arbitrary: fc.record({ full: fc.constant(false), line: fc.nat(1), column: fc.nat(2), value: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ full: fc.constant(true), line: fc.constant(0), column: fc.constant(0), value: fc.nat(2) }) },
  );
  const lineArbitrary = fc.record({ cells: fc.array(cellArbitrary, { maxLength: 5 }), warned: fc.boolean(), refused: fc.boolean() });
  const problem = (line: number): Problem => ({ severity: 'warning', code: 'test', file, line, message: `line ${line}`, zh: { message: `第${line}行` } });

  it('gives back each line as it was given, a refused one without cells, and lists only what kept cells name, kept and read back alike', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { maxLength: 12 }), (given) => {
        const builder = new TableReadingBuilder();
        const expected = given.map((line, number) => {
          const cells = line.cells.map((c) => (c.full ? fullCells[c.value]! : tableCellOf(c.line, c.column, c.value)));
          for (const c of line.cells) {
            if (c.full) builder.full(fullCells[c.value]!);
            else builder.compact(lineParts[c.line]!, columns[c.column]!, values[c.value]!);
          }
          const problems = line.warned || line.refused ? [problem(number)] : [];
          builder.endLine(problems, line.refused);
          return { problems, observations: line.refused ? undefined : cells.map(fieldsOf) };
        });
        const reading = builder.finish({ rows: given.length, bytesDigest: 'cd'.repeat(32), header: [], trailing: [] });
        const asGiven = (r: TableFileReading) => linesOf(r).map((l) => ({ problems: l.problems, observations: l.observations?.map(fieldsOf) }));
        expect(asGiven(reading)).toEqual(expected);
        // Every list item is named by a kept cell.
        const kept = given.filter((l) => !l.refused).flatMap((l) => l.cells);
        const compact = kept.filter((c) => !c.full);
        expect(reading.lines.length).toBe(new Set(compact.map((c) => c.line)).size);
        expect(reading.columns.length).toBe(new Set(compact.map((c) => c.column)).size);
        expect(valueCount(reading.values)).toBe(new Set(compact.map((c) => c.value)).size);
        expect(reading.full.length).toBe(kept.length - compact.length);
        const back = decodeTableReading(encodeTableReading(reading), file, dataFile);
        expect(back && asGiven(back)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
