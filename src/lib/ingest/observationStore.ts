/**
 * Keeps one observation per figure (province, unit, period, slot), so memory
 * grows with the number of figures, not of rows, and catches the same figure
 * given twice.
 */
import { FigureMap, type Places } from '../aggregate/figureMap.ts';
import { isUsual, slotOf } from '../aggregate/slot.ts';
import { zhIds, type ZhNames } from '../checks/zhNames.ts';
import { periodLabel } from '../period.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { fieldProblem, type CsvRecord } from './csvRecord.ts';
import { cellLine, cellSlot, type TableColumn, type TableLine } from './tableCell.ts';
import { cellOf, type TableFileReading } from './tableFileReading.ts';

function describe(o: Observation): string {
  const apart = isUsual(o) ? '' : ` (${[o.scope, o.time === 'cumulative' ? 'cumulative' : '', o.undated ? 'undated' : ''].filter(Boolean).join(', ')})`;
  return `${o.metric}${apart} of ${o.unit ?? o.province} for ${o.period.id}`;
}

/** The figure in Chinese, named as the people who keep the data know it (zhNames.ts): 海南 2020年的 立案（含直属单位，累计）. */
function describeZh(o: Observation, names: ZhNames): string {
  const apart = isUsual(o) ? '' : `（${[o.scope, o.time === 'cumulative' ? '累计' : '', o.undated ? '未注明时间' : ''].filter(Boolean).join('，')}）`;
  return `${names.place(o.province, o.unit)} ${periodLabel(o.period)}的 ${names.metric(o.metric)}${apart}`;
}

/** Where an observation was read, with its file as given (as messages name files): its id names the file within the data folder. */
function placeOf(o: Observation): string {
  return `${o.at.file}${o.id.slice(o.at.dataFile.length)}`;
}

/** Where an observation's value stands, as a record for fieldProblem: made only for a repeat, not for each of a million figures. */
function valueOf(o: Observation): CsvRecord {
  const { file, line, column } = o.at;
  return { file, line, header: [], fields: {}, columns: { value: column } };
}

/** Lists of observations as a store gave them, with the store's places of them (placedObservations). */
const placesOfLists = new WeakMap<readonly Observation[], FigureMap<Observation>>();

/**
 * The places of a list of observations as an ObservationStore filed them, when the list is one it gave
 * and still holds as many: aggregation maps them to figures instead of placing a million figures again.
 */
export function placedObservations(observations: readonly Observation[]): FigureMap<Observation> | undefined {
  const places = placesOfLists.get(observations);
  return places && places.size === observations.length ? places : undefined;
}

export class ObservationStore {
  readonly #byFigure = new FigureMap<Observation>();
  readonly #names: ZhNames;

  /** names: how the Chinese words of a repeat name its place and metric, as the checks do; ids when no catalog is at hand. */
  constructor(names: ZhNames = zhIds) {
    this.#names = names;
  }

  /** Adds an observation; returns false (with a problem, pointing at the observation's value) when it repeats a figure already held. */
  add(observation: Observation, problems: Problem[]): boolean {
    const line = cellLine(observation);
    const held = line
      ? this.#byFigure.setIfEmpty(line.province, line.unit, line.period, cellSlot(observation) as string, observation)
      : this.#byFigure.setIfEmpty(observation.province, observation.unit, observation.period, slotOf(observation), observation);
    if (!held) return true;
    this.#repeated(observation, held, problems);
    return false;
  }

  /**
   * The slot numbers of a unit return's columns, for addTableLine: -1 for a column of running totals,
   * whose cells are each filed by their own slot (slot.ts).
   */
  columnSlots(columns: readonly TableColumn[]): Int32Array {
    return Int32Array.from(columns, (c) => (c.time === 'cumulative' ? -1 : this.#byFigure.slotNumberOf(c.metric)));
  }

  /**
   * Adds the cells of one line of a unit return, as `add` adds each in turn, with the same problems in
   * the same order: `count` cells from position `first` in reading.cells (tableFileReading.ts), with
   * their columns' slot numbers from columnSlots. A compact cell is filed by its line's place, found
   * once for the line, and its column's slot number, found once for the table: `add` looks both up for
   * each of the national set's 950,000 cells. Each cell turned away goes to
   * `turnedAway`; a cell kept goes to `kept`, but of the compact cells of a line only the first kept,
   * as the rest share its line: its province, unit, period, source and note. What they do not share,
   * their column and with it their metric, is marked in `keptColumns` (by column, as reading.columns),
   * each column of which a compact cell was kept.
   */
  addTableLine(
    reading: TableFileReading,
    first: number,
    count: number,
    slots: Int32Array,
    keptColumns: Uint8Array,
    problems: Problem[],
    kept: (o: Observation) => void,
    turnedAway: (o: Observation) => void,
  ): void {
    const { cells } = reading;
    // The places of the line the cells name (a file's line has one), found when a cell names another.
    let places: Places | undefined;
    let placesLine = -1;
    // Whether a compact cell of the line was kept and told: the others have its province, unit, period and source.
    let keptOfLine = false;
    for (let at = first; at < first + 3 * count; at += 3) {
      const o = cellOf(reading, at);
      const lineAt = cells[at] as number;
      const column = cells[at + 1] as number;
      const number = lineAt === -1 ? -1 : (slots[column] as number);
      if (number === -1) {
        if (this.add(o, problems)) kept(o);
        else turnedAway(o);
        continue;
      }
      if (lineAt !== placesLine || !places) {
        const line = reading.lines[lineAt] as TableLine;
        places = this.#byFigure.placesOf(line.province, line.unit, line.period);
        placesLine = lineAt;
        keptOfLine = false;
      }
      const held = this.#byFigure.setIfEmptyIn(places, number, o);
      if (held === undefined) {
        keptColumns[column] = 1;
        if (!keptOfLine) kept(o);
        keptOfLine = true;
      } else {
        this.#repeated(o, held, problems);
        turnedAway(o);
      }
    }
  }

  /** The problem of an observation that repeats the figure `held`: a conflict, a duplicate row, or the same figure in another file. */
  #repeated(observation: Observation, held: Observation, problems: Problem[]): void {
    const record = valueOf(observation);
    const sameFile = held.at.file === record.file;
    const sameFigure = held.value === observation.value && held.qualifier === observation.qualifier;
    if (!sameFigure) {
      problems.push(fieldProblem(record, 'value', 'conflicting-rows', {
        message: `${describe(observation)} is '${observation.written}' here but '${held.written}' at ${placeOf(held)}`,
        hint: 'keep the figure the source gives and delete the other row',
        zh: { message: `${describeZh(observation, this.#names)}：这里是“${observation.written}”，${placeOf(held)} 却是“${held.written}”`, hint: '保留来源给出的数字，删去另一行' },
      }));
    } else if (sameFile) {
      problems.push(fieldProblem(record, 'value', 'duplicate-row', {
        message: `${describe(observation)} repeats the row at ${placeOf(held)}`,
        hint: 'delete one of the two rows',
        zh: { message: `${describeZh(observation, this.#names)}：与 ${placeOf(held)} 那一行重复`, hint: '删去两行中的一行' },
      }));
    } else {
      problems.push(fieldProblem(record, 'value', 'repeated-figure', {
        message: `${describe(observation)} is also given at ${placeOf(held)}; the first is kept`,
        hint: 'keep the figure in one file',
        zh: { message: `${describeZh(observation, this.#names)}：${placeOf(held)} 也有这一行，保留先读到的那一行`, hint: '同一个数字只写在一个文件里' },
      }, 'warning'));
    }
  }

  get size(): number {
    return this.#byFigure.size;
  }

  /** The observations held, in the order they were added; the list is frozen, as its places are kept with it. */
  values(): readonly Observation[] {
    const values = Object.freeze([...this.#byFigure.values()]);
    placesOfLists.set(values, this.#byFigure);
    return values;
  }
}
