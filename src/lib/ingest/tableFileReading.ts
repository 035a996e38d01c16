/**
 * What reading one unit return (data/tables/) gave, before its cells meet the
 * rows of other files: each line's problems and observations, in file order.
 * A build keeps this for every table (src/build/incremental/readingCache.ts),
 * as it does for observation files (fileReading.ts): a national set's 310 tables
 * hold 950k cells, and reviving them from columns costs a fraction of parsing
 * and checking them cell by cell again.
 *
 * A cell held compact (tableCell.ts) is kept as its line, its column and its
 * value, each written once per table; the few cells held in full are kept whole.
 * The cells and the values' numbers, a table's bulk, are kept as binary numbers
 * (no text to parse), the rest as JSON before them.
 */
import { internPeriod } from '../period.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { cellValueOf, tableCell, tableCellParts, type CellValue, type CellValues, type TableColumn, type TableLine } from './tableCell.ts';

export interface TableLineReading {
  /** The line's own problems, each said once. */
  problems: Problem[];
  /** Its filled cells' observations in column order; undefined when a problem of the line is an error, and the line is refused whole. */
  observations: Observation[] | undefined;
}

export interface TableFileReading {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** SHA-256 of the file's bytes, hex: what its page scopes' digests are made of (src/load/scopeDigests.ts). */
  bytesDigest: string;
  /** The header's problems, said before any line's. */
  header: Problem[];
  /** Every line that came through as a record, in file order. */
  lines: TableLineReading[];
  /** The file's own problems (its encoding, rows of the wrong length), said after its lines'. */
  trailing: Problem[];
}

/** Bumped whenever the layout below changes, so an older kept reading is not misread. */
const format = 2;

/** A line as its cells share it, less the file, which the reader gives. */
type KeptLine = Omit<TableLine, 'file' | 'dataFile'>;

/** The JSON part of a kept reading: all but the cells and the values' numbers. */
interface Meta {
  format: number;
  kind: 'table';
  rows: number;
  bytesDigest: string;
  header: Problem[];
  trailing: Problem[];
  lineCount: number;
  cellTotal: number;
  /** Lines refused whole, by number. */
  refused: number[];
  /** The problems of each line that has any: its number, its problems. */
  problems: Array<[number, Problem[]]>;
  keptLines: KeptLine[];
  columns: TableColumn[];
  /** Each value as written; its number and step, and its kind, are in the binary part. */
  written: string[];
  /** What values share: the metric of the column a value was first read in, its qualifier, its measure word. */
  kinds: Array<[metric: string, qualifier: CellValue['qualifier'], measureWord: string | null]>;
  full: Observation[];
}

/**
 * Where the binary part keeps its arrays, from its start (8-byte aligned): each value's number and
 * step (float64); each line's count of cells, each cell as three positions (a kept line, a column,
 * a value, or -1, a position in `full`, 0), and each value's kind (int32).
 */
function binaryLayout(meta: Pick<Meta, 'lineCount' | 'cellTotal' | 'written'>) {
  const values = meta.written.length;
  const numbers = 0;
  const cellCount = numbers + 16 * values;
  const cells = cellCount + 4 * meta.lineCount;
  const valueKinds = cells + 12 * meta.cellTotal;
  return { numbers, cellCount, cells, valueKinds, end: valueKinds + 4 * values };
}

/** A list that gives each distinct item one position; cells in a row mostly name the item the last one did. */
function positions<T>(): { list: T[]; at(item: T): number } {
  const list: T[] = [];
  const known = new Map<T, number>();
  let last: T | undefined;
  let lastAt = -1;
  return {
    list,
    at(item) {
      if (item === last) return lastAt;
      let at = known.get(item);
      if (at === undefined) {
        at = list.push(item) - 1;
        known.set(item, at);
      }
      last = item;
      lastAt = at;
      return at;
    },
  };
}

/** The reading as bytes: the JSON part's length (uint32), the JSON part, padding to 8 bytes, the binary part. */
export function encodeTableReading(reading: TableFileReading): Uint8Array {
  const lines = positions<TableLine>();
  const columns = positions<TableColumn>();
  const values = positions<CellValue>();
  // Each value's kind, found when the value is first met: the metric of its column, its qualifier, its measure word.
  const kinds: Meta['kinds'] = [];
  const kindKeys = positions<string>();
  const valueKinds: number[] = [];
  const full: Observation[] = [];
  const refused: number[] = [];
  const problems: Meta['problems'] = [];
  // Written straight into typed arrays: a national set's tables hold 950k cells, three numbers each.
  let cellTotal = 0;
  for (const line of reading.lines) cellTotal += line.observations?.length ?? 0;
  const cellCount = new Int32Array(reading.lines.length);
  const cells = new Int32Array(3 * cellTotal);
  // The column of a line's k-th cell is nearly always the previous line's k-th cell's: checked, not looked up.
  const columnOfRank: number[] = [];
  let next = 0;
  reading.lines.forEach((line, number) => {
    if (line.problems.length > 0) problems.push([number, line.problems]);
    if (!line.observations) refused.push(number);
    const observations = line.observations ?? [];
    cellCount[number] = observations.length;
    for (let rank = 0; rank < observations.length; rank++, next += 3) {
      const o = observations[rank] as Observation;
      const parts = tableCellParts(o);
      if (!parts) {
        cells[next] = -1;
        cells[next + 1] = full.push(o) - 1;
        cells[next + 2] = 0;
        continue;
      }
      const [heldLine, column, value] = parts;
      const guess = columnOfRank[rank];
      const columnAt = guess !== undefined && columns.list[guess] === column ? guess : (columnOfRank[rank] = columns.at(column));
      const known = values.list.length;
      const at = values.at(value);
      if (at === known) {
        // A key of the three, made with separators no id or measure word holds (\u0001 standing for no measure word).
        const kind = kindKeys.at(`${column.metric}\u0000${value.qualifier}\u0000${value.measureWord ?? '\u0001'}`);
        if (kind === kinds.length) kinds.push([column.metric, value.qualifier, value.measureWord]);
        valueKinds.push(kind);
      }
      cells[next] = lines.at(heldLine);
      cells[next + 1] = columnAt;
      cells[next + 2] = at;
    }
  });
  const meta: Meta = {
    format,
    kind: 'table',
    rows: reading.rows,
    bytesDigest: reading.bytesDigest,
    header: reading.header,
    trailing: reading.trailing,
    lineCount: reading.lines.length,
    cellTotal,
    refused,
    problems,
    keptLines: lines.list.map(({ file: _file, dataFile: _dataFile, ...kept }) => kept),
    columns: columns.list,
    written: values.list.map((v) => v.written),
    kinds,
    full,
  };
  const json = Buffer.from(JSON.stringify(meta));
  const start = Math.ceil((4 + json.length) / 8) * 8;
  const layout = binaryLayout(meta);
  const bytes = new Uint8Array(start + layout.end);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  const numbers = new Float64Array(bytes.buffer, start + layout.numbers, 2 * values.list.length);
  values.list.forEach((v, at) => {
    numbers[2 * at] = v.value;
    numbers[2 * at + 1] = v.step;
  });
  new Int32Array(bytes.buffer, start + layout.cellCount, cellCount.length).set(cellCount);
  new Int32Array(bytes.buffer, start + layout.cells, cells.length).set(cells);
  new Int32Array(bytes.buffer, start + layout.valueKinds, valueKinds.length).set(valueKinds);
  return bytes;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isPeriod = (value: unknown) => typeof value === 'object' && value !== null && isText((value as { id?: unknown }).id);

/** Whether the JSON part holds what the cells point into (the seal guards its content; this, its shape). */
function wellFormed(meta: Meta): boolean {
  return (
    Number.isInteger(meta.rows) &&
    Number.isInteger(meta.lineCount) &&
    Number.isInteger(meta.cellTotal) &&
    meta.rows >= meta.lineCount &&
    isText(meta.bytesDigest) &&
    [meta.header, meta.trailing, meta.refused, meta.problems, meta.keptLines, meta.columns, meta.written, meta.kinds, meta.full].every(Array.isArray) &&
    meta.keptLines.every((l) => Number.isInteger(l.line) && isText(l.label) && isText(l.province) && isText(l.source) && isText(l.note) && isPeriod(l.period)) &&
    meta.columns.every((c) => Number.isInteger(c.column) && isText(c.header) && isText(c.metric) && isText(c.time)) &&
    meta.kinds.every(([metric, qualifier, measureWord]) => isText(metric) && isText(qualifier) && (measureWord === null || isText(measureWord))) &&
    meta.written.every(isText) &&
    meta.full.every((o) => isText(o.id) && isText(o.province) && isText(o.metric) && isText(o.source) && Number.isFinite(o.value) && isPeriod(o.period) && Number.isInteger(o.at?.line))
  );
}

/**
 * The JSON part and the binary part of a kept reading, the binary part as a buffer and where in it the part
 * starts (8-byte aligned: viewed in place when it is so there, copied when not); undefined when the bytes
 * are not laid out so.
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
  // A Buffer may be a view into a shared pool at any offset: its binary part is viewed only where it is aligned.
  const at = entry.byteOffset + start;
  return at % 8 === 0 ? { meta, binary: entry.buffer as ArrayBuffer, base: at } : { meta, binary: Uint8Array.prototype.slice.call(entry, start).buffer, base: 0 };
}

/**
 * The reading back, for the table as given (`file`, for messages) and its path within the data
 * folder (`dataFile`); values are shared with the load's other cells through `values`. Undefined
 * when the bytes are not a table reading of this format, or a cell points outside its lists.
 */
export function decodeTableReading(entry: Uint8Array, file: string, dataFile: string, values: CellValues): TableFileReading | undefined {
  const read = parts(entry);
  if (!read) return undefined;
  const { meta, binary, base } = read;
  const layout = binaryLayout(meta);
  const numbers = new Float64Array(binary, base + layout.numbers, 2 * meta.written.length);
  const cellCount = new Int32Array(binary, base + layout.cellCount, meta.lineCount);
  const cells = new Int32Array(binary, base + layout.cells, 3 * meta.cellTotal);
  const valueKinds = new Int32Array(binary, base + layout.valueKinds, meta.written.length);
  const lines: TableLine[] = meta.keptLines.map((kept) => ({ file, dataFile, ...kept, period: internPeriod(kept.period) }));
  const { columns, kinds } = meta;
  const cellValues: CellValue[] = [];
  for (let at = 0; at < meta.written.length; at++) {
    const kind = kinds[valueKinds[at] as number];
    if (!kind || !Number.isFinite(numbers[2 * at]) || !Number.isFinite(numbers[2 * at + 1])) return undefined;
    cellValues.push(cellValueOf(values, kind[0], meta.written[at] as string, numbers[2 * at] as number, numbers[2 * at + 1] as number, kind[1], kind[2]));
  }
  const full = meta.full.map((o) => ({ ...o, period: internPeriod(o.period) }));
  const problems = new Map(meta.problems);
  const refused = new Set(meta.refused);
  let next = 0;
  const readings: TableLineReading[] = [];
  for (let number = 0; number < meta.lineCount; number++) {
    const count = cellCount[number] as number;
    if (count < 0 || next + 3 * count > cells.length) return undefined;
    const observations: Observation[] = [];
    for (let k = 0; k < count; k++, next += 3) {
      const line = cells[next] as number;
      const second = cells[next + 1] as number;
      const made = line === -1 ? full[second] : cellOf(lines[line], columns[second], cellValues[cells[next + 2] as number]);
      if (!made) return undefined;
      observations.push(made);
    }
    readings.push({ problems: problems.get(number) ?? [], observations: refused.has(number) ? undefined : observations });
  }
  if (next !== cells.length) return undefined;
  return { rows: meta.rows, bytesDigest: meta.bytesDigest, header: meta.header, lines: readings, trailing: meta.trailing };
}

/** A cell from its parts, undefined when a position pointed outside its list. */
const cellOf = (line: TableLine | undefined, column: TableColumn | undefined, value: CellValue | undefined): Observation | undefined =>
  line && column && value ? tableCell(line, column, value) : undefined;
