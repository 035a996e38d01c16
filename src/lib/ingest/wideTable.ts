/**
 * Unit returns as units actually fill them in: data/tables/<province>/<period>.csv
 * with one row per unit (first column its name or id; empty for the
 * committee's total) and one column per metric (header: a metric id or its
 * name in either script), plus optional `source` and `note` columns. Each
 * filled cell reads as one long-format record would, with the same checks as
 * data/observations/*.csv: the first of a line is read as such a record, and
 * the others as that reading of the line allows (tableLine.ts).
 */
import { quoted } from '../problems.ts';
import type { Period } from '../schema/period.ts';
import type { Problem } from '../schema/problem.ts';
import type { Province } from '../schema/province.ts';
import type { Catalog } from './catalog.ts';
import type { CsvRecord } from './csvRecord.ts';
import { nameHint, resolveName } from './nameHint.ts';
import { cellQuote } from './tableCell.ts';

export interface WideLayout {
  metricColumns: Array<{ column: number; header: string; metric: string }>;
  sourceColumn?: string;
  noteColumn?: string;
}

/** Column names (either script) for the optional source and note columns. */
const sourceNames = ['source', '来源', '來源'];
const noteNames = ['note', '备注', '備註', '说明', '說明'];
/** Cells that mean "nothing to report". */
const emptyCells = new Set(['', '-', '—', '——', '/', '无', '無']);

/** A Chinese clause as a sentence: ended with 。 unless it ends with a question mark. */
const sentence = (text: string): string => (text.endsWith('？') ? text : `${text}。`);

export function readWideHeader(file: string, header: readonly string[], catalog: Catalog, metricsFile: string): { layout: WideLayout; problems: Problem[] } {
  const problems: Problem[] = [];
  const layout: WideLayout = { metricColumns: [] };
  header.forEach((name, index) => {
    if (index === 0) return;
    if (sourceNames.includes(name.toLowerCase())) {
      layout.sourceColumn = name;
      return;
    }
    if (noteNames.includes(name.toLowerCase())) {
      layout.noteColumn = name;
      return;
    }
    const metric = resolveName(catalog.metricIndex, name)?.item;
    if (metric) {
      layout.metricColumns.push({ column: index + 1, header: name, metric: metric.id });
    } else {
      problems.push({
        severity: 'error',
        code: 'unknown-metric',
        file,
        line: 1,
        column: index + 1,
        message: `column ${quoted(name)} is not a metric`,
        hint: `${nameHint(catalog.metricIndex, name, metricsFile)} A column header is a metric id or its name in either script; 'source' and 'note' are also allowed.`,
        zh: {
          message: `${quoted(name, 'zh')}列不是指标`,
          hint: `${sentence(nameHint(catalog.metricIndex, name, metricsFile, 'zh'))}列名须是指标 id 或指标名称（简体繁体均可）；另外可以有 source（来源）和 note（备注）列。`,
        },
      });
    }
  });
  return { layout, problems };
}

/** The unit cell of a table row as written; empty on the committee's own line. */
const unitCell = (record: CsvRecord): string => record.fields[record.header[0] ?? ''] ?? '';

/** Who a row's cells are cited for: the unit as written, or the province's name on the committee's own line. */
export function lineLabel(record: CsvRecord, province: Province): string {
  return unitCell(record) || province.name;
}

/** What the cells of one table line share as written: the unit cell, who the citations name, the source and the note. */
export interface LineCells {
  unit: string;
  label: string;
  source: string;
  note: string;
  sourceColumn: number | undefined;
  noteColumn: number | undefined;
}

export function lineCells(record: CsvRecord, layout: WideLayout, province: Province, defaultSource: string): LineCells {
  return {
    unit: unitCell(record),
    label: lineLabel(record, province),
    source: (layout.sourceColumn && record.fields[layout.sourceColumn]) || defaultSource,
    note: (layout.noteColumn && record.fields[layout.noteColumn]) || '',
    sourceColumn: layout.sourceColumn ? record.header.indexOf(layout.sourceColumn) + 1 : undefined,
    noteColumn: layout.noteColumn ? record.header.indexOf(layout.noteColumn) + 1 : undefined,
  };
}

/** True when a cell holds nothing to report. */
export const isEmptyCell = (text: string): boolean => emptyCells.has(text);

/** The long-format record of one filled metric cell of a table line. */
export function cellRecord(record: CsvRecord, cells: LineCells, province: Province, period: Period, spec: WideLayout['metricColumns'][number], value: string): CsvRecord {
  const { column, header, metric } = spec;
  return {
    file: record.file,
    ...(record.dataFile ? { dataFile: record.dataFile } : {}),
    line: record.line,
    header: [],
    fields: { province: province.id, unit: cells.unit, period: period.id, metric, value, source: cells.source, quote: cellQuote(cells.label, header, value), note: cells.note },
    columns: {
      province: 1,
      unit: 1,
      period: 1,
      metric: column,
      value: column,
      qualifier: column,
      quote: column,
      source: cells.sourceColumn || column,
      ...(cells.noteColumn ? { note: cells.noteColumn } : {}),
    },
  };
}
