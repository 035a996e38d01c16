/**
 * What reading one observation file gave, before its rows meet the rows of
 * other files: the observations it yields and the problems it has, in the
 * order they arose, and how many rows it has. A build keeps this for every
 * file (src/build/incremental/readingCache.ts), so an unchanged file of a national data set
 * is not parsed and checked row by row again: reviving its 30k observations
 * from columns costs a tenth of reading them.
 */
import { internPeriod } from '../period.ts';
import { observationId } from './observations.ts';
import type { Observation } from '../schema/observation.ts';
import type { Period } from '../schema/period.ts';
import type { Problem } from '../schema/problem.ts';

export interface FileReading {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** The rows that read as observations, in file order. */
  observations: Observation[];
  /** Every problem of the file, each with the number of observations read before it arose. */
  problems: Array<{ after: number; problem: Problem }>;
  /** For a build: a digest of the observations per page scope they fall in (src/load/scopeDigests.ts), kept with the reading so they are not hashed again. */
  scopes?: Record<string, string>;
}

/** Bumped whenever the columns below change, so an older kept reading is not misread. */
const format = 3;

/** Fields of an observation drawn from few values: kept as positions in one list of strings. */
const sharedFields = ['province', 'unit', 'metric', 'qualifier', 'written', 'measureWord', 'source', 'note', 'rowId', 'partOf', 'scope', 'time'] as const;
type SharedField = (typeof sharedFields)[number];

interface Columns {
  format: number;
  rows: number;
  problems: FileReading['problems'];
  scopes?: Record<string, string>;
  strings: string[];
  periods: Period[];
  line: number[];
  column: number[];
  period: number[];
  value: number[];
  step: number[];
  quote: string[];
  /** 1 for an undated figure, else 0. */
  undated: number[];
  /** Position in `strings`, -1 for null. */
  shared: Record<SharedField, number[]>;
}

/** The reading as JSON text, field by field in columns: a row's repeated ids and values are written once per file. */
export function encodeReading(reading: FileReading): string {
  const strings: string[] = [];
  const stringAt = new Map<string, number>();
  const periods: Period[] = [];
  const periodAt = new Map<Period, number>();
  const place = (text: string | null): number => {
    if (text === null) return -1;
    let at = stringAt.get(text);
    if (at === undefined) {
      at = strings.push(text) - 1;
      stringAt.set(text, at);
    }
    return at;
  };
  const columns: Columns = {
    format,
    rows: reading.rows,
    problems: reading.problems,
    ...(reading.scopes ? { scopes: reading.scopes } : {}),
    strings,
    periods,
    line: [],
    column: [],
    period: [],
    value: [],
    step: [],
    quote: [],
    undated: [],
    shared: Object.fromEntries(sharedFields.map((field) => [field, []])) as unknown as Columns['shared'],
  };
  for (const o of reading.observations) {
    columns.line.push(o.at.line);
    columns.column.push(o.at.column);
    let period = periodAt.get(o.period);
    if (period === undefined) {
      period = periods.push(o.period) - 1;
      periodAt.set(o.period, period);
    }
    columns.period.push(period);
    columns.value.push(o.value);
    columns.step.push(o.step);
    columns.quote.push(o.quote);
    columns.undated.push(o.undated ? 1 : 0);
    for (const field of sharedFields) columns.shared[field].push(place(o[field]));
  }
  return JSON.stringify(columns);
}

/**
 * The reading back, for the file as given (`file`, for messages and ids) and its path within the
 * data folder (`dataFile`, for pages); undefined when the text is not a reading of this format.
 */
export function decodeReading(text: string, file: string, dataFile: string): FileReading | undefined {
  let columns: Columns;
  try {
    columns = JSON.parse(text) as Columns;
  } catch {
    return undefined;
  }
  if (columns?.format !== format) return undefined;
  const { strings, shared } = columns;
  const periods = columns.periods.map(internPeriod);
  const stringOf = (column: number[], index: number): string => strings[column[index] as number] as string;
  const nullable = (column: number[], index: number): string | null => (column[index] === -1 ? null : stringOf(column, index));
  const observations: Observation[] = [];
  for (let i = 0; i < columns.line.length; i++) {
    const line = columns.line[i] as number;
    observations.push({
      id: observationId(dataFile, line),
      at: { file, dataFile, line, column: columns.column[i] as number },
      province: stringOf(shared.province, i),
      unit: nullable(shared.unit, i),
      period: periods[columns.period[i] as number] as Period,
      metric: stringOf(shared.metric, i),
      value: columns.value[i] as number,
      step: columns.step[i] as number,
      qualifier: stringOf(shared.qualifier, i) as Observation['qualifier'],
      written: stringOf(shared.written, i),
      measureWord: nullable(shared.measureWord, i),
      source: stringOf(shared.source, i),
      quote: columns.quote[i] as string,
      note: stringOf(shared.note, i),
      rowId: nullable(shared.rowId, i),
      partOf: nullable(shared.partOf, i),
      scope: stringOf(shared.scope, i),
      time: stringOf(shared.time, i) as Observation['time'],
      undated: columns.undated[i] === 1,
    });
  }
  return { rows: columns.rows, observations, problems: columns.problems, ...(columns.scopes ? { scopes: columns.scopes } : {}) };
}
