/**
 * Renders a narrative to HTML: each {{metric}} or {{metric@unit}} becomes the
 * formatted figure, then markdown-it renders the text with raw HTML off, so a
 * narrative cannot inject markup.
 */
import MarkdownIt from 'markdown-it';
import type { FigureIndex } from './aggregate/figureIndex.ts';
import { formatFigure } from './format.ts';
import { placeholder, wellFormed } from './ingest/narrative.ts';
import type { Metric } from './schema/metric.ts';
import type { Narrative } from './schema/narrative.ts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderNarrative(narrative: Narrative, figures: FigureIndex, metrics: ReadonlyMap<string, Metric>): string {
  const body = narrative.body.replace(placeholder, (text, inner: string) => {
    const [, metricId = '', unitId] = wellFormed.exec(inner) ?? [];
    const metric = metrics.get(metricId);
    if (!metric) return text;
    const figure = figures.get(narrative.province, unitId ?? null, narrative.period, metricId);
    return figure ? formatFigure(figure, metric) : '（未报告）';
  });
  return markdown.render(body);
}
