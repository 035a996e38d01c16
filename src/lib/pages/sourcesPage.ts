/**
 * Page data of the sources: an index of every article, and one page per
 * article with every data row taken from it and its quote, so a figure on any
 * page links to its row.
 */
import { writtenMeasureWord } from '../checks/measureWords.ts';
import { writtenDisplay } from '../figureText.ts';
import { figureStanding } from './views.ts';
import { attribute, escapeText } from '../html.ts';
import { entryOf } from '../maps.ts';
import { periodLabel } from '../period.ts';
import { relativeHref, rowAnchor, rowLabel, sitePaths } from '../site/paths.ts';
import type { PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';

export interface SourceRow {
  anchor: string;
  metricName: string;
  metricHref: string;
  subject: string;
  periodLabel: string;
  written: string;
  display: string;
  quote: string;
  note: string;
  /** `observations/x.csv:12`: the data row. */
  row: string;
}

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  provinceName: string;
  periodLabel: string;
  rowCount: number;
}

export interface SourcesIndexData {
  path: string;
  sources: Array<SourceSummary & { href: string }>;
}

export interface SourcePageData extends SourceSummary {
  path: string;
  review: Link;
  index: Link;
  rows: SourceRow[];
}

function summary(context: PageContext, id: string): SourceSummary {
  const source = context.sources.get(id);
  if (!source) throw new Error(`no source '${id}'`);
  return {
    id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    url: source.url,
    provinceName: context.provinces.get(source.province)?.name ?? source.province,
    periodLabel: periodLabel(source.period),
    rowCount: context.observationsBySource.get(id)?.length ?? 0,
  };
}

export function sourcesIndexData(context: PageContext): SourcesIndexData {
  const path = sitePaths.sources();
  return { path, sources: context.dataSet.sources.map((s) => ({ ...summary(context, s.id), href: relativeHref(path, sitePaths.source(s.id)) })) };
}

export function sourcePageData(context: PageContext, id: string): SourcePageData {
  const path = sitePaths.source(id);
  const source = context.sources.get(id);
  if (!source) throw new Error(`no source '${id}'`);
  // A source has thousands of rows over a few metrics, units and periods: name and link each once.
  const metrics = new Map<string, { name: string; href: string }>();
  const subjects = new Map<string, string>();
  const periods = new Map<string, string>();
  return {
    ...summary(context, id),
    path,
    review: { label: '本站综述页', href: relativeHref(path, sitePaths.review(source.province, source.period.id)) },
    index: { label: '全部来源', href: relativeHref(path, sitePaths.sources()) },
    rows: (context.observationsBySource.get(id) ?? []).map((o) => {
      const metric = context.metrics.get(o.metric);
      const named = entryOf(metrics, o.metric, () => ({ name: metric?.name ?? o.metric, href: relativeHref(path, sitePaths.metric(o.metric)) }));
      const subject = entryOf(subjects, `${o.province}/${o.unit ?? ''}`, () => {
        const province = context.provinces.get(o.province)?.name ?? o.province;
        const unit = o.unit ? (context.units.get(`${o.province}/${o.unit}`)?.name ?? o.unit) : null;
        return unit ? `${province} · ${unit}` : province;
      });
      const period = entryOf(periods, o.period.id, () => periodLabel(o.period));
      return {
        anchor: rowAnchor(o.at),
        metricName: named.name,
        metricHref: named.href,
        subject,
        periodLabel: period,
        written: o.written,
        display: metric ? writtenDisplay(o, metric, writtenMeasureWord(o)) : o.written,
        quote: o.quote,
        note: [...figureStanding(o), ...(o.partOf ? [`计入本来源id为${o.partOf}的数字`] : []), ...(o.note ? [o.note] : [])].join('；'),
        row: rowLabel(o.at),
      };
    }),
  };
}

/**
 * The body of a source page's table, one `<tr>` per row, as the page's template would write it:
 * a page of thousands of rows renders as one string instead of eight Astro expressions a row.
 */
export function sourceRowsHtml(rows: readonly SourceRow[]): string {
  let html = '';
  for (const r of rows) {
    html +=
      `<tr${attribute('id', r.anchor)}><td><a${attribute('href', r.metricHref)}>${escapeText(r.metricName)}</a></td>` +
      `<td>${escapeText(r.subject)}</td><td class="period">${escapeText(r.periodLabel)}</td>` +
      `<td class="num">${escapeText(r.written)}</td><td class="num">${escapeText(r.display)}</td>` +
      `<td class="quote"><q data-verbatim>${escapeText(r.quote)}</q>${r.note ? `<div>注：${escapeText(r.note)}</div>` : ''}</td>` +
      `<td class="note">${escapeText(r.row)}</td></tr>`;
  }
  return html;
}
