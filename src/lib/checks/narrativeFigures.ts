/** A narrative placeholder whose figure the data do not hold: the page would show 未报告. */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import { narrativeFigure, type RowsById } from '../narrativeFigure.ts';
import type { Narrative } from '../schema/narrative.ts';
import type { Problem } from '../schema/problem.ts';

export function checkNarrativeFigures(narratives: readonly Narrative[], index: FigureIndex, rows: RowsById): Problem[] {
  return narratives.flatMap((narrative) =>
    narrative.references
      .filter((ref) => !narrativeFigure(ref, narrative, index, rows))
      .map((ref): Problem => ({
        severity: 'warning',
        code: 'reference-not-reported',
        file: narrative.file,
        line: ref.line,
        column: ref.column,
        message: ref.row === null
          ? `${ref.text} has no figure for ${narrative.province} ${narrative.period.id}; the page will say 未报告`
          : `${ref.text} names no row with the id '${ref.row}' in source ${narrative.source}; the page will say 未报告`,
        hint: ref.row === null ? 'add the figure to data/observations, or remove the reference' : `give the row the id '${ref.row}' in its id column, or correct the reference`,
      })),
  );
}
