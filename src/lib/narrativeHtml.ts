/**
 * Renders a narrative to HTML: each placeholder becomes its figure in words, as the page shows
 * it (`show`), then markdown-it renders the text with raw HTML off, so a narrative cannot inject
 * markup.
 */
import MarkdownIt from 'markdown-it';
import type { FigureIndex } from './aggregate/figureIndex.ts';
import { placeholder, wellFormed } from './ingest/narrative.ts';
import { narrativeFigure, type RowsById } from './narrativeFigure.ts';
import type { Figure } from './schema/figure.ts';
import type { Narrative } from './schema/narrative.ts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderNarrative(narrative: Narrative, figures: FigureIndex, rows: RowsById, show: (figure: Figure) => string): string {
  const body = narrative.body.replace(placeholder, (text, inner: string) => {
    const [, row, metric = '', unit] = wellFormed.exec(inner) ?? [];
    if (row === undefined && metric === '') return text;
    const figure = narrativeFigure({ metric, unit: unit ?? null, row: row ?? null }, narrative, figures, rows);
    return figure ? show(figure) : '（未报告）';
  });
  return markdown.render(body);
}
