/**
 * The figure a narrative placeholder stands for: `{{metric}}` and `{{metric@unit}}` name the usual
 * figure of the narrative's province and period; `{{#row}}` names the figure of one row of the
 * narrative's source, whatever its scope and time.
 */
import type { FigureIndex } from './aggregate/figureIndex.ts';
import { slotOf } from './aggregate/slot.ts';
import type { Figure } from './schema/figure.ts';
import type { FigureReference, Narrative } from './schema/narrative.ts';
import type { Observation } from './schema/observation.ts';

/** Rows with an id, by `source#id`. */
export type RowsById = ReadonlyMap<string, Observation>;

export function rowsById(observations: readonly Observation[]): RowsById {
  const rows = new Map<string, Observation>();
  for (const o of observations) if (o.rowId !== null) rows.set(`${o.source}#${o.rowId}`, o);
  return rows;
}

export function narrativeFigure(reference: Pick<FigureReference, 'metric' | 'unit' | 'row'>, narrative: Pick<Narrative, 'province' | 'period' | 'source'>, figures: FigureIndex, rows: RowsById): Figure | undefined {
  if (reference.row === null) return figures.get(narrative.province, reference.unit, narrative.period, reference.metric);
  const row = rows.get(`${narrative.source}#${reference.row}`);
  return row && figures.get(row.province, row.unit, row.period, slotOf(row));
}
