import { describe, expect, it } from 'vitest';
import { cellLine, cellQuote, cellSlot, compactTableCell, lineOfRow, type CellValues, type TableColumn, type TableLine } from '../../../src/lib/ingest/tableCell.ts';
import { figureFields, observationOf, reportedFigure } from '../../../src/lib/aggregate/reportedFigure.ts';
import { period } from '../../../src/lib/period.ts';
import { FigureSchema } from '../../../src/lib/schema/figure.ts';
import { ObservationSchema, type Observation } from '../../../src/lib/schema/observation.ts';
import { observation } from '../../helpers/observation.ts';
import { slotOf } from '../../../src/lib/aggregate/slot.ts';

const y2020 = period('2020');
const line: TableLine = { file: '/abs/data/tables/hainan/2020.csv', dataFile: 'tables/hainan/2020.csv', line: 3, label: '省公安厅', province: 'hainan', unit: 'gonganting', period: y2020, source: 'table-hainan-2020', note: '含轮训' };
const column: TableColumn = { column: 3, header: '培訓人次', metric: 'training-attendance', time: 'flow' };

/** The observation a cell reads as in full, as readObservation gives it. */
function cell(overrides: Partial<Observation> = {}): Observation {
  return observation({
    id: 'tables/hainan/2020.csv:3:3',
    at: { file: line.file, dataFile: line.dataFile, line: 3, column: 3 },
    unit: 'gonganting',
    period: y2020,
    metric: 'training-attendance',
    value: 300,
    qualifier: 'about',
    written: '约300',
    source: 'table-hainan-2020',
    quote: '省公安厅 培訓人次 约300',
    note: '含轮训',
    ...overrides,
  });
}

const fields = Object.keys(ObservationSchema.shape) as Array<keyof Observation>;
const fieldsOf = (o: Observation) => Object.fromEntries(fields.map((f) => [f, o[f]]));

describe('compactTableCell', () => {
  it('gives back every field of the observation as read, its place and its citation made when asked', () => {
    const full = cell();
    const compact = compactTableCell(full, line, column, new Map());
    expect(compact).not.toBe(full);
    expect(fieldsOf(compact)).toEqual(fieldsOf(full));
    expect(compact.quote).toBe(cellQuote('省公安厅', '培訓人次', '约300'));
  });

  it('holds a value written alike in two cells once, and a value read otherwise apart', () => {
    const values: CellValues = new Map();
    const a = compactTableCell(cell(), line, column, values);
    const b = compactTableCell(cell({ id: 'tables/hainan/2020.csv:4:3', at: { ...cell().at, line: 4 } }), { ...line, line: 4 }, column, values);
    expect(values.get('training-attendance')?.size).toBe(1);
    // Same text, another reading (as a row's own qualifier could make it): kept with its own value, never the other's.
    const other = compactTableCell(cell({ value: 301 }), line, column, values);
    expect([a.value, b.value, other.value]).toEqual([300, 300, 301]);
  });

  it('keeps in full, unchanged, a cell that its line, its column or its citation does not describe', () => {
    const cases: Array<Partial<Observation>> = [
      { note: '另一说明' },
      { source: 'hainan-2020' },
      { quote: '省公安厅培训约300人次' },
      { metric: 'cases-filed' },
      { time: 'cumulative' },
      { scope: '含直属单位' },
      { undated: true },
      { rowId: 'r1' },
      { partOf: 'r0' },
      { at: { ...cell().at, column: 4 } },
      { at: { ...cell().at, line: 9 } },
      { unit: null },
      { period: period('2019') },
      { id: 'tables/hainan/2020.csv:3:4' },
    ];
    for (const overrides of cases) {
      const full = cell(overrides);
      expect(compactTableCell(full, line, column, new Map()), JSON.stringify(overrides)).toBe(full);
    }
  });
});

describe('a compact cell as the figure it reports', () => {
  it('is its own reported figure, read through itself', () => {
    const compact = compactTableCell(cell(), line, column, new Map());
    const figure = reportedFigure(compact);
    expect(figure).toBe(compact);
    expect(observationOf(figure)).toBe(compact);
    expect(FigureSchema.parse(figureFields(figure))).toEqual({
      province: 'hainan', unit: 'gonganting', period: y2020, metric: 'training-attendance', scope: '', time: 'flow', undated: false,
      value: 300, qualifier: 'about', basis: 'reported', observations: ['tables/hainan/2020.csv:3:3'],
    });
  });

  it('shows every field, as observation and as figure, to JSON (page hashes)', () => {
    const compact = compactTableCell(cell(), line, column, new Map());
    const json = JSON.parse(JSON.stringify(compact)) as Record<string, unknown>;
    expect(json).toEqual({ ...JSON.parse(JSON.stringify(fieldsOf(cell()))), basis: 'reported', observations: ['tables/hainan/2020.csv:3:3'] });
    const other = compactTableCell(cell({ value: 301, written: '约301', quote: '省公安厅 培訓人次 约301' }), line, column, new Map());
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(compact));
  });
});

describe('cellLine and cellSlot', () => {
  it('file a cell where its own fields file it, in a column of running totals too, and say nothing of a row held in full', () => {
    for (const time of ['flow', 'stock', 'cumulative'] as const) {
      const full = cell({ time });
      const compact = compactTableCell(full, line, { ...column, time }, new Map());
      expect(compact).not.toBe(full);
      expect(cellLine(compact)).toBe(line);
      expect(cellSlot(compact)).toBe(slotOf(compact));
      expect([compact.province, compact.unit, compact.period]).toEqual([line.province, line.unit, line.period]);
    }
    expect(cellLine(cell())).toBeUndefined();
    expect(cellSlot(cell())).toBeUndefined();
  });
});

describe('lineOfRow', () => {
  it("gives a compact cell's file and line as its place does, and an observation held in full its own place", () => {
    const compact = compactTableCell(cell(), line, column, new Map());
    expect(lineOfRow(compact)).toBe(line);
    expect({ dataFile: lineOfRow(compact).dataFile, line: lineOfRow(compact).line }).toEqual({ dataFile: compact.at.dataFile, line: compact.at.line });
    const full = cell({ scope: '含直属单位' });
    expect(compactTableCell(full, line, column, new Map())).toBe(full);
    expect(lineOfRow(full)).toBe(full.at);
  });
});
