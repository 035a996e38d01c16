/** The bundled five-province data: what the "done when" asks of its pages, checked on the page data. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteIndex } from '../../../src/lib/pages/site.ts';
import { allPageData } from '../../helpers/fixtureSite.ts';
import { loadDataSet } from '../../../src/load/loadDataSet.ts';
import { repoRoot } from '../../helpers/paths.ts';

const { dataSet } = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') });
const site = allPageData(siteIndex(dataSet));

describe('the bundled site', () => {
  it('has a review page for each of the five reviews, each with narrative, headline figures, charts and sources', () => {
    expect(site.reviews.map((r) => r.path)).toEqual(['guangxi/2022.html', 'hainan/2020.html', 'henan/2020-2024.html', 'jiangsu/2021-2022.html', 'qinghai/2019-2020.html']);
    for (const review of site.reviews) {
      expect(review.narrativeHtml, review.path).toBeDefined();
      expect(review.narrativeHtml).not.toContain('{{');
      expect(review.cards.filter((c) => c.primary !== null).length, review.path).toBeGreaterThan(0);
      // Charts only where figures may be compared (GUIDE 2b): a coverage chart always, others where the data allow.
      expect(review.charts.some((c) => c.kind === 'coverageMatrix'), review.path).toBe(true);
      expect(review.charts.every((c) => c.kind !== 'rankedBars'), review.path).toBe(true);
      expect(review.sources.length, review.path).toBeGreaterThan(0);
    }
  });

  it('has a page for every unit named in the data', () => {
    const named = new Set(dataSet.observations.flatMap((o) => (o.unit ? [`${o.province}/units/${o.unit}.html`] : [])));
    expect(new Set(site.units.map((u) => u.path))).toEqual(named);
    expect(named.size).toBe(42);
  });

  it('compares the five provinces on every metric at least one reports, flagging period differences', () => {
    expect(site.compareIndex.provinces.map((p) => p.label)).toEqual(['江苏', '河南', '广西', '海南', '青海']);
    // Hainan's one-year training and Qinghai's two-year training are shown side by side, never ranked.
    const training = site.compareMetrics.find((c) => c.path === 'compare/training-attendance.html');
    expect(training?.sections[0]?.note).toContain('期间长度不同');
    expect(training?.sections[0]?.charts).toEqual([]);
    const pair = site.comparePairs.find((p) => p.path === 'compare/hainan/qinghai.html');
    expect(pair?.rows.find((r) => r.metricName === '培训人次')?.note).toBe('不可比：期间长度不同：1年与2年');
  });
});
