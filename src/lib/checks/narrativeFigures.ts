/** A narrative placeholder whose figure the data do not hold: the page would show 未报告. */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import type { Narrative } from '../schema/narrative.ts';
import type { Problem } from '../schema/problem.ts';

export function checkNarrativeFigures(narratives: readonly Narrative[], index: FigureIndex): Problem[] {
  return narratives.flatMap((narrative) =>
    narrative.references
      .filter((ref) => !index.get(narrative.province, ref.unit, narrative.period, ref.metric))
      .map((ref): Problem => ({
        severity: 'warning',
        code: 'reference-not-reported',
        file: narrative.file,
        line: ref.line,
        column: ref.column,
        message: `${ref.text} has no figure for ${narrative.province} ${narrative.period.id}; the page will say 未报告`,
        hint: 'add the figure to data/observations, or remove the reference',
      })),
  );
}
