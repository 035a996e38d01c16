/**
 * Reads one line of a unit return (data/tables/) into the observations of its
 * filled cells: about a million cells in a national data set.
 *
 * Every cell could be read as a row of data/observations is (readObservation),
 * but the cells of a line differ only in their column and the figure written
 * in it; the province, unit, period, source and note are the line's. So the
 * first cell that reads is read in full, with every check. When it reads
 * without a single problem, and without the schema (cleanRow finds nothing
 * unusual in it), those checks hold for every cell of the line, and
 * a later cell needs only the checks of its own part: its figure as written
 * (length, characters, whether it reads for the column's metric) and the
 * length of its citation. A cell that passes them is made straight from the
 * line, its column and its value; one that does not, and every cell of a line
 * whose first cell had a problem, is read in full. Either way a cell ends as
 * readObservation and compactTableCell would leave it (tests/lib/ingest/tableLine.test.ts
 * reads the same tables both ways).
 */
import { entryOf } from '../maps.ts';
import { hasForbiddenCharacter } from '../schema/id.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Period } from '../schema/period.ts';
import type { Problem } from '../schema/problem.ts';
import type { Province } from '../schema/province.ts';
import type { Catalog } from './catalog.ts';
import type { CsvRecord } from './csvRecord.ts';
import { cleanRow, figureValueOf, readObservation, timeOf, type CatalogFiles } from './observations.ts';
import { cellValueOf, compactValue, type CellValue, type CellValues, type TableColumn, type TableLine } from './tableCell.ts';
import { cellRecord, isEmptyCell, lineCells, type WideLayout } from './wideTable.ts';

/** A metric column of a table, with its metric when a cell of it may be read from its line. */
interface ColumnReading {
  spec: WideLayout['metricColumns'][number];
  column: TableColumn;
  /** Absent when the column's metric id would not pass readObservation's checks as it stands (then every cell is read in full). */
  metric: Metric | undefined;
  /** The values cells of this column's metric read from their lines, by what they write (lineValues). */
  read: Map<string, CellValue> | undefined;
}

/**
 * The values cells read from their lines (cellFromLine) gave, by metric and by what the cell writes, for a catalog:
 * a value reads the same for the same metric every time, and most cells of a national set write a value another cell
 * wrote before (94, 96.8%), so the second is taken as the first read, not read again (0.3 s of loading it).
 */
const lineValues = new WeakMap<CellValues, Map<string, Map<string, CellValue>>>();

/** What the reading of one table needs beyond its lines. */
export interface TableReading {
  province: Province;
  period: Period;
  /** The source of a line without a source cell: the table's own (tableSource). */
  defaultSource: string;
  layout: WideLayout;
  columns: ColumnReading[];
  /** Cell values of the load, shared across tables. */
  values: CellValues;
}

/** The limits cleanRow (observations.ts) holds a value and a citation to, in UTF-16 code units. */
const maxValueLength = 50;
const maxQuoteLength = 500;

export function tableReading(province: Province, period: Period, defaultSource: string, layout: WideLayout, catalog: Catalog, values: CellValues): TableReading {
  const read = entryOf(lineValues, values, () => new Map<string, Map<string, CellValue>>());
  const columns = layout.metricColumns.map((spec): ColumnReading => {
    const metric = catalog.metricIndex.resolve(spec.metric)?.item;
    // The metric id and the heading (part of each citation) as cleanRow would test them.
    const usable = metric !== undefined && metric.id === spec.metric && spec.metric.length <= 200 && !hasForbiddenCharacter(spec.metric) && !hasForbiddenCharacter(spec.header);
    return {
      spec,
      column: { column: spec.column, header: spec.header, metric: spec.metric, time: metric ? timeOf('', metric) : 'stock' },
      metric: usable ? metric : undefined,
      read: usable ? entryOf(read, metric.id, () => new Map<string, CellValue>()) : undefined,
    };
  });
  return { province, period, defaultSource, layout, columns, values };
}

/**
 * The value of a later cell of a line whose first cell read without a problem, the cell being made from
 * the line, or undefined when its own part would not pass a check of readObservation (the cell is then
 * read in full).
 */
function valueFromLine(line: TableLine, reading: ColumnReading, written: string, values: CellValues): CellValue | undefined {
  const { metric, column, read } = reading;
  if (!metric || !read) return undefined;
  // cleanRow's tests of the citation (the line's label, the column's heading and the value, spaced), and of the value,
  // which a value read before has passed.
  if (line.label.length + column.header.length + written.length + 2 > maxQuoteLength) return undefined;
  const before = read.get(written);
  if (before) return before;
  if (written.length > maxValueLength || hasForbiddenCharacter(written)) return undefined;
  const known = figureValueOf(written, metric);
  if (!known.read.ok) return undefined;
  const figure = known.read.figure;
  const value = cellValueOf(values, metric.id, known.written, figure.value, figure.step, figure.qualifier ?? 'exact', figure.measureWord);
  // Bounded as the load's other caches of values are.
  if (read.size > 100_000) read.clear();
  read.set(written, value);
  return value;
}

/**
 * Where the cells of a line go as they are read, in column order: a cell held compact as its line, its
 * column and its value (tableCell.ts), which need not be made into an object here, or an observation
 * held in full.
 */
export interface CellSink {
  compact(line: TableLine, column: TableColumn, value: CellValue): void;
  full(observation: Observation): void;
}

/**
 * Reads a line's filled cells into `into`, in column order; the problems of cells read in full go to
 * `problems` (a line with an error there is refused whole by its caller).
 */
export function readTableLine(record: CsvRecord, table: TableReading, catalog: Catalog, files: CatalogFiles, problems: Problem[], into: CellSink): void {
  const cells = lineCells(record, table.layout, table.province, table.defaultSource);
  let line: TableLine | undefined;
  // Whether the cell that made `line` read without a problem and compact: then its checks of the line hold for the rest.
  let lineHolds = false;
  for (const reading of table.columns) {
    const written = record.fields[reading.spec.header] ?? '';
    if (isEmptyCell(written)) continue;
    if (line && lineHolds) {
      const fromLine = valueFromLine(line, reading, written, table.values);
      if (fromLine) {
        into.compact(line, reading.column, fromLine);
        continue;
      }
    }
    const before = problems.length;
    const cell = cellRecord(record, cells, table.province, table.period, reading.spec, written);
    const o = readObservation(cell, catalog, files, problems);
    if (!o) continue;
    const first = !line;
    line ??= { file: o.at.file, dataFile: o.at.dataFile, line: o.at.line, label: cells.label, province: o.province, unit: o.unit, period: o.period, source: o.source, note: o.note };
    const value = compactValue(o, line, reading.column, table.values);
    if (first) lineHolds = problems.length === before && value !== undefined && cleanRow(cell.fields) !== undefined;
    if (value) into.compact(line, reading.column, value);
    else into.full(o);
  }
}
