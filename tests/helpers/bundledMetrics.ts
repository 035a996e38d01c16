/** The product's metric dictionary (data/metrics.csv), which the extractor matches names against. */
import { join } from 'node:path';
import type { Metric } from '../../src/lib/schema/metric.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { repoRoot } from './paths.ts';

export async function bundledMetrics(): Promise<Metric[]> {
  const { dataSet } = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'no-content') });
  return dataSet.metrics;
}
