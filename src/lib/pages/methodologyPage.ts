/** Page data of the methodology page: the rules are text; the worked example comes from the data when it has one. */
import { periodLabel } from '../period.ts';
import { dayLabel } from '../site/buildDate.ts';
import { relativeHref, sitePaths } from '../site/paths.ts';
import type { PageContext } from './context.ts';
import { figureView } from './views.ts';
import { partsDisagree } from '../aggregate/statedRatio.ts';

export interface MethodologyPageData {
  path: string;
  /** 2026年12月4日: the day the site was built, when the build says. */
  builtOn?: string;
  /** A stated rate that differs from the one computed from its parts, if the data have one. */
  example?: {
    subject: string;
    metricName: string;
    numerator: string;
    denominator: string;
    computed: string;
    stated: string;
    gap: string;
    href: string;
  };
}

export function methodologyPageData(context: PageContext, builtOn?: string): MethodologyPageData {
  const path = sitePaths.methodology();
  const built = builtOn ? { builtOn: dayLabel(builtOn) } : {};
  const figure = context.dataSet.figures.find(partsDisagree);
  const metric = figure && context.metrics.get(figure.metric);
  if (!figure || !metric) return { path, ...built };
  const part = (id: string) => {
    const f = context.figures.get(figure.province, figure.unit, figure.period, id);
    return f ? figureView(context, f, path).display : '';
  };
  const view = figureView(context, figure, path);
  return {
    path,
    ...built,
    example: {
      subject: `${context.provinces.get(figure.province)?.name ?? figure.province}${periodLabel(figure.period)}`,
      metricName: metric.name,
      numerator: part(metric.numerator),
      denominator: part(metric.denominator),
      computed: view.computed?.display ?? '',
      stated: view.display,
      gap: view.computed?.gap ?? '',
      href: relativeHref(path, sitePaths.review(figure.province, figure.period.id)),
    },
  };
}
