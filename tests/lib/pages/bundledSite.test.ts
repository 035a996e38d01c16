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
  it('has a review page for each of the five reviews, each with narrative, headline figures, three charts or more and sources', () => {
    expect(site.reviews.map((r) => r.path)).toEqual(['guangxi/2022.html', 'hainan/2020.html', 'henan/2020-2024.html', 'jiangsu/2021-2022.html', 'qinghai/2019-2020.html']);
    for (const review of site.reviews) {
      expect(review.narrativeHtml, review.path).toBeDefined();
      expect(review.narrativeHtml).not.toContain('{{');
      expect(review.cards.filter((c) => c.primary !== null).length, review.path).toBeGreaterThan(0);
      expect(review.charts.length, review.path).toBeGreaterThanOrEqual(3);
      expect(review.sources.length, review.path).toBeGreaterThan(0);
    }
  });

  it('has a page for every unit named in the data', () => {
    const named = new Set(dataSet.observations.flatMap((o) => (o.unit ? [`${o.province}/units/${o.unit}.html`] : [])));
    expect(new Set(site.units.map((u) => u.path))).toEqual(named);
    expect(named.size).toBe(23);
  });

  it('compares the five provinces on every metric at least one reports, flagging period differences', () => {
    expect(site.compareIndex.provinces.map((p) => p.label)).toEqual(['江苏', '河南', '广西', '海南', '青海']);
    const training = site.compareMetrics.find((c) => c.path === 'compare/training-attendance.html');
    expect(training?.sections[0]?.note).toContain('期间长度不同');
    const pair = site.comparePairs.find((p) => p.path === 'compare/hainan/qinghai.html');
    expect(pair?.rows.find((r) => r.metricName === '培训人次')?.note).toBe('期间长度不同：累计数不可直接比较');
  });
});
