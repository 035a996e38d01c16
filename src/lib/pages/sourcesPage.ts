/** Page data of the sources page: every article, and every data row taken from it with its quote. */
import { formatFigure } from '../format.ts';
import { periodLabel } from '../period.ts';
import { relativeHref, rowAnchor, rowLabel, sitePaths } from '../site/paths.ts';
import type { PageContext } from './context.ts';

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
  /** `file:line` of the data row. */
  row: string;
}

export interface SourcesPageData {
  path: string;
  sources: Array<{
    anchor: string;
    title: string;
    publisher: string;
    published: string;
    url: string;
    provinceName: string;
    periodLabel: string;
    reviewHref: string;
    rows: SourceRow[];
  }>;
}

export function sourcesPageData(context: PageContext): SourcesPageData {
  const path = sitePaths.sources();
  return {
    path,
    sources: context.dataSet.sources.map((source) => ({
      anchor: `source-${source.id}`,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      url: source.url,
      provinceName: context.provinces.get(source.province)?.name ?? source.province,
      periodLabel: periodLabel(source.period),
      reviewHref: relativeHref(path, sitePaths.review(source.province, source.period.id)),
      rows: context.dataSet.observations
        .filter((o) => o.source === source.id)
        .map((o) => {
          const metric = context.metrics.get(o.metric);
          const province = context.provinces.get(o.province)?.name ?? o.province;
          const unit = o.unit ? context.units.get(`${o.province}/${o.unit}`)?.name ?? o.unit : null;
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
    })),
  };
}
