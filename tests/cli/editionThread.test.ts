import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEditionThread } from '../../src/cli/editionThread.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();
const page = (title: string) => new TextEncoder().encode(`<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`);

describe('startEditionThread', () => {
  it('writes each page it is sent in Traditional script and hands on the texts of both editions', async () => {
    const site = tempDir();
    const texts = new Map<string, { simplified: string; traditional: string }>();
    const thread = startEditionThread(site, (path, t) => texts.set(path, t));
    thread.convert('a/b.html', page('党支部'));
    expect([...(await thread.finish())]).toEqual(['a/b.html']);
    expect(readFileSync(join(site, 'zh-Hant/a/b.html'), 'utf8')).toContain('<h1>黨支部</h1>');
    expect(texts.get('a/b.html')?.traditional).toContain('黨支部');
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
});
