/**
 * Keeps one observation per figure (province, unit, period, metric), so memory
 * grows with the number of figures, not of rows, and catches the same figure
 * given twice.
 */
import type { Observation } from '../schema/observation.ts';
import type { Problem } from '../schema/problem.ts';
import { fieldProblem, type CsvRecord } from './csvRecord.ts';

export function figureKey(o: Pick<Observation, 'province' | 'unit' | 'period' | 'metric'>): string {
  return `${o.province}|${o.unit ?? ''}|${o.period.id}|${o.metric}`;
}

function describe(o: Observation): string {
  return `${o.metric} of ${o.unit ?? o.province} for ${o.period.id}`;
}

export class ObservationStore {
  readonly #byKey = new Map<string, Observation>();

  /** Adds an observation; returns false (with a problem) when it repeats a figure already held. */
  add(observation: Observation, record: CsvRecord, problems: Problem[]): boolean {
    const key = figureKey(observation);
    const held = this.#byKey.get(key);
    if (!held) {
      this.#byKey.set(key, observation);
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
    return this.#byKey.size;
  }

  values(): Observation[] {
    return [...this.#byKey.values()];
  }
}
