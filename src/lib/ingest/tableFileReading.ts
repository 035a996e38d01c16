/**
 * What reading one unit return (data/tables/) gave, before its cells meet the
 * rows of other files, held in columns: a national set's 310 tables hold 950k
 * cells, and a cell is three numbers here, not an object. Each cell is a
 * position in the table's list of lines, of columns and of values (the few
 * cells held in full are a position in a list of their own); the lines hold
 * what their cells share (tableCell.ts), and the values are columns of
 * numbers, kinds and text (CellValueColumns), each value once for the cells of
 * the table that write and read it alike. The cells' objects are made when the
 * load files them (src/load/wideTables.ts addTableReading): each holds its line,
 * its column (with the table's values: cellColumns) and its value's position.
 *
 * A build keeps the reading for every table (src/build/incremental/readingCache.ts),
 * as it does for observation files (fileReading.ts). Kept, the columns are
 * binary numbers as they are held (no text to parse, nothing to walk cell by
 * cell; the values as written are one string), the rest JSON before them.
 */
import { internPeriod } from '../period.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import type { CellSink } from './tableLine.ts';
import { cellAt, cellColumns, valueColumns, valueCount, type CellColumn, type CellValue, type CellValueColumns, type TableColumn, type TableLine } from './tableCell.ts';

export interface TableFileReading {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** SHA-256 of the file's bytes, hex: what its page scopes' digests are made of (src/load/scopeDigests.ts). */
  bytesDigest: string;
  /** The header's problems, said before any line's. */
  header: Problem[];
  /** How many lines came through as records. */
  lineCount: number;
  /** The problems of each line that has any, said once each: its number (from 0, in file order), its problems; numbers ascending. */
  problems: Array<[number, Problem[]]>;
  /** Lines refused whole (a problem of the line is an error), by number, ascending; they hold no cells. */
  refused: number[];
  /** What compact cells point into: the lines, the columns and the values they are read with. */
  lines: TableLine[];
  columns: TableColumn[];
  values: CellValueColumns;
  /** The columns as the cells read them: each with `values`. */
  cellColumns: CellColumn[];
  /** The cells held in full (a cell whose line, column or citation reads otherwise than the table's layout says: tableCell.ts). */
  full: Observation[];
  /** Each line's count of filled cells, by line number. */
  cellCount: Int32Array;
  /** Each cell, lines in file order and a line's cells in column order, as three positions: a line, a column and a value; or -1, a position in `full`, 0. */
  cells: Int32Array;
  /** The file's own problems (its encoding, rows of the wrong length), said after its lines'. */
  trailing: Problem[];
}

/** A list that gives each distinct item one position; cells in a row mostly name the item the last one did. */
class Positions<T> {
  readonly #known = new Map<T, number>();
  #last: T | undefined;
  #lastAt = -1;

  constructor(readonly list: T[]) {}

  at(item: T): number {
    if (item === this.#last) return this.#lastAt;
    let at = this.#known.get(item);
    if (at === undefined) {
      at = this.list.push(item) - 1;
      this.#known.set(item, at);
    }
    this.#last = item;
    this.#lastAt = at;
    return at;
  }

  /** Forgets the items given positions from `length` on. */
  truncate(length: number): void {
    for (const item of this.list.splice(length)) this.#known.delete(item);
    this.#last = undefined;
  }
}

/**
 * Puts a table's lines into columns as they are read, in file order: a line's cells as its reader gives
 * them (CellSink), then the line's end. A refused line's cells are taken back, and what only they named,
 * so the lists hold what the kept cells point to.
 */
export class TableReadingBuilder implements CellSink {
  readonly #reading: Omit<TableFileReading, 'rows' | 'bytesDigest' | 'header' | 'trailing' | 'values' | 'cellColumns'> = {
    lineCount: 0,
    problems: [],
    refused: [],
    lines: [],
    columns: [],
    full: [],
    cellCount: new Int32Array(64),
    cells: new Int32Array(3 * 1024),
  };
  readonly #lines = new Positions(this.#reading.lines);
  readonly #columns = new Positions(this.#reading.columns);
  /** The values as read, made columns when the reading is finished. */
  readonly #valueList: CellValue[] = [];
  readonly #values = new Positions(this.#valueList);
  /** The column of a line's k-th cell is nearly always the previous line's k-th cell's: checked, not looked up. */
  readonly #columnOfRank: number[] = [];
  /** Where the next cell goes in `cells`, and where the line being read started there. */
  #next = 0;
  #lineStart = 0;
  /** How long the lists of lines, columns, values and cells in full were when the line being read began. */
  #listsAtLineStart: [lines: number, columns: number, values: number, full: number] = [0, 0, 0, 0];

  /** Makes room for one more cell. */
  #room(): Int32Array {
    const r = this.#reading;
    if (this.#next + 3 > r.cells.length) r.cells = grown(r.cells, this.#next + 3);
    return r.cells;
  }

  compact(line: TableLine, column: TableColumn, value: CellValue): void {
    const cells = this.#room();
    const rank = (this.#next - this.#lineStart) / 3;
    const guess = this.#columnOfRank[rank];
    cells[this.#next] = this.#lines.at(line);
    cells[this.#next + 1] = guess !== undefined && this.#reading.columns[guess] === column ? guess : (this.#columnOfRank[rank] = this.#columns.at(column));
    cells[this.#next + 2] = this.#values.at(value);
    this.#next += 3;
  }

  full(observation: Observation): void {
    const cells = this.#room();
    cells[this.#next] = -1;
    cells[this.#next + 1] = this.#reading.full.push(observation) - 1;
    cells[this.#next + 2] = 0;
    this.#next += 3;
  }

  /** Ends the line whose cells were given: its problems (said once each), and whether it is refused whole, its cells then taken back. */
  endLine(problems: Problem[], refused: boolean): void {
    const r = this.#reading;
    const number = r.lineCount++;
    if (problems.length > 0) r.problems.push([number, problems]);
    if (refused) {
      r.refused.push(number);
      this.#takeBack();
    }
    if (number === r.cellCount.length) r.cellCount = grown(r.cellCount, number);
    r.cellCount[number] = (this.#next - this.#lineStart) / 3;
    this.#lineStart = this.#next;
    this.#listsAtLineStart = [r.lines.length, r.columns.length, this.#valueList.length, r.full.length];
  }

  /** Takes back the cells of the line being read, and the lines, columns, values and cells in full that only they named (those numbered since the line began). */
  #takeBack(): void {
    const [lines, columns, values, full] = this.#listsAtLineStart;
    this.#lines.truncate(lines);
    this.#columns.truncate(columns);
    this.#values.truncate(values);
    this.#reading.full.splice(full);
    this.#next = this.#lineStart;
  }

  /** The reading, once every line is ended. */
  finish(file: Pick<TableFileReading, 'rows' | 'bytesDigest' | 'header' | 'trailing'>): TableFileReading {
    const r = this.#reading;
    const values = valueColumns(this.#valueList);
    return { ...file, ...r, values, cellColumns: cellColumns(r.columns, values), cellCount: r.cellCount.slice(0, r.lineCount), cells: r.cells.slice(0, this.#next) };
  }
}

/** An array with room for at least `needed` items, its items kept: twice as long, or more. */
function grown(array: Int32Array, needed: number): Int32Array {
  const made = new Int32Array(Math.max(2 * array.length, needed + 1));
  made.set(array);
  return made;
}

/** The observation of the cell whose three positions start at `at` in `reading.cells`: made from its line, column and value, or held in full. */
export function cellOf(reading: TableFileReading, at: number): Observation {
  const { cells } = reading;
  const line = cells[at] as number;
  if (line === -1) return reading.full[cells[at + 1] as number] as Observation;
  return cellAt(reading.lines[line] as TableLine, reading.cellColumns[cells[at + 1] as number] as CellColumn, cells[at + 2] as number);
}

const noProblems: readonly Problem[] = Object.freeze([]);

/**
 * Visits each line in file order with its problems, whether it is refused, and where its cells start
 * in `cells` (a position, three to a cell: cellOf) and how many it holds. The problems and the
 * refused lines are listed by line number, ascending, and walked beside the lines.
 */
export function forEachLine(reading: TableFileReading, visit: (problems: readonly Problem[], refused: boolean, first: number, count: number) => void): void {
  const { problems, refused, cellCount } = reading;
  let nextProblems = 0;
  let nextRefused = 0;
  let first = 0;
  for (let number = 0; number < reading.lineCount; number++) {
    const held = problems[nextProblems]?.[0] === number ? (problems[nextProblems++] as [number, Problem[]])[1] : noProblems;
    const isRefused = refused[nextRefused] === number;
    if (isRefused) nextRefused++;
    const count = cellCount[number] as number;
    visit(held, isRefused, first, count);
    first += 3 * count;
  }
}

/** Bumped whenever the layout below changes, so an older kept reading is not misread. */
const format = 3;

/** A line as its cells share it, less the file, which the reader gives. */
type KeptLine = Omit<TableLine, 'file' | 'dataFile'>;

/** The JSON part of a kept reading: all but the cells and the values (their numbers, kinds and text). */
interface Meta {
  format: number;
  kind: 'table';
  rows: number;
  bytesDigest: string;
  header: Problem[];
  trailing: Problem[];
  lineCount: number;
  cellTotal: number;
  valueTotal: number;
  /** The length in bytes (UTF-8) of the values as written, which end the binary part. */
  writtenBytes: number;
  /** Lines refused whole, by number. */
  refused: number[];
  /** The problems of each line that has any: its number, its problems. */
  problems: Array<[number, Problem[]]>;
  keptLines: KeptLine[];
  columns: TableColumn[];
  kinds: CellValueColumns['kinds'];
  full: Observation[];
}

/**
 * Where the binary part keeps its arrays, from its start (8-byte aligned): each value's number and
 * step (float64); each line's count of cells, each cell as three positions (a kept line, a column,
 * a value, or -1, a position in `full`, 0), each value's kind and where each value ends as written (int32);
 * then the values as written, one after another (UTF-8). The text is read into a string of its own: kept
 * in the JSON part, each table's string was a slice of that part's text, and held all of it.
 */
function binaryLayout(meta: Pick<Meta, 'lineCount' | 'cellTotal' | 'valueTotal' | 'writtenBytes'>) {
  const values = meta.valueTotal;
  const numbers = 0;
  const cellCount = numbers + 16 * values;
  const cells = cellCount + 4 * meta.lineCount;
  const kindOf = cells + 12 * meta.cellTotal;
  const writtenEnds = kindOf + 4 * values;
  const written = writtenEnds + 4 * values;
  return { numbers, cellCount, cells, kindOf, writtenEnds, written, end: written + meta.writtenBytes };
}

/** The reading as bytes: the JSON part's length (uint32), the JSON part, padding to 8 bytes, the binary part. */
export function encodeTableReading(reading: TableFileReading): Uint8Array {
  const { values, columns, cells } = reading;
  const written = Buffer.from(values.writtenText, 'utf8');
  const meta: Meta = {
    format,
    kind: 'table',
    rows: reading.rows,
    bytesDigest: reading.bytesDigest,
    header: reading.header,
    trailing: reading.trailing,
    lineCount: reading.lineCount,
    cellTotal: cells.length / 3,
    valueTotal: valueCount(values),
    writtenBytes: written.length,
    refused: reading.refused,
    problems: reading.problems,
    keptLines: reading.lines.map(({ file: _file, dataFile: _dataFile, ...kept }) => kept),
    columns,
    kinds: values.kinds,
    full: reading.full,
  };
  const json = Buffer.from(JSON.stringify(meta));
  const start = Math.ceil((4 + json.length) / 8) * 8;
  const layout = binaryLayout(meta);
  const bytes = new Uint8Array(start + layout.end);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  new Float64Array(bytes.buffer, start + layout.numbers, 2 * meta.valueTotal).set(values.numbers);
  new Int32Array(bytes.buffer, start + layout.cellCount, reading.lineCount).set(reading.cellCount);
  new Int32Array(bytes.buffer, start + layout.cells, cells.length).set(cells);
  new Int32Array(bytes.buffer, start + layout.kindOf, meta.valueTotal).set(values.kindOf);
  new Int32Array(bytes.buffer, start + layout.writtenEnds, meta.valueTotal).set(values.writtenEnds);
  bytes.set(written, start + layout.written);
  return bytes;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isPeriod = (value: unknown) => typeof value === 'object' && value !== null && isText((value as { id?: unknown }).id);

/** Line numbers in ascending order, each once, each of a line there is: as a load walks them beside the lines. */
const ascendingLines = (numbers: readonly unknown[], lineCount: number) =>
  numbers.every((n, i) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < lineCount && (i === 0 || (n as number) > (numbers[i - 1] as number)));

/** Whether the JSON part holds what the cells point into (the seal guards its content; this, its shape). */
function wellFormed(meta: Meta): boolean {
  return (
    Number.isInteger(meta.rows) &&
    Number.isInteger(meta.lineCount) &&
    Number.isInteger(meta.cellTotal) &&
    Number.isInteger(meta.valueTotal) &&
    meta.valueTotal >= 0 &&
    Number.isInteger(meta.writtenBytes) &&
    meta.writtenBytes >= 0 &&
    meta.rows >= meta.lineCount &&
    isText(meta.bytesDigest) &&
    [meta.header, meta.trailing, meta.refused, meta.problems, meta.keptLines, meta.columns, meta.kinds, meta.full].every(Array.isArray) &&
    meta.keptLines.every((l) => Number.isInteger(l.line) && isText(l.label) && isText(l.province) && isText(l.source) && isText(l.note) && isPeriod(l.period)) &&
    meta.columns.every((c) => Number.isInteger(c.column) && isText(c.header) && isText(c.metric) && isText(c.time)) &&
    meta.kinds.every((kind) => Array.isArray(kind) && isText(kind[0]) && (kind[1] === null || isText(kind[1]))) &&
    ascendingLines(meta.refused, meta.lineCount) &&
    ascendingLines(meta.problems.map((held) => (Array.isArray(held) && Array.isArray(held[1]) ? held[0] : -1)), meta.lineCount) &&
    meta.full.every((o) => isText(o.id) && isText(o.province) && isText(o.metric) && isText(o.source) && Number.isFinite(o.value) && isPeriod(o.period) && Number.isInteger(o.at?.line))
  );
}

/**
 * The JSON part and the binary part of a kept reading, the binary part as a buffer and where in it the part
 * starts; undefined when the bytes are not laid out so.
 */
function parts(entry: Uint8Array): { meta: Meta; binary: ArrayBuffer; base: number } | undefined {
  if (entry.length < 4) return undefined;
  const jsonLength = new DataView(entry.buffer, entry.byteOffset, entry.byteLength).getUint32(0, true);
  const start = Math.ceil((4 + jsonLength) / 8) * 8;
  if (start > entry.length) return undefined;
  let meta: Meta;
  try {
    meta = JSON.parse(Buffer.from(entry.buffer, entry.byteOffset + 4, jsonLength).toString('utf8')) as Meta;
  } catch {
    return undefined;
  }
  if (meta?.format !== format || meta.kind !== 'table' || !wellFormed(meta) || entry.length - start !== binaryLayout(meta).end) return undefined;
  return { meta, binary: entry.buffer as ArrayBuffer, base: entry.byteOffset + start };
}

/**
 * The `length` items of type `Kind` at byte `offset` of a buffer, copied out. The values are held for as long
 * as the cells are (through their columns), and a view would hold the whole kept file with them (its JSON part
 * too); the cells' positions are copied too, as a view needs an offset aligned to its item, which a kept file's
 * binary part within a pooled buffer need not have.
 */
function copied<A extends Float64Array | Int32Array>(Kind: { new (length: number): A; BYTES_PER_ELEMENT: number }, buffer: ArrayBuffer, offset: number, length: number): A {
  const made = new Kind(length);
  new Uint8Array(made.buffer).set(new Uint8Array(buffer, offset, length * Kind.BYTES_PER_ELEMENT));
  return made;
}

/**
 * The reading back, for the table as given (`file`, for messages) and its path within the data
 * folder (`dataFile`). Undefined when the bytes are not a table reading of this format, or a cell or a
 * value points outside its lists.
 */
export function decodeTableReading(entry: Uint8Array, file: string, dataFile: string): TableFileReading | undefined {
  const read = parts(entry);
  if (!read) return undefined;
  const { meta, binary, base } = read;
  const layout = binaryLayout(meta);
  const count = meta.valueTotal;
  const values: CellValueColumns = {
    numbers: copied(Float64Array, binary, base + layout.numbers, 2 * count),
    kindOf: copied(Int32Array, binary, base + layout.kindOf, count),
    kinds: meta.kinds,
    writtenText: Buffer.from(binary, base + layout.written, meta.writtenBytes).toString('utf8'),
    writtenEnds: copied(Int32Array, binary, base + layout.writtenEnds, count),
  };
  const cellCount = copied(Int32Array, binary, base + layout.cellCount, meta.lineCount);
  const cells = copied(Int32Array, binary, base + layout.cells, 3 * meta.cellTotal);
  const lines: TableLine[] = meta.keptLines.map((kept) => ({ file, dataFile, ...kept, period: internPeriod(kept.period) }));
  const full = meta.full.map((o) => ({ ...o, period: internPeriod(o.period) }));
  if (!valuesFit(values) || !cellsFit(cellCount, meta.refused, cells, lines.length, meta.columns.length, count, full.length)) return undefined;
  return {
    rows: meta.rows,
    bytesDigest: meta.bytesDigest,
    header: meta.header,
    lineCount: meta.lineCount,
    problems: meta.problems,
    refused: meta.refused,
    lines,
    columns: meta.columns,
    values,
    cellColumns: cellColumns(meta.columns, values),
    full,
    cellCount,
    cells,
    trailing: meta.trailing,
  };
}

/** Whether every value is a finite number and step of a kind there is, and the values as written end in order within their text. */
function valuesFit({ numbers, kindOf, kinds, writtenText, writtenEnds }: CellValueColumns): boolean {
  for (const n of numbers) if (!Number.isFinite(n)) return false;
  for (const kind of kindOf) if (kind < 0 || kind >= kinds.length) return false;
  let end = 0;
  for (const next of writtenEnds) {
    if (next < end) return false;
    end = next;
  }
  return end === writtenText.length;
}

/**
 * Whether the lines' counts of cells add up to the cells, a refused line holds none, and every cell's
 * positions are within their lists: a kept reading is taken whole or not at all.
 */
function cellsFit(cellCount: Int32Array, refused: readonly number[], cells: Int32Array, lines: number, columns: number, values: number, full: number): boolean {
  let total = 0;
  for (const count of cellCount) {
    if (count < 0) return false;
    total += count;
  }
  if (3 * total !== cells.length || refused.some((number) => cellCount[number] !== 0)) return false;
  for (let at = 0; at < cells.length; at += 3) {
    const line = cells[at] as number;
    const second = cells[at + 1] as number;
    const third = cells[at + 2] as number;
    const fits = line === -1 ? second >= 0 && second < full && third === 0 : line >= 0 && line < lines && second >= 0 && second < columns && third >= 0 && third < values;
    if (!fits) return false;
  }
  return true;
}
