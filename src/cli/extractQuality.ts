/**
 * Runs the extractor on the bundled reviews (../shared/seeds) and measures it
 * against the data set's rows and the hand list of real figures in
 * tests/fixtures/extract/gold.json: the file-system side of src/lib/extract/quality.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlaced } from '../lib/extract/extract.ts';
import { measureQuality, type QualityReport, type Tally } from '../lib/extract/quality.ts';
import { loadDataSet } from '../load/loadDataSet.ts';

export interface GoldReview {
  province: string;
  period: string;
  source: string;
  /** Every real figure of the text: its number and its place (four characters before, two after). */
  figures: Array<{ number: string; context: string }>;
}

export interface SeedQuality {
  reviews: Array<{ source: string; report: QualityReport }>;
  total: QualityReport;
}

const emptyReport = (): QualityReport => ({ recall: { total: 0, hit: 0 }, metricRight: { total: 0, hit: 0 }, precision: { total: 0, hit: 0 }, recallByCategory: {}, precisionByCategory: {}, missed: [], wrong: [] });

function addTally(into: Tally, from: Tally): void {
  into.total += from.total;
  into.hit += from.hit;
}

function addTallies(into: Record<string, Tally>, from: Record<string, Tally>): void {
  for (const [key, tally] of Object.entries(from)) addTally((into[key] ??= { total: 0, hit: 0 }), tally);
}

export async function measureSeeds(projectRoot: string, seedsDir: string): Promise<SeedQuality> {
  const gold = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/extract/gold.json'), 'utf8')) as Record<string, GoldReview>;
  const { dataSet } = await loadDataSet({ dataDir: join(projectRoot, 'data'), contentDir: join(projectRoot, 'content') });
  const total = emptyReport();
  const reviews: SeedQuality['reviews'] = [];
  for (const [file, review] of Object.entries(gold)) {
    const { cleaned, candidates } = extractPlaced(readFileSync(join(seedsDir, file), 'utf8'), { ...review, metrics: dataSet.metrics });
    const rows = dataSet.observations.filter((o) => o.source === review.source);
    const report = measureQuality(cleaned, candidates, rows, review.figures, dataSet.metrics);
    reviews.push({ source: review.source, report });
    for (const key of ['recall', 'metricRight', 'precision'] as const) addTally(total[key], report[key]);
    addTallies(total.recallByCategory, report.recallByCategory);
    addTallies(total.precisionByCategory, report.precisionByCategory);
    total.missed.push(...report.missed.map((m) => `${review.source}: ${m}`));
    total.wrong.push(...report.wrong.map((m) => `${review.source}: ${m}`));
  }
  return { reviews, total };
}
