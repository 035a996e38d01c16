import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSources } from '../../../src/lib/ingest/catalog.ts';
import type { CsvRecord } from '../../../src/lib/ingest/csvRecord.ts';
import { readObservation } from '../../../src/lib/ingest/observations.ts';
import { compactTableCell, type CellValues, type TableLine } from '../../../src/lib/ingest/tableCell.ts';
import { readTableLine, tableReading } from '../../../src/lib/ingest/tableLine.ts';
import { tableSource } from '../../../src/lib/ingest/tableSource.ts';
import { cellRecord, isEmptyCell, lineCells, readWideHeader } from '../../../src/lib/ingest/wideTable.ts';
import { period } from '../../../src/lib/period.ts';
import { ObservationSchema, type Observation } from '../../../src/lib/schema/observation.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { observationsRead } from '../../helpers/tableReading.ts';
import { files, metricsCsv, testCatalog, unitsCsv } from '../../helpers/tables.ts';

const y2020 = period('2020');
// A unit and a metric go by names as long as a name may be (200 characters), as a line's label and a heading.
const longUnit = `海${'南'.repeat(199)}`;
const longHeading = `论${'长'.repeat(199)}`;
const base = testCatalog({
  units: `${unitsCsv}\nlongname,hainan,${longUnit},,党政机关`,
  metrics: `${metricsCsv}\nmembers-developed,发展党员,發展黨員,members,名,flow,,,发展的党员,${longHeading}`,
});
const hainan = base.provinceIndex.resolve('hainan')?.item;
if (!hainan) throw new Error('test catalog without hainan');
const defaultSource = tableSource(hainan, y2020);
const catalog = withSources(base, [defaultSource]);
const file = 'data/tables/hainan/2020.csv';

const fields = Object.keys(ObservationSchema.shape) as Array<keyof Observation>;
const fieldsOf = (o: Observation) => Object.fromEntries(fields.map((f) => [f, o[f]]));

function tableOf(header: string[]) {
  const { layout, problems } = readWideHeader(file, header, catalog, files.metrics);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return layout;
}

/** The reading to compare with: every filled cell read in full, then held compact where it reads as its line and column. */
function readInFull(record: CsvRecord, header: string[], values: CellValues, problems: Problem[]): Observation[] {
  const layout = tableOf(header);
  const reading = tableReading(hainan!, y2020, defaultSource.id, layout, catalog, values);
  const cells = lineCells(record, layout, hainan!, defaultSource.id);
  let line: TableLine | undefined;
  return reading.columns.flatMap(({ spec, column }) => {
    const written = record.fields[spec.header] ?? '';
    if (isEmptyCell(written)) return [];
    const o = readObservation(cellRecord(record, cells, hainan!, y2020, spec, written), catalog, files, problems);
    if (!o) return [];
    line ??= { file: o.at.file, dataFile: o.at.dataFile, line: o.at.line, label: cells.label, province: o.province, unit: o.unit, period: o.period, source: o.source, note: o.note };
    return [compactTableCell(o, line, column, values)];
  });
}

function readFromLine(record: CsvRecord, header: string[], values: CellValues, problems: Problem[]): Observation[] {
  return observationsRead((into) => readTableLine(record, tableReading(hainan!, y2020, defaultSource.id, tableOf(header), catalog, values), catalog, files, problems, into));
}

const lineRecord = (header: string[], row: string[], line = 3): CsvRecord => ({
  file,
  dataFile: 'tables/hainan/2020.csv',
  line,
  header,
  fields: Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])),
});

describe('readTableLine', () => {
  it('reads a clean line as reading every cell in full does, each cell compact', () => {
    const header = ['单位', 'cases-filed', '培训人次', '达标率', '模范机关'];
    const record = lineRecord(header, ['省公安厅', '78', '1800余', '95.5%', '2']);
    const fast: Problem[] = [];
    const full: Problem[] = [];
    const read = readFromLine(record, header, new Map(), fast);
    expect(read.map(fieldsOf)).toEqual(readInFull(record, header, new Map(), full).map(fieldsOf));
    expect(fast).toEqual([]);
    expect(read.map((o) => o.id)).toEqual(['tables/hainan/2020.csv:3:2', 'tables/hainan/2020.csv:3:3', 'tables/hainan/2020.csv:3:4', 'tables/hainan/2020.csv:3:5']);
    expect(read.map((o) => o.quote)).toEqual(['省公安厅 cases-filed 78', '省公安厅 培训人次 1800余', '省公安厅 达标率 95.5%', '省公安厅 模范机关 2']);
    expect(read[1]).toMatchObject({ unit: 'gonganting', value: 1800, qualifier: 'more_than', metric: 'training-attendance', time: 'flow' });
  });

  it('reads a later cell in full when its own figure has a problem', () => {
    const header = ['单位', 'cases-filed', '培训人次'];
    const record = lineRecord(header, ['省公安厅', '78', '很多']);
    const problems: Problem[] = [];
    expect(readFromLine(record, header, new Map(), problems).map((o) => o.metric)).toEqual(['cases-filed']);
    expect(problems).toMatchObject([{ code: 'unreadable-value', line: 3, column: 3 }]);
  });

  // Any line, clean or not: the observations and problems are those of reading every cell in full.
  it('gives what reading every cell in full gives, for lines of every kind', () => {
    const headings = ['cases-filed', '立案', '培训人次', 'training-attendance', '达标率', 'branches-total', '模范机关', 'relief-funds', longHeading];
    // Most lines read cleanly, as in real returns, so that later cells are made from their line; some do not.
    const mostly = (usual: string[], odd: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
    const units = mostly(['', '省高院', '省公安厅', 'jianchayuan', '海南省高级人民法院', longUnit], ['不存在的单位', '省公安厅\u200e', 'x'.repeat(201), '海南省高级人民法院'.repeat(20)]);
    const values = mostly(['78', '0', '1800余', '约3000', '近4000', '95%', '96.5%', '3万余', '3.5万', '1,234', ''], ['-', '无', '120%', '１２', '-5', '很多', ' 7 ', '12\u0000', 'x'.repeat(51), '9'.repeat(60), '78件', '7\u2066', '1\u200e', '1'.padStart(51, '0'), '12\u00a0']);
    const sources = mostly(['', 'hainan-2020', defaultSource.id], ['jiangsu-2022', 'nope', 'Hainan-2020']);
    const notes = mostly(['', '含轮训'], ['x'.repeat(1001), '\u202e备注']);
    const lineArbitrary = fc.record({
      columns: fc.uniqueArray(fc.constantFrom(...headings), { minLength: 1, maxLength: 6 }),
      withSource: fc.boolean(),
      withNote: fc.boolean(),
      unit: units,
      source: sources,
      note: notes,
      cells: fc.array(values, { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(lineArbitrary, fc.array(lineArbitrary.map((l) => l.cells), { maxLength: 3 }), (first, later) => {
        // Metrics named twice (立案 and cases-filed) make a header no table may have; one of them is kept.
        const metricOf = (h: string) => catalog.metricIndex.resolve(h)?.item.id;
        const columns = first.columns.filter((h, i) => first.columns.findIndex((o) => metricOf(o) === metricOf(h)) === i);
        const header = ['单位', ...columns, ...(first.withSource ? ['来源'] : []), ...(first.withNote ? ['备注'] : [])];
        // Values shared across lines, as in a load.
        const fastValues: CellValues = new Map();
        const fullValues: CellValues = new Map();
        [first.cells, ...later].forEach((cells, index) => {
          const row = [first.unit, ...cells.slice(0, columns.length), ...(first.withSource ? [first.source] : []), ...(first.withNote ? [first.note] : [])];
          const record = lineRecord(header, row, 2 + index);
          const fastProblems: Problem[] = [];
          const fullProblems: Problem[] = [];
          const fast = readFromLine(record, header, fastValues, fastProblems);
          const full = readInFull(record, header, fullValues, fullProblems);
          expect(fast.map(fieldsOf)).toEqual(full.map(fieldsOf));
          expect(fastProblems).toEqual(fullProblems);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
