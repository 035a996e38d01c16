/**
 * The bundled data set is transcribed from the five reviews in ../shared/seeds.
 * Every quote must stand in its source text, and hold the figure of its row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey, toSimplified } from '../../src/lib/script.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { repoRoot, seedsDir } from '../helpers/paths.ts';

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

describe.runIf(existsSync(seedsDir))('quotes of the bundled data', () => {
  const texts = new Map(Object.entries(seedOfSource).map(([source, file]) => [source, readFileSync(join(seedsDir, file), 'utf8').replace(inlinePinyin, '')]));

  it('covers every source of the data set', () => {
    expect(dataSet.sources.map((s) => s.id).sort()).toEqual(Object.keys(seedOfSource).sort());
  });

  it.each(dataSet.observations.map((o) => [o.id, o] as const))('%s: quote stands in its source and holds the figure', (_, o) => {
    const text = texts.get(o.source);
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
  it('has 30-40 metrics, each with both scripts, a definition and ratio parts where needed', () => {
    expect(dataSet.metrics.length).toBeGreaterThanOrEqual(30);
    expect(dataSet.metrics.length).toBeLessThanOrEqual(40);
    for (const m of dataSet.metrics) {
      expect(m.name_hant).not.toBe('');
      expect(m.definition.length).toBeGreaterThan(4);
      if (m.kind === 'ratio') expect([m.numerator, m.denominator].every((id) => dataSet.metrics.some((x) => x.id === id))).toBe(true);
    }
  });

  it('is used: every category of the mission has figures', () => {
    const used = new Set(dataSet.observations.map((o) => dataSet.metrics.find((m) => m.id === o.metric)?.category));
    for (const category of ['branches', 'training', 'cases', 'honours', 'members', 'funds', 'propaganda', 'research', 'service']) {
      expect(used.has(category as never), category).toBe(true);
    }
  });
});

describe('Hainan 2020 unit figures', () => {
  it('names the 20 units rated 优秀, which add up to the committee total', () => {
    const rated = dataSet.observations.filter((o) => o.province === 'hainan' && o.metric === 'units-rated-excellent');
    expect(rated.filter((o) => o.unit !== null)).toHaveLength(20);
    expect(rated.find((o) => o.unit === null)?.value).toBe(20);
  });
});
