/** The fixture data set (tests/fixtures/site) loaded once, and all its page data built eagerly for tests. */
import { join } from 'node:path';
import { compareIndexData, compareMetricData, comparePairData } from '../../src/lib/pages/comparePages.ts';
import { homePageData } from '../../src/lib/pages/homePage.ts';
import { metricPageData } from '../../src/lib/pages/metricPage.ts';
import { provincePageData } from '../../src/lib/pages/provincePage.ts';
import { reviewPageData } from '../../src/lib/pages/reviewPage.ts';
import { siteIndex, type SiteIndex } from '../../src/lib/pages/site.ts';
import { sourcePageData, sourcesIndexData } from '../../src/lib/pages/sourcesPage.ts';
import { unitPageData } from '../../src/lib/pages/unitPage.ts';
import type { DataSet } from '../../src/lib/schema/dataSet.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { fixtureSite } from './paths.ts';

let loaded: DataSet | undefined;

export async function fixtureDataSet(): Promise<DataSet> {
  if (!loaded) {
    const { dataSet, problems } = await loadDataSet({ dataDir: join(fixtureSite, 'data'), contentDir: join(fixtureSite, 'content') });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
    loaded = dataSet;
  }
  return loaded;
}

/** Every page's data at once: fine for a small data set, which is what tests use. */
export function allPageData(index: SiteIndex) {
  const { context } = index;
  return {
    home: homePageData(context),
    compareIndex: compareIndexData(context),
    sources: sourcesIndexData(context),
    sourcePages: index.sources.map((s) => sourcePageData(context, s.id)),
    reviews: index.reviews.map((r) => reviewPageData(context, r)),
    provinces: index.provinces.map((p) => provincePageData(context, p.id)),
    units: index.units.map((u) => unitPageData(context, u.province, u.id)),
    metrics: index.metrics.map((m) => metricPageData(context, m.id)),
    compareMetrics: index.compareMetrics.map((m) => compareMetricData(context, m.id)),
    comparePairs: index.pairs.map(([a, b]) => comparePairData(context, a.id, b.id)),
  };
}

export async function fixturePages(): Promise<ReturnType<typeof allPageData>> {
  return allPageData(siteIndex(await fixtureDataSet()));
}
