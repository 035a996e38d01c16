/** Page data of the metric list: the dictionary by category, with how many provinces report each metric. */
import { categoryLabel, kindLabel } from '../labels.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import { latestFigure, reportingProvinces, type PageContext } from './context.ts';

export interface MetricsIndexData {
  path: string;
  groups: Array<{
    category: string;
    metrics: Array<{ name: string; href: string; unit: string; kind: string; definition: string; reporting: number }>;
  }>;
}

export function metricsIndexData(context: PageContext): MetricsIndexData {
  const path = sitePaths.metrics();
  const provinces = reportingProvinces(context);
  return {
    path,
    groups: Object.entries(categoryLabel)
      .map(([category, label]) => ({
        category: label,
        metrics: context.dataSet.metrics
          .filter((m) => m.category === category)
          .map((m) => ({
            name: m.name,
            href: relativeHref(path, sitePaths.metric(m.id)),
            unit: m.unit,
            kind: kindLabel[m.kind].split('（')[0] ?? m.kind,
            definition: m.definition,
            reporting: provinces.filter((p) => latestFigure(context, p.id, m.id)).length,
          })),
      }))
      .filter((g) => g.metrics.length > 0),
  };
}
