import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEditionThread } from '../../../src/build/threads/editionThread.ts';
import type { PublishedPage } from '../../../src/lib/pages/published.ts';
import { useTempDir } from '../../helpers/tempDir.ts';

const tempDir = useTempDir();
const page = (title: string) => new TextEncoder().encode(`<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main data-search-body><h1>${title}</h1></main></body></html>`);

describe('startEditionThread', () => {
  it('writes each page it is sent, its figures kept on one line, and in Traditional script, and hands on the texts of both editions', async () => {
    const site = tempDir();
    const texts = new Map<string, { simplified: string; traditional: string }>();
    const thread = startEditionThread(site, (path, t) => texts.set(path, t));
    const sent = page('党支部6420个');
    thread.convert('a/b.html', sent);
    // The bytes were handed over to the thread, not copied.
    expect(sent.byteLength).toBe(0);
    const { converted, written } = await thread.finish();
    expect([...converted]).toEqual(['a/b.html']);
    const simplified = readFileSync(join(site, 'a/b.html'), 'utf8');
    expect(simplified).toBe(new TextDecoder().decode(page('党支部<span class="nb">6420个</span>')).replace('<title>党支部<span class="nb">6420个</span></title>', '<title>党支部6420个</title>'));
    expect(readFileSync(join(site, 'zh-Hant/a/b.html'), 'utf8')).toContain('<h1>黨支部<span class="nb">6420個</span></h1>');
    // What the search index takes of each edition: the title (none marked here) and the text.
    expect(texts.get('a/b.html')).toEqual({ simplified: '\n党支部6420个', traditional: '\n黨支部6420個' });
    // The hashes of both editions as written.
    for (const path of ['a/b.html', 'zh-Hant/a/b.html']) expect(written.get(path), path).toBe(createHash('sha256').update(readFileSync(join(site, path))).digest('hex'));
  });

  it('fails the build, naming the first pages, when what is done with the texts fails, instead of ending the process', async () => {
    const site = tempDir();
    const thread = startEditionThread(site, () => {
      throw new Error('the cache cannot be written');
    });
    for (const name of ['a', 'b', 'c', 'd', 'e']) thread.convert(`${name}.html`, page(name));
    await expect(thread.finish()).rejects.toThrow(/^Traditional edition: a\.html: the cache cannot be written; .*; and 2 pages more$/u);
    expect(existsSync(join(site, 'zh-Hant/a.html'))).toBe(true);
  });

  const published: PublishedPage = {
    table: { id: 'hainan/2020', title: '海南2020', columns: ['指标', '数值'], rows: [['党支部数', '76个']] },
    charts: [{ id: 'hainan-2020-trend', title: '趋势', caption: '', description: '', kind: 'bars', table: { columns: ['年', '值'], rows: [['2020', 76]] } } as unknown as PublishedPage['charts'][number]],
    data: {},
  };

  it("writes the download files of each page's table and charts it is sent, and counts them before it finishes", async () => {
    const site = tempDir();
    const thread = startEditionThread(site, () => undefined);
    thread.writeTables(published);
    const { converted, written } = await thread.finish();
    expect([...converted]).toEqual([]);
    // Every file written, with the hash of what it holds.
    expect([...written.keys()].sort()).toEqual(['data/charts/hainan-2020-trend.csv', 'data/charts/hainan-2020-trend.json', 'data/pages/hainan/2020.csv', 'data/pages/hainan/2020.json']);
    for (const [path, hash] of written) expect(createHash('sha256').update(readFileSync(join(site, path))).digest('hex'), path).toBe(hash);
    expect(readFileSync(join(site, 'data/pages/hainan/2020.csv'), 'utf8')).toBe('\uFEFF指标,数值\r\n党支部数,76个\r\n');
    expect(JSON.parse(readFileSync(join(site, 'data/pages/hainan/2020.json'), 'utf8'))).toEqual({ title: '海南2020', columns: ['指标', '数值'], rows: [['党支部数', '76个']] });
    expect(JSON.parse(readFileSync(join(site, 'data/charts/hainan-2020-trend.json'), 'utf8'))).toMatchObject({ title: '趋势', rows: [['2020', 76]] });
  });

  it('fails the build, naming the table, when its files cannot be written', async () => {
    const site = tempDir();
    // A file where the folder of the page tables should be.
    writeFileSync(join(site, 'data'), '');
    const thread = startEditionThread(site, () => undefined);
    thread.writeTables(published);
    await expect(thread.finish()).rejects.toThrow(/^page tables: hainan\/2020: /u);
  });

  it('holds pages back while many wait for the thread, and lets every one of them on as it catches up', async () => {
    const site = tempDir();
    const thread = startEditionThread(site, () => undefined);
    for (let i = 0; i < 100; i++) thread.convert(`p${i}.html`, page(`p${i}`));
    const resumed: number[] = [];
    // Astro renders two pages at once: both wait.
    const both = [0, 1].map((n) => thread.ready().then(() => resumed.push(n)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(resumed).toEqual([]);
    await Promise.all(both);
    expect(resumed.sort()).toEqual([0, 1]);
    expect((await thread.finish()).converted.size).toBe(100);
  });
});
