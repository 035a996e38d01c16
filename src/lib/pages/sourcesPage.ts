/**
 * Page data of the sources: an index of every article, and one page per
 * article with every data row taken from it and its quote, so a figure on any
 * page links to its row.
 */
import { formatFigure } from '../format.ts';
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
  return {
    ...summary(context, id),
    path,
    review: { label: '本站综述页', href: relativeHref(path, sitePaths.review(source.province, source.period.id)) },
    index: { label: '全部来源', href: relativeHref(path, sitePaths.sources()) },
    rows: (context.observationsBySource.get(id) ?? []).map((o) => {
      const metric = context.metrics.get(o.metric);
      const province = context.provinces.get(o.province)?.name ?? o.province;
      const unit = o.unit ? (context.units.get(`${o.province}/${o.unit}`)?.name ?? o.unit) : null;
      return {
        anchor: rowAnchor(o.at),
        metricName: metric?.name ?? o.metric,
        metricHref: relativeHref(path, sitePaths.metric(o.metric)),
        subject: unit ? `${province} · ${unit}` : province,
        periodLabel: periodLabel(o.period),
        written: o.written,
        display: metric ? formatFigure(o, metric, o.step) : o.written,
        quote: o.quote,
        note: o.note,
        row: rowLabel(o.at),
      };
    }),
  };
}
