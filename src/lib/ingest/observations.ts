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
import { QualifierSchema, type Qualifier } from '../schema/qualifier.ts';
import type { Problem } from '../schema/problem.ts';
import type { Catalog } from './catalog.ts';
import { columnOf, fieldProblem, parseRecord, type CsvRecord } from './csvRecord.ts';
import { readFigureValue, type FigureValueResult } from './figureValue.ts';
import type { Metric } from '../schema/metric.ts';

export const observationColumns = {
  required: ['province', 'period', 'metric', 'value', 'source', 'quote'],
  optional: ['unit', 'qualifier', 'note', 'id', 'part_of', 'scope', 'time', 'undated'],
} as const;

/**
 * An observation's id: its file within the data folder and its line, and for a cell of a unit return
 * its column too, as a line of a wide table holds a figure in each cell. Made by join, which writes
 * one flat string: a template literal keeps a chain of pieces besides, 32 bytes more for each of a
 * million ids.
 */
export function observationId(dataFile: string, line: number, column?: number): string {
  // A template, not a joined list: a national build makes these ids by the million.
  return column === undefined ? `${dataFile}:${line}` : `${dataFile}:${line}:${column}`;
}

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
export function cleanRow(fields: Readonly<Record<string, string>>): ObservationRow | undefined {
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

/** Qualifiers and kinds of time in the words of the reviews, for the Chinese messages. */
const qualifierZh: Record<Qualifier, string> = { exact: '确数', more_than: '多于', nearly: '接近', about: '约' };
const timeZh: Record<string, string> = { flow: '期内流量', stock: '期末存量', ratio: '比率' };

/** The time of a figure: as written, or as its metric's kind says; a ratio stands at a point like a stock. */
export function timeOf(written: ObservationRow['time'], metric: Metric): TimeKind {
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
export interface ReadValue {
  written: string;
  read: FigureValueResult;
}

const figureValues = new WeakMap<Metric, Map<string, ReadValue>>();

export function figureValueOf(written: string, metric: Metric): ReadValue {
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
    problems.push(fieldProblem(record, 'province', 'unknown-province', {
      message: `unknown province ${quoted(row.province)}`,
      hint: didYouMean(catalog.provinceIndex, row.province, files.provinces),
      zh: { message: `找不到省份${quoted(row.province, 'zh')}`, hint: didYouMean(catalog.provinceIndex, row.province, files.provinces, 'zh') },
    }));
  }

  let unitId: string | null = null;
  if (province && row.unit !== '') {
    const units = catalog.unitIndexes.get(province.id);
    const unit = units?.resolve(row.unit)?.item;
    if (unit) {
      unitId = unit.id;
    } else {
      problems.push(fieldProblem(record, 'unit', 'unknown-unit', {
        message: `unknown unit ${quoted(row.unit)} in ${province.id} (${province.name})`,
        hint: units ? didYouMean(units, row.unit, files.units) : `add it to ${files.units}`,
        zh: {
          message: `${province.name}（${province.id}）没有单位${quoted(row.unit, 'zh')}`,
          hint: units ? didYouMean(units, row.unit, files.units, 'zh') : `请把它加入 ${files.units}`,
        },
      }));
    }
  }

  const metric = catalog.metricIndex.resolve(row.metric)?.item;
  if (!metric) {
    problems.push(fieldProblem(record, 'metric', 'unknown-metric', {
      message: `unknown metric ${quoted(row.metric)}`,
      hint: didYouMean(catalog.metricIndex, row.metric, files.metrics),
      zh: { message: `找不到指标${quoted(row.metric, 'zh')}`, hint: didYouMean(catalog.metricIndex, row.metric, files.metrics, 'zh') },
    }));
  }

  const source = catalog.sourceIndex.resolve(row.source)?.item;
  if (!source || source.id !== row.source) {
    const near = catalog.sourceIndex.suggest(row.source).length > 0;
    problems.push(fieldProblem(record, 'source', 'unknown-source', {
      message: `source ${quoted(row.source)} is not in ${files.sources}`,
      hint: near ? didYouMean(catalog.sourceIndex, row.source, files.sources) : `add the article to ${files.sources}, or use one of its ids`,
      zh: {
        message: `来源${quoted(row.source, 'zh')}不在 ${files.sources} 中`,
        hint: near ? didYouMean(catalog.sourceIndex, row.source, files.sources, 'zh') : `请把这篇文章加入 ${files.sources}，或改用其中已有的 id`,
      },
    }));
  } else {
    if (province && source.province !== province.id) {
      const reviewed = catalog.provinceIndex.resolve(source.province)?.item.name ?? source.province;
      problems.push(fieldProblem(record, 'source', 'source-province', {
        message: `source '${source.id}' is a review of ${source.province}, but this row is for ${province.id}`,
        hint: 'check the province or the source of this row',
        zh: { message: `来源“${source.id}”是${reviewed}的综述，这一行却是${province.name}的`, hint: '请核对这一行的省份或来源' },
      }, 'warning'));
    }
    if (!periodWithin(row.period, source.period)) {
      problems.push(fieldProblem(record, 'period', 'period-outside-source', {
        message: `period ${row.period.id} lies outside ${source.period.id}, the period of source '${source.id}'`,
        hint: 'check the period of this row or of the source',
        zh: { message: `期间 ${row.period.id} 不在来源“${source.id}”的期间 ${source.period.id} 之内`, hint: '请核对这一行或这个来源的期间' },
      }, 'warning'));
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
      problems.push(fieldProblem(record, 'value', 'unreadable-value', { message: read.reason, hint: read.hint, zh: { message: read.zh.reason, hint: read.zh.hint } }));
    }
  }

  let qualifier = row.qualifier === '' ? (figure?.qualifier ?? 'exact') : row.qualifier;
  if (figure && figure.qualifier !== null && row.qualifier !== '' && figure.qualifier !== row.qualifier) {
    problems.push(fieldProblem(record, 'qualifier', 'qualifier-disagrees', {
      message: `qualifier '${row.qualifier}' disagrees with the value ${quoted(row.value)}, which reads as ${figure.qualifier}`,
      hint: 'leave the qualifier empty to take it from the value, or correct one of them',
      zh: {
        message: `qualifier 填的是“${row.qualifier}”（${qualifierZh[row.qualifier]}），与数值${quoted(row.value, 'zh')}不符，数值读作“${figure.qualifier}”（${qualifierZh[figure.qualifier]}）`,
        hint: '把 qualifier 留空，就按数值读取；或者改正其中之一',
      },
    }));
    qualifier = figure.qualifier;
  }

  if (metric && (row.time === 'flow' || row.time === 'stock') && metric.kind !== 'ratio' && row.time !== metric.kind) {
    problems.push(fieldProblem(record, 'time', 'time-disagrees', {
      message: `time '${row.time}' disagrees with ${metric.id}, which counts a ${metric.kind}`,
      hint: `leave time empty, write cumulative for a running total, or use a metric that counts a ${row.time}`,
      zh: {
        message: `time 填的是“${row.time}”（${timeZh[row.time]}），与指标 ${metric.id} 不符，它计的是${timeZh[metric.kind]}`,
        hint: `把 time 留空；累计数填 cumulative；或改用计${timeZh[row.time]}的指标`,
      },
    }));
  }

  if (!province || !metric || !figure || !source) return undefined;
  return {
    id: observationId(record.dataFile ?? record.file, record.line, record.columns ? (record.columns.value ?? 0) : undefined),
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
