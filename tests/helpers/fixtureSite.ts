/** The fixture data set (tests/fixtures/site) loaded once, and its page data. */
import { join } from 'node:path';
import { sitePages, type SitePages } from '../../src/lib/pages/site.ts';
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

export async function fixturePages(): Promise<SitePages> {
  return sitePages(await fixtureDataSet());
}
