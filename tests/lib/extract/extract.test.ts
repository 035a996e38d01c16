import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidatesCsv, extractCandidates } from '../../../src/lib/extract/extract.ts';
import { toTraditional } from '../../../src/lib/script.ts';
import { CandidateSchema } from '../../../src/lib/schema/candidate.ts';
import type { Metric } from '../../../src/lib/schema/metric.ts';
import { bundledMetrics } from '../../helpers/bundledMetrics.ts';
import { repoRoot } from '../../helpers/paths.ts';

let metrics: Metric[];
beforeAll(async () => {
  metrics = await bundledMetrics();
});
const extract = (text: string, period = '2023') => extractCandidates(text, { province: 'sichuan', period, source: 'sichuan-2023', metrics });

/**
 * A review the extractor was never tuned on: written for this test in the style of the
 * bundled five (web copy with pinyin, a byline, a lost 7·1 dot, slogans, a document name,
 * a footer with phone and post code). Every figure and the metric a person would give it.
 */
const unseen = readFileSync(join(repoRoot, 'tests/fixtures/extract/unseen-sichuan-2023.txt'), 'utf8');
const unseenFigures: Array<[value: string, metric: string]> = [
  ['126', 'training-classes'],
  ['约2.3万', 'training-attendance'],
  ['480余', 'study-sessions'],
  ['1960', 'branches-total'],
  ['1862', 'branches-compliant'],
  ['95%', 'branch-compliance-rate'],
  ['40', 'model-branches'],
  ['63', 'committees-reelected'],
  ['近300', 'petitions-leads'],
  ['112', 'preliminary-verifications'],
  ['37', 'cases-filed'],
  ['41', 'sanctions'],
  ['218', 'first-form-actions'],
  ['650余', 'warning-education-sessions'],
  ['3万多', 'warning-education-attendance'],
  ['85', 'honoured-organisations'],
  ['312', 'honoured-members'],
  ['96', 'honoured-party-workers'],
  ['18', 'model-organs'],
  ['36', 'model-organs'],
  ['1200余', 'service-projects'],
  ['2450', 'problems-solved'],
  ['1386.5万元', 'consumption-aid-sales'],
  ['216万元', 'donations'],
  ['530', 'members-developed'],
  ['420', 'members-developed'],
  ['4100余', 'news-items'],
];

describe('extractCandidates on a review it has never seen', () => {
  it('finds every figure, and nothing else: no date, slogan, document number or footer', () => {
    expect(extract(unseen).map((c) => c.value).sort()).toEqual(unseenFigures.map(([value]) => value).sort());
  });

  it('proposes the metric a person would for every figure', () => {
    const found = new Map(extract(unseen).map((c) => [c.value, c.metric]));
    expect(unseenFigures.filter(([value, metric]) => found.get(value) !== metric)).toEqual([]);
  });

  it('finds the same figures in the Traditional text, quoting it as written', () => {
    const simplified = extract(unseen);
    const traditional = extract(toTraditional(unseen));
    expect(traditional.map((c) => [c.metric, c.qualifier])).toEqual(simplified.map((c) => [c.metric, c.qualifier]));
    expect(traditional.find((c) => c.metric === 'honoured-organisations')?.quote).toBe('表彰先進基層黨組織85個');
  });

  it('gives each row its quote verbatim from the cleaned text, its qualifier and measure word', () => {
    const rows = extract(unseen);
    expect(rows.find((c) => c.value === '3万多')).toMatchObject({ qualifier: 'more_than', measure_word: '人次', quote: '受教育干部3万多人次', confidence: 'high' });
    expect(rows.find((c) => c.value === '近300')).toMatchObject({ qualifier: 'nearly', measure_word: '件' });
    expect(rows.find((c) => c.value === '约2.3万')).toMatchObject({ qualifier: 'about', quote: '培训党员干部约2.3万人次' });
    for (const row of rows) expect(CandidateSchema.parse(row)).toEqual(row);
  });

  it('notes parts of a whole and figures counted over more than a year', () => {
    const rows = extract(unseen);
    expect(rows.find((c) => c.value === '420')?.note).toContain('其中');
    expect(rows.find((c) => c.value === '36')?.note).toContain('近两年来');
    expect(rows.find((c) => c.value === '530')?.note).toBe('');
  });
});

describe('extractCandidates on the forms of the articles', () => {
  it('proposes the year a sentence names within a two-year review', () => {
    const [row] = extract('2020年，表彰优秀共产党员312名。', '2019-2020');
    expect(row).toMatchObject({ period: '2020', metric: 'honoured-members' });
    expect(row?.note).toContain('2020年');
  });

  it('keeps the review period when the sentence names no year, and notes 5年来', () => {
    const [row] = extract('5年来，累计发展党员530名。', '2019-2020');
    expect(row).toMatchObject({ period: '2019-2020', value: '530' });
    expect(row?.note).toContain('5年来');
  });

  it('quotes only the part of a 、 list that holds the figure', () => {
    const rows = extract('表彰先进基层党组织85个、优秀共产党员312名、优秀党务工作者96名。');
    expect(rows.map((c) => c.quote)).toEqual(['表彰先进基层党组织85个', '优秀共产党员312名', '优秀党务工作者96名']);
  });

  it('reads the rate of a share sentence and its two counts', () => {
    const rows = extract('2387个党支部达标，占全部在职党支部2824个的89%。');
    expect(rows.map((c) => [c.value, c.metric])).toEqual([
      ['2387', 'branches-compliant'],
      ['2824', 'branches-total'],
      ['89%', 'branch-compliance-rate'],
    ]);
  });

  it('leaves the metric empty with a note when no name is near', () => {
    const [row] = extract('全年共计1200个。');
    expect(row).toMatchObject({ metric: '', confidence: 'none' });
    expect(row?.note).toContain('人工判断');
  });
});

describe('candidatesCsv', () => {
  it('writes data format v1 columns and the two review columns, quoting where CSV needs it', () => {
    const csv = candidatesCsv(extract('培训1,200人次。'));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['province', 'unit', 'period', 'metric', 'value', 'qualifier', 'source', 'quote', 'note', 'measure_word', 'confidence']);
    expect(parsed.data).toEqual([expect.objectContaining({ value: '1,200', quote: '培训1,200人次', metric: 'training-attendance' })]);
  });
});
