/** A narrative placeholder whose figure the data do not hold: the page would show 未报告. */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import { narrativeFigure, type RowsById } from '../narrativeFigure.ts';
import type { Narrative } from '../schema/narrative.ts';
import type { Problem } from '../schema/problem.ts';
import { periodLabel } from '../period.ts';
import { zhIds, type ZhNames } from './zhNames.ts';

export function checkNarrativeFigures(narratives: readonly Narrative[], index: FigureIndex, rows: RowsById, names: ZhNames = zhIds): Problem[] {
  return narratives.flatMap((narrative) =>
    narrative.references
      .filter((ref) => !narrativeFigure(ref, narrative, index, rows))
      .map((ref): Problem => ({
        severity: 'warning',
        code: 'reference-not-reported',
        file: narrative.file,
        line: ref.line,
        column: ref.column,
        ...(ref.row === null
          ? {
              message: `${ref.text} has no figure for ${narrative.province} ${narrative.period.id}; the page will say 未报告`,
              hint: 'add the figure to data/observations, or remove the reference',
              zh: {
                message: `数据中没有${names.place(narrative.province, null)} ${periodLabel(narrative.period)}的 ${ref.text}；页面上会显示“未报告”`,
                hint: '把这个数字加入 data/observations，或者删去这个引用',
              },
            }
          : {
              message: `${ref.text} names no row with the id '${ref.row}' in source ${narrative.source}; the page will say 未报告`,
              hint: `give the row the id '${ref.row}' in its id column, or correct the reference`,
              zh: {
                message: `${ref.text} 指向的行 id“${ref.row}”在来源 ${narrative.source} 中不存在；页面上会显示“未报告”`,
                hint: `在那一行的 id 列填上“${ref.row}”，或者改正这个引用`,
              },
            }),
      })),
  );
}
