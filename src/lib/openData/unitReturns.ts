/**
 * The cells of the unit returns (data/tables/<province>/<period>.csv) as the data package gives
 * them back: one row per line of a table, one number column per metric. A cell is one number
 * there (a few bytes) instead of a row of observations/ and a row of figures/ (about 320 bytes
 * together; 964k cells at national scale). Only a cell whose number says all of it goes there
 * (cellSaysAll); any other cell keeps its row in observations/, whose columns can say the rest.
 */
import { isUsual } from '../aggregate/slot.ts';
import { observationOf } from '../aggregate/reportedFigure.ts';
import { entryOf, groupBy } from '../maps.ts';
import type { Figure } from '../schema/figure.ts';
import type { Observation } from '../schema/observation.ts';
import { isTableCell, rowLabel } from '../site/paths.ts';

/**
 * Whether an observation's number says all of it: exact (not 约, 近 or 多), in its metric's own
 * slot (the usual scope, dated, not a running total), with no note and no row id or part_of. The
 * written form (2,387, 89%) and the quote, which a table's reading makes from its unit, header and
 * cell, are all that a bare number leaves out. A table has no time column, so a cell's time is
 * always its metric's kind's.
 */
export function cellSaysAll(o: Observation): boolean {
  return o.qualifier === 'exact' && o.note === '' && o.rowId === null && o.partOf === null && isUsual(o);
}

/** Whether an observation is written in unit-returns/ rather than in observations/: a cell of a unit return (rowLabel's `tables/`) that says all. */
export function inUnitReturns(o: Observation): boolean {
  return isTableCell(o.at) && cellSaysAll(o) && !keyColumns.has(o.metric);
}

/**
 * Whether a figure is just one cell of unit-returns/, reported as is: a row of figures/ would
 * say the cell again. A stated rate with its computed value beside it says more, and stays.
 * `rowOf`: the province's observations by id.
 */
export function isUnitReturnCell(f: Figure, rowOf: (id: string) => Observation | undefined): boolean {
  if (f.basis !== 'reported' || f.computed !== undefined) return false;
  // A figure read through its row (reportedFigure.ts) rests on that row alone.
  const row = observationOf(f) ?? (f.observations.length === 1 ? rowOf(f.observations[0] as string) : undefined);
  return row !== undefined && inUnitReturns(row);
}

export interface UnitReturnColumns {
  /** By province, the metrics its unit-returns/ has a column for, in the order of `metrics`; a province with no cell there has no entry. */
  metricsOf: ReadonlyMap<string, readonly string[]>;
  /** The cells written in unit-returns/, all provinces. */
  cells: number;
}

/**
 * The metric columns of each province's unit-returns/: the metrics its cells there fill, so no
 * column is empty throughout. Made from each province's own observations, so a province's file is
 * unchanged while they are (src/build/publish.ts).
 */
export function unitReturnColumns(observations: readonly Observation[], metrics: readonly string[]): UnitReturnColumns {
  const filled = new Map<string, Set<string>>();
  let cells = 0;
  for (const o of observations) {
    if (!inUnitReturns(o)) continue;
    cells++;
    entryOf(filled, o.province, () => new Set<string>()).add(o.metric);
  }
  const metricsOf = new Map([...filled].map(([province, used]) => [province, metrics.filter((m) => used.has(m))]));
  return { metricsOf, cells };
}

/** The columns before the metrics' in every row of unitReturnRows. */
export const unitReturnKeys = ['row', 'province', 'period', 'unit', 'unit_province', 'source'] as const;
/**
 * A metric column is named by the metric's id: a metric whose id is one of these (data/metrics.csv
 * allows `source`) would name a second column so, which no table schema takes. Its cells stay rows
 * of observations/.
 */
const keyColumns: ReadonlySet<string> = new Set(unitReturnKeys);

/**
 * A province's rows of unit-returns/, one per table line with a cell there, in the order of its
 * first cell: the line's label (`tables/hainan/2020.csv:3`), province, period, unit (null for the
 * committee's own line) and its province again, source, then each of `metrics`' value or null.
 * Every cell of a line shares its unit, period and source (src/lib/ingest/wideTable.ts).
 */
export function* unitReturnRows(cells: readonly Observation[], metrics: readonly string[]): Generator<Array<string | number | null>> {
  const columnOf = new Map(metrics.map((m, i) => [m, unitReturnKeys.length + i]));
  for (const [row, line] of groupBy(cells, (o) => rowLabel({ dataFile: o.at.dataFile, line: o.at.line }))) {
    const first = line[0] as Observation;
    const values: Array<string | number | null> = [row, first.province, first.period.id, first.unit, first.unit === null ? null : first.province, first.source];
    for (let i = 0; i < metrics.length; i++) values.push(null);
    for (const o of line) values[columnOf.get(o.metric) as number] = o.value;
    yield values;
  }
}
