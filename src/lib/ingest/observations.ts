/**
 * Turns observation rows into typed observations, one row at a time so a
 * file can be streamed: names resolve to ids, values are read, qualifiers
 * checked, and every fault becomes a problem that points at its field.
 */
import { detached } from '../detached.ts';
import { entryOf } from '../maps.ts';
import { didYouMean } from '../names.ts';
import { quoted } from '../problems.ts';
import { internPeriod, periodWithin } from '../period.ts';
import type { Observation, TimeKind } from '../schema/observation.ts';
import { ObservationRowSchema, type ObservationRow } from '../schema/observation.ts';
import { hasForbiddenCharacter } from '../schema/id.ts';
import { PeriodSchema, type Period } from '../schema/period.ts';
import { QualifierSchema } from '../schema/qualifier.ts';
import type { Problem } from '../schema/problem.ts';
import type { Catalog } from './catalog.ts';
import { columnOf, fieldProblem, parseRecord, type CsvRecord } from './csvRecord.ts';
import { readFigureValue, type FigureValueResult } from './figureValue.ts';
import type { Metric } from '../schema/metric.ts';

export const observationColumns = {
  required: ['province', 'period', 'metric', 'value', 'source', 'quote'],
  optional: ['unit', 'qualifier', 'note', 'id', 'part_of', 'scope', 'time', 'undated'],
} as const;

export interface CatalogFiles {
  provinces: string;
  units: string;
  metrics: string;
  sources: string;
}

/** Reads one row; returns the observation, or undefined after adding the row's problems. */
export function readObservation(
  record: CsvRecord,
  catalog: Catalog,
  files: CatalogFiles,
  problems: Problem[],
): Observation | undefined {
  // The row's problems are added straight to the list: no array per row, as most rows have none.
  const before = problems.length;
  const observation = resolveRow(record, catalog, files, problems);
  for (let i = before; i < problems.length; i++) if (problems[i]?.severity === 'error') return undefined;
  return observation;
}

const periods = new Map<string, Period>();
const qualifiers = new Set<string>(['', ...QualifierSchema.options]);

/**
 * The row read without the schema when a quick look finds nothing unusual:
 * the schema's work, done with a few string tests, for the million rows that
 * are fine. Anything else goes through the schema, which words every problem.
 */
function cleanRow(fields: Readonly<Record<string, string>>): ObservationRow | undefined {
  const { province = '', unit = '', period = '', metric = '', value = '', qualifier = '', source = '', quote = '', note = '' } = fields;
  const { id = '', part_of = '', scope = '', time = '', undated = '' } = fields;
  if (province === '' || metric === '' || value === '' || source === '' || quote === '') return undefined;
  if (province.length > 200 || unit.length > 200 || metric.length > 200 || value.length > 50 || quote.length > 500 || note.length > 1000 || scope.length > 60) return undefined;
  // Ids have no limit of their own; a huge one goes to parseRecord, which refuses any field of more than 10,000 characters.
  if (source.length > 200 || id.length > 200 || part_of.length > 200) return undefined;
  if (!qualifiers.has(qualifier) || !cleanId.test(source)) return undefined;
  if ((id !== '' && !cleanId.test(id)) || (part_of !== '' && !cleanId.test(part_of)) || !times.has(time) || (undated !== '' && undated !== 'yes')) return undefined;
  // Field by field: joining them first would copy every row's text once more.
  if ([province, unit, metric, value, quote, note, scope].some(hasForbiddenCharacter)) return undefined;
  let known = periods.get(period);
  if (!known) {
    const parsed = PeriodSchema.safeParse(period);
    if (!parsed.success) return undefined;
    known = internPeriod(parsed.data);
    periods.set(period, known);
  }
  return { province, unit, period: known, metric, value, qualifier: qualifier as ObservationRow['qualifier'], source, quote, note, id, part_of, scope, time: time as ObservationRow['time'], undated: undated as ObservationRow['undated'] };
}

const times = new Set<string>(['', 'flow', 'stock', 'cumulative']);

/** The time of a figure: as written, or as its metric's kind says; a ratio stands at a point like a stock. */
function timeOf(written: ObservationRow['time'], metric: Metric): TimeKind {
  if (written !== '') return written;
  return metric.kind === 'flow' ? 'flow' : 'stock';
}

const cleanId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Values read before, by metric and as written: a data set writes the same few
 * thousand figures (76, 89%, 3万余) over and over, and reading one costs more
 * than looking it up. The results are never changed, so rows may share them,
 * and the text as first written too: a copy per row would hold a million
 * small strings.
 */
interface ReadValue {
  written: string;
  read: FigureValueResult;
}

const figureValues = new WeakMap<Metric, Map<string, ReadValue>>();

function figureValueOf(written: string, metric: Metric): ReadValue {
  const known = entryOf(figureValues, metric, () => new Map<string, ReadValue>());
  let value = known.get(written);
  if (!value) {
    value = { written: detached(written), read: readFigureValue(written, metric) };
    // Bounded, like the name caches: a file of all-different values must not keep them all.
    if (known.size > 100_000) known.clear();
    known.set(value.written, value);
  }
  return value;
}

function resolveRow(record: CsvRecord, catalog: Catalog, files: CatalogFiles, problems: Problem[]): Observation | undefined {
  const row = cleanRow(record.fields) ?? parseRecord(ObservationRowSchema, record, problems);
  if (!row) return undefined;

  const province = catalog.provinceIndex.resolve(row.province)?.item;
  if (!province) {
    problems.push(fieldProblem(record, 'province', 'unknown-province', `unknown province ${quoted(row.province)}`, didYouMean(catalog.provinceIndex, row.province, files.provinces)));
  }

  let unitId: string | null = null;
  if (province && row.unit !== '') {
    const units = catalog.unitIndexes.get(province.id);
    const unit = units?.resolve(row.unit)?.item;
    if (unit) {
      unitId = unit.id;
    } else {
      const hint = units ? didYouMean(units, row.unit, files.units) : `add it to ${files.units}`;
      problems.push(fieldProblem(record, 'unit', 'unknown-unit', `unknown unit ${quoted(row.unit)} in ${province.id} (${province.name})`, hint));
    }
  }

  const metric = catalog.metricIndex.resolve(row.metric)?.item;
  if (!metric) {
    problems.push(fieldProblem(record, 'metric', 'unknown-metric', `unknown metric ${quoted(row.metric)}`, didYouMean(catalog.metricIndex, row.metric, files.metrics)));
  }

  const source = catalog.sourceIndex.resolve(row.source)?.item;
  if (!source || source.id !== row.source) {
    const suggestions = catalog.sourceIndex.suggest(row.source);
    const hint = suggestions.length > 0 ? didYouMean(catalog.sourceIndex, row.source, files.sources) : `add the article to ${files.sources}, or use one of its ids`;
    problems.push(fieldProblem(record, 'source', 'unknown-source', `source ${quoted(row.source)} is not in ${files.sources}`, hint));
  } else {
    if (province && source.province !== province.id) {
      problems.push(fieldProblem(record, 'source', 'source-province', `source '${source.id}' is a review of ${source.province}, but this row is for ${province.id}`, 'check the province or the source of this row', 'warning'));
    }
    if (!periodWithin(row.period, source.period)) {
      problems.push(fieldProblem(record, 'period', 'period-outside-source', `period ${row.period.id} lies outside ${source.period.id}, the period of source '${source.id}'`, 'check the period of this row or of the source', 'warning'));
    }
  }

  let figure;
  let written = row.value;
  if (metric) {
    const value = figureValueOf(row.value, metric);
    const read = value.read;
    written = value.written;
    if (read.ok) {
      figure = read.figure;
    } else {
      problems.push(fieldProblem(record, 'value', 'unreadable-value', read.reason, read.hint));
    }
  }

  let qualifier = row.qualifier === '' ? (figure?.qualifier ?? 'exact') : row.qualifier;
  if (figure && figure.qualifier !== null && row.qualifier !== '' && figure.qualifier !== row.qualifier) {
    problems.push(fieldProblem(record, 'qualifier', 'qualifier-disagrees', `qualifier '${row.qualifier}' disagrees with the value ${quoted(row.value)}, which reads as ${figure.qualifier}`, 'leave the qualifier empty to take it from the value, or correct one of them'));
    qualifier = figure.qualifier;
  }

  if (metric && (row.time === 'flow' || row.time === 'stock') && metric.kind !== 'ratio' && row.time !== metric.kind) {
    problems.push(fieldProblem(record, 'time', 'time-disagrees', `time '${row.time}' disagrees with ${metric.id}, which counts a ${metric.kind}`, `leave time empty, write cumulative for a running total, or use a metric that counts a ${row.time}`));
  }

  if (!province || !metric || !figure || !source) return undefined;
  return {
    id: `${record.file}:${record.line}`,
    at: { file: record.file, dataFile: record.dataFile ?? record.file, line: record.line, column: columnOf(record, 'value') ?? 1 },
    province: province.id,
    unit: unitId,
    period: internPeriod(row.period),
    metric: metric.id,
    value: figure.value,
    step: figure.step,
    qualifier,
    written,
    measureWord: figure.measureWord,
    source: source.id,
    quote: detached(row.quote),
    note: detached(row.note),
    rowId: row.id === '' ? null : row.id,
    partOf: row.part_of === '' ? null : row.part_of,
    scope: detached(row.scope),
    time: timeOf(row.time, metric),
    undated: row.undated === 'yes',
  };
}
