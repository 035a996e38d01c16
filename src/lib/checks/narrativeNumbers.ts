/**
 * Numbers written into a narrative by hand instead of through {{metric}}: a
 * number that follows a metric's name is compared with the data, and one that
 * differs is reported (one that agrees is reported too, softer, because it
 * will not follow when the data change).
 */
import type { FigureIndex } from '../aggregate/figureIndex.ts';
import { formatFigure } from '../format.ts';
import { readFigureValue } from '../ingest/figureValue.ts';
import { placeholder } from '../ingest/narrative.ts';
import { toSimplified } from '../script.ts';
import type { Metric } from '../schema/metric.ts';
import type { Narrative } from '../schema/narrative.ts';
import type { Problem } from '../schema/problem.ts';
import { periodLabel } from '../period.ts';
import { zhIds, type ZhNames } from './zhNames.ts';

/** A figure as prose writes it: optional qualifier, digits, 万/亿, 多/余, measure word or %. */
const number = /(?:约|近|超过|逾)?\d+(?:\.\d+)?(?:[万亿])?(?:多|余)?(?:[万亿])?(?:%|人次|场次|万元|个|名|人|期|场|件|篇|项|家)?/gu;
/** How far before a number its metric's name may stand, in characters. */
const reach = 12;

function position(narrative: Narrative, offset: number): { line: number; column: number } {
  const before = narrative.body.slice(0, offset);
  const line = narrative.bodyLine + before.split('\n').length - 1;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function checkNarrativeNumbers(narratives: readonly Narrative[], index: FigureIndex, metrics: readonly Metric[], zhNames: ZhNames = zhIds): Problem[] {
  const names = metrics
    .flatMap((m) => [m.name, ...m.aliases].map((name) => ({ name: toSimplified(name), metric: m })))
    .filter((n) => n.name.length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  const problems: Problem[] = [];
  for (const narrative of narratives) {
    // Placeholders become blanks of the same length, so offsets still point into the file.
    const text = toSimplified(narrative.body.replace(placeholder, (p) => ' '.repeat(p.length)));
    for (const match of text.matchAll(number)) {
      const start = match.index ?? 0;
      const written = match[0];
      if (/^\d{4}$/u.test(written) && /^\s*(?:年|—|-|至)/u.test(text.slice(start + written.length))) continue;
      const window = text.slice(Math.max(0, start - reach), start);
      const named = names
        .map((n) => ({ ...n, at: window.lastIndexOf(n.name) }))
        .filter((n) => n.at >= 0)
        .sort((a, b) => b.at + b.name.length - (a.at + a.name.length) || b.name.length - a.name.length)[0];
      if (!named) continue;
      const figure = index.get(narrative.province, null, narrative.period, named.metric.id);
      const read = readFigureValue(written, named.metric);
      if (!figure || !read.ok) continue;
      const shown = formatFigure(figure, named.metric);
      const agrees = Math.abs(read.figure.value - figure.value) <= Math.max(read.figure.step / 2, 1e-9);
      problems.push({
        severity: 'warning',
        code: agrees ? 'narrative-hard-coded' : 'narrative-contradicts',
        file: narrative.file,
        ...position(narrative, start),
        message: agrees
          ? `'${written}' after ${named.name} is written by hand; the data give the same (${shown})`
          : `'${written}' after ${named.name} contradicts the data, which give ${shown} for ${narrative.province} ${narrative.period.id}`,
        hint: `write {{${named.metric.id}}} so the text always shows the figure of the data`,
        zh: {
          message: agrees
            ? `${named.name}后面的“${written}”是手写的；数据给出的数相同（${shown}）`
            : `${named.name}后面的“${written}”与数据不符：数据中${zhNames.place(narrative.province, null)} ${periodLabel(narrative.period)}为${shown}`,
          hint: `改写成 {{${named.metric.id}}}，文中就始终显示数据里的数字`,
        },
      });
    }
  }
  return problems;
}
