/**
 * Keeps one observation per figure (province, unit, period, slot), so memory
 * grows with the number of figures, not of rows, and catches the same figure
 * given twice.
 */
import { FigureMap } from '../aggregate/figureMap.ts';
import { isUsual, slotOf } from '../aggregate/slot.ts';
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { fieldProblem, type CsvRecord } from './csvRecord.ts';

function describe(o: Observation): string {
  const apart = isUsual(o) ? '' : ` (${[o.scope, o.time === 'cumulative' ? 'cumulative' : '', o.undated ? 'undated' : ''].filter(Boolean).join(', ')})`;
  return `${o.metric}${apart} of ${o.unit ?? o.province} for ${o.period.id}`;
}

export class ObservationStore {
  readonly #byFigure = new FigureMap<Observation>();

  /** Adds an observation; returns false (with a problem) when it repeats a figure already held. */
  add(observation: Observation, record: CsvRecord, problems: Problem[]): boolean {
    const { province, unit, period } = observation;
    const slot = slotOf(observation);
    const held = this.#byFigure.get(province, unit, period, slot);
    if (!held) {
      this.#byFigure.set(province, unit, period, slot, observation);
      return true;
    }
    const sameFile = held.id.slice(0, held.id.lastIndexOf(':')) === record.file;
    const sameFigure = held.value === observation.value && held.qualifier === observation.qualifier;
    if (!sameFigure) {
      problems.push(fieldProblem(record, 'value', 'conflicting-rows', `${describe(observation)} is '${observation.written}' here but '${held.written}' at ${held.id}`, 'keep the figure the source gives and delete the other row'));
    } else if (sameFile) {
      problems.push(fieldProblem(record, 'value', 'duplicate-row', `${describe(observation)} repeats the row at ${held.id}`, 'delete one of the two rows'));
    } else {
      problems.push(fieldProblem(record, 'value', 'repeated-figure', `${describe(observation)} is also given at ${held.id}; the first is kept`, 'keep the figure in one file', 'warning'));
    }
    return false;
  }

  get size(): number {
    return this.#byFigure.size;
  }

  values(): Observation[] {
    return [...this.#byFigure.values()];
  }
}
