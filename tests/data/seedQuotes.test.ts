/**
 * The bundled data set is transcribed from the five reviews in ../shared/seeds.
 * Every quote must stand in its source text, and hold the figure of its row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey, toSimplified } from '../../src/lib/script.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { repoRoot, seedsDir } from '../helpers/paths.ts';
import { describeWith, seeds } from '../helpers/requires.ts';

const seedOfSource: Record<string, string> = {
  'qinghai-2019-2020': '000_1f2662cc61b9e898.txt',
  'jiangsu-2022': '001_c7970fbd0a75f906.txt',
  'henan-2024': '002_9a4c4e6b50f02208.txt',
  'guangxi-2022': '003_cfeaec5d2dcccb36.txt',
  'hainan-2020': '004_e6ce74bfb9ddebab.txt',
};

/** Web copies carry pinyin after characters (機關(guān)); quotes leave it out. */
const inlinePinyin = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\)/gu;
const fold = (text: string) => toSimplified(text.normalize('NFKC'));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const { dataSet } = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') });

// Skipped without ../shared/seeds (a fresh clone), required with CI=true.
describeWith([seeds], 'quotes of the bundled data', () => {
  // Read lazily: vitest collects a skipped suite too, and a fresh clone has no seeds.
  let texts: Map<string, string> | undefined;
  const textOf = (source: string) => {
    texts ??= new Map(Object.entries(seedOfSource).map(([id, file]) => [id, readFileSync(join(seedsDir, file), 'utf8').replace(inlinePinyin, '')]));
    return texts.get(source);
  };

  it('covers every source of the data set', () => {
    expect(dataSet.sources.map((s) => s.id).sort()).toEqual(Object.keys(seedOfSource).sort());
  });

  it.each(dataSet.observations.map((o) => [o.id, o] as const))('%s: quote stands in its source and holds the figure', (_, o) => {
    const text = textOf(o.source);
    expect(text, `no seed text for ${o.source}`).toBeDefined();
    expect(text).toContain(o.quote);
    const quote = fold(o.quote);
    const unit = o.unit && dataSet.units.find((u) => u.province === o.province && u.id === o.unit);
    if (unit && o.value === 1) {
      // A unit named in a list ("…等20个单位获优秀等次") counts once: its quote holds its name.
      expect([unit.name, ...unit.aliases].some((name) => nameKey(quote).includes(nameKey(name)))).toBe(true);
    } else {
      const written = fold(o.written).replace(/(?:万元|元)$/u, '');
      expect(quote).toMatch(new RegExp(`(?<![\\d.])${escape(written)}(?![\\d])`, 'u'));
    }
  });
});

describe('the metric dictionary', () => {
  it('gives every metric both scripts (Taiwan standard forms), a definition and ratio parts where needed', () => {
    expect(dataSet.metrics.length).toBeGreaterThanOrEqual(30);
    for (const m of dataSet.metrics) {
      expect(m.name_hant, m.id).not.toBe('');
      expect(m.name_hant, m.id).not.toMatch(/[爲覈錶]/u);
      expect(m.definition.length, m.id).toBeGreaterThan(4);
      // Read on metric pages and in search excerpts: another metric is named by its name, never by its id.
      expect(m.definition, m.id).not.toMatch(/[a-z]+(?:-[a-z]+)+/u);
      if (m.numerator !== '') expect([m.numerator, m.denominator].every((id) => dataSet.metrics.some((x) => x.id === id))).toBe(true);
    }
  });

  it('is used: every metric has a figure, so the dictionary holds no metric nobody reports', () => {
    const used = new Set(dataSet.observations.map((o) => o.metric));
    const ratioParts = new Set(dataSet.metrics.flatMap((m) => [m.numerator, m.denominator]));
    // A metric the synthetic returns report (research-national-awards) may stand without a bundled figure.
    const unused = dataSet.metrics.filter((m) => !used.has(m.id) && !ratioParts.has(m.id)).map((m) => m.id);
    expect(unused).toEqual(['research-national-awards']);
  });

  it('is used: every category of the mission has figures', () => {
    const used = new Set(dataSet.observations.map((o) => dataSet.metrics.find((m) => m.id === o.metric)?.category));
    for (const category of ['branches', 'training', 'cases', 'honours', 'members', 'funds', 'propaganda', 'research', 'service']) {
      expect(used.has(category as never), category).toBe(true);
    }
  });
});

describe('the transcription', () => {
  // Rows per source when every figure of the five texts was transcribed (issue 15): a drop means figures were lost.
  const transcribed: Record<string, number> = { 'qinghai-2019-2020': 59, 'jiangsu-2022': 9, 'henan-2024': 20, 'guangxi-2022': 21, 'hainan-2020': 130 };
  it.each(Object.entries(transcribed))('keeps every row of %s', (source, rows) => {
    expect(dataSet.observations.filter((o) => o.source === source).length).toBeGreaterThanOrEqual(rows);
  });

  it('publishes what the texts say, not a changed basis or wording', () => {
    const row = (source: string, written: string) => dataSet.observations.find((o) => o.source === source && o.written === written);
    // 3054人 counts people; 112个 research results are not 篇; 40余万 keeps its word.
    expect(dataSet.metrics.find((m) => m.id === row('qinghai-2019-2020', '3054')?.metric)?.counts).toBe('people');
    expect(dataSet.metrics.find((m) => m.id === row('guangxi-2022', '112')?.metric)?.unit).toBe('个');
    expect(row('guangxi-2022', '40余万')?.scope).not.toBe('');
    // Guangxi's 示范点113 has no year in the text, and is not a count of 示范党支部.
    expect(row('guangxi-2022', '113')).toMatchObject({ undated: true, scope: '全区' });
    expect(row('guangxi-2022', '113')?.metric).not.toBe('model-branches');
    // Jiangsu's 6280 counts branches rated in 2021; 6000多 includes affiliated units.
    expect(row('jiangsu-2022', '6280')?.metric).toBe('branches-rated');
    expect(row('jiangsu-2022', '6000多')?.scope).toContain('含直属单位');
  });
});

describe('Hainan 2020 unit figures', () => {
  it('names the 20 units rated 优秀, which add up to the committee total', () => {
    const rated = dataSet.observations.filter((o) => o.province === 'hainan' && o.metric === 'units-rated-excellent');
    expect(rated.filter((o) => o.unit !== null)).toHaveLength(20);
    expect(rated.find((o) => o.unit === null)?.value).toBe(20);
  });
});
