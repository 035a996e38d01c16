/**
 * An observation read from one cell of a unit return (data/tables/), held in
 * a compact form. A national data set has about a million such cells, and
 * everything but the cell's own number is the same for the cells of one line:
 * the file and line, the unit, province, period, source and note. So the line
 * holds those once (TableLine), and a cell's id, its place (`at`) and its
 * citation (`quote`: the line's unit, the column's heading, the cell as
 * written) are made when asked, not stored. A column holds its heading and
 * metric, and a figure written alike in many cells of a table (76, 89%) is
 * one value of the table's.
 *
 * A cell is also the figure it reports, read through itself (reportedFigure.ts, `figureRow`):
 * a second object per cell for that took 40 bytes a cell. A cell is 48 bytes
 * (its line, its column and the position of its value), its id made when asked saved another 48.
 * Its value is read from its table's values (tableFileReading.ts), which its column holds: values are
 * held in columns, not as objects, so a load reads the 430,000 values of the national set's kept
 * tables in place, where it made or found an object for each.
 *
 * Its fields are getters, as in ReportedFigure: a spread copies none of them.
 */
import type { Figure } from '../schema/figure.ts';
import type { Observation } from '../schema/observation.ts';
import { figureFields, figureRow } from '../aggregate/reportedFigure.ts';
import { observationId } from './observations.ts';
import { slotOf } from '../aggregate/slot.ts';
import { entryOf } from '../maps.ts';

/** What the cells of one line of a unit return share. */
export interface TableLine {
  file: string;
  dataFile: string;
  line: number;
  /** The unit cell as written, or the province's name on the committee's line: how a cell's citation names who reports it. */
  label: string;
  province: string;
  unit: string | null;
  period: Observation['period'];
  source: string;
  note: string;
}

/** What the cells of one column of a unit return share. */
export interface TableColumn {
  column: number;
  /** The column's heading as the table writes it. */
  header: string;
  metric: string;
  time: Observation['time'];
}

/** A figure as a cell writes it and as it reads: one object for every cell of a metric that writes the same. */
export interface CellValue {
  written: string;
  value: number;
  step: number;
  qualifier: Observation['qualifier'];
  measureWord: string | null;
}

/** Cell values of a read, by metric and as written; bounded like the reading of values (observations.ts). */
export type CellValues = Map<string, Map<string, CellValue>>;

/** The values of a table's compact cells in columns: a value is a position in them. */
export interface CellValueColumns {
  /** Each value's number and step, in pairs. */
  numbers: Float64Array;
  /** Each value's kind: its position in `kinds`. */
  kindOf: Int32Array;
  /** What values share: a qualifier and a measure word. */
  kinds: Array<[qualifier: Observation['qualifier'], measureWord: string | null]>;
  /** Every value as written, one after another, and where each ends there. */
  writtenText: string;
  writtenEnds: Int32Array;
}

/** A column of a table as its compact cells read it: with the table's values, which its cells name by position. */
export interface CellColumn extends TableColumn {
  values: CellValueColumns;
}

/** A table's columns as its compact cells read them. */
export const cellColumns = (columns: readonly TableColumn[], values: CellValueColumns): CellColumn[] => columns.map((column) => ({ ...column, values }));

/** How many values the columns hold. */
export const valueCount = (values: CellValueColumns): number => values.writtenEnds.length;

/** Value `v` as written. */
export const writtenAt = (values: CellValueColumns, v: number): string => values.writtenText.slice(v === 0 ? 0 : values.writtenEnds[v - 1], values.writtenEnds[v]);

/** Values as columns, in their order. */
export function valueColumns(values: readonly CellValue[]): CellValueColumns {
  const numbers = new Float64Array(2 * values.length);
  const kindOf = new Int32Array(values.length);
  const kinds: CellValueColumns['kinds'] = [];
  const kindAt = new Map<Observation['qualifier'], Map<string | null, number>>();
  const writtenEnds = new Int32Array(values.length);
  let writtenText = '';
  values.forEach((v, at) => {
    numbers[2 * at] = v.value;
    numbers[2 * at + 1] = v.step;
    const byMeasureWord = entryOf(kindAt, v.qualifier, () => new Map<string | null, number>());
    let kind = byMeasureWord.get(v.measureWord);
    if (kind === undefined) {
      kind = kinds.push([v.qualifier, v.measureWord]) - 1;
      byMeasureWord.set(v.measureWord, kind);
    }
    kindOf[at] = kind;
    writtenText += v.written;
    writtenEnds[at] = writtenText.length;
  });
  return { numbers, kindOf, kinds, writtenText, writtenEnds };
}

/** The kind (qualifier and measure word) of value `v`. */
const kindAt = (values: CellValueColumns, v: number): CellValueColumns['kinds'][number] => values.kinds[values.kindOf[v] as number] as CellValueColumns['kinds'][number];

// No private methods: a class with private methods gives each instance a brand, a fourth field (56 bytes a cell).
class TableCell implements Observation, Figure {
  readonly #line: TableLine;
  readonly #column: CellColumn;
  /** The position of the cell's value in its table's values. */
  readonly #value: number;

  constructor(line: TableLine, column: CellColumn, value: number) {
    this.#line = line;
    this.#column = column;
    this.#value = value;
  }

  /** `file:line:column` within the data folder, as observationId makes it. */
  get id(): string {
    return observationId(this.#line.dataFile, this.#line.line, this.#column.column);
  }

  get at(): Observation['at'] {
    const { file, dataFile, line } = this.#line;
    return { file, dataFile, line, column: this.#column.column };
  }

  get province(): string {
    return this.#line.province;
  }

  get unit(): string | null {
    return this.#line.unit;
  }

  get period(): Observation['period'] {
    return this.#line.period;
  }

  get metric(): string {
    return this.#column.metric;
  }

  get value(): number {
    return this.#column.values.numbers[2 * this.#value] as number;
  }

  get step(): number {
    return this.#column.values.numbers[2 * this.#value + 1] as number;
  }

  get qualifier(): Observation['qualifier'] {
    return kindAt(this.#column.values, this.#value)[0];
  }

  get written(): string {
    return writtenAt(this.#column.values, this.#value);
  }

  get measureWord(): string | null {
    return kindAt(this.#column.values, this.#value)[1];
  }

  get source(): string {
    return this.#line.source;
  }

  get quote(): string {
    return cellQuote(this.#line.label, this.#column.header, this.written);
  }

  get note(): string {
    return this.#line.note;
  }

  get rowId(): null {
    return null;
  }

  get partOf(): null {
    return null;
  }

  get scope(): string {
    return '';
  }

  get time(): Observation['time'] {
    return this.#column.time;
  }

  get undated(): boolean {
    return false;
  }

  /** As the figure it reports. */
  get basis(): 'reported' {
    return 'reported';
  }

  /** As the figure it reports: a new list each time, of the cell's own id. */
  get observations(): string[] {
    return [this.id];
  }

  /** As the figure it reports, it is read through itself: so aggregation takes it as its own figure. */
  [figureRow](): Observation {
    return this;
  }

  /** The line a cell is held with; undefined for an observation held in full. */
  static lineOf(o: Observation): TableLine | undefined {
    return #line in o ? o.#line : undefined;
  }

  /** The column a cell is held with; undefined for an observation held in full. */
  static columnOf(o: Observation): TableColumn | undefined {
    return #column in o ? o.#column : undefined;
  }

  /** Every field, as an observation and as the figure it reports, for JSON.stringify and page hashes. */
  toJSON(): Observation & Figure {
    const { id, at, step, written, measureWord, source, quote, note, rowId, partOf } = this;
    return { ...figureFields(this), id, at, step, written, measureWord, source, quote, note, rowId, partOf };
  }
}

/** A figure as a cell of `metric` writes and reads it, shared with every other cell that writes and reads alike. */
export function cellValueOf(values: CellValues, metric: string, written: string, value: number, step: number, qualifier: Observation['qualifier'], measureWord: string | null): CellValue {
  let byWritten = values.get(metric);
  if (!byWritten) {
    byWritten = new Map();
    values.set(metric, byWritten);
  }
  const known = byWritten.get(written);
  if (known && known.value === value && known.step === step && known.qualifier === qualifier && known.measureWord === measureWord) return known;
  const made: CellValue = { written, value, step, qualifier, measureWord };
  if (byWritten.size > 100_000) byWritten.clear();
  if (!known) byWritten.set(written, made);
  return made;
}

/** The observation of a compact cell: its line, its column, and the position of its value in the values its column holds. */
export function cellAt(line: TableLine, column: CellColumn, value: number): Observation {
  return new TableCell(line, column, value);
}

/** The observation of a cell held as its line, its column and its value, as a table of that one cell. */
export function tableCell(line: TableLine, column: TableColumn, value: CellValue): Observation {
  return new TableCell(line, { ...column, values: valueColumns([value]) }, 0);
}

/**
 * The file (within the data folder) and line an observation was read from, made for none: a cell's
 * own line, or an observation's place. A unit page asks it of each of its 400 cells several times,
 * where a cell's place (`at`) is a new object each time.
 */
export const lineOfRow = (o: Observation): { dataFile: string; line: number } => TableCell.lineOf(o) ?? o.at;

/**
 * Where a cell is filed among figures, read off its line and column without the cell's own getters
 * and without an object made for it: the store files a million cells. `cellLine` is the line (its
 * province, unit and period); `cellSlot` the slot, which is the column's metric, a cell being in the
 * usual scope and dated, unless the column holds running totals. Both are undefined for an
 * observation held in full.
 */
export const cellLine = (o: Observation): TableLine | undefined => TableCell.lineOf(o);

export function cellSlot(o: Observation): string | undefined {
  const column = TableCell.columnOf(o);
  if (!column) return undefined;
  return column.time === 'cumulative' ? slotOf(o) : column.metric;
}

/** How a unit-return cell is cited: 省公安厅 立案 7 (the unit, the column's heading, the cell). */
export function cellQuote(label: string, header: string, written: string): string {
  return `${label} ${header} ${written}`;
}

/**
 * The value a unit-return cell is held compact with, when the compact form gives back every field as
 * read; otherwise undefined, and the observation is kept as it is (a cell whose line, column or
 * citation reads otherwise than the table's layout says is never rewritten, only kept in full).
 */
export function compactValue(o: Observation, line: TableLine, column: TableColumn, values: CellValues): CellValue | undefined {
  const { at } = o;
  const same =
    o.id === observationId(at.dataFile, at.line, at.column) &&
    at.file === line.file &&
    at.dataFile === line.dataFile &&
    at.line === line.line &&
    at.column === column.column &&
    o.province === line.province &&
    o.unit === line.unit &&
    o.period === line.period &&
    o.source === line.source &&
    o.note === line.note &&
    o.metric === column.metric &&
    o.time === column.time &&
    o.rowId === null &&
    o.partOf === null &&
    o.scope === '' &&
    !o.undated &&
    o.quote === cellQuote(line.label, column.header, o.written);
  return same ? cellValueOf(values, o.metric, o.written, o.value, o.step, o.qualifier, o.measureWord) : undefined;
}

/** The observation of a unit-return cell in compact form where compactValue allows it, otherwise as it is. */
export function compactTableCell(o: Observation, line: TableLine, column: TableColumn, values: CellValues): Observation {
  const value = compactValue(o, line, column, values);
  return value ? tableCell(line, column, value) : o;
}
