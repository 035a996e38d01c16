/**
 * Any sequence of edits to the data, the narratives, the catalog, the cache and the published site:
 * after each, the incremental build writes byte for byte what a full build from nothing writes.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { folderReadingCache } from '../../src/build/incremental/readingCache.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { fileHashes } from '../helpers/fileHashes.ts';
import { fixtureSite } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir('all');

async function build(work: string, outDir: string, cacheDir?: string): Promise<void> {
  const options = { dataDir: join(work, 'data'), contentDir: join(work, 'content') };
  const { dataSet, digests, problems } = await loadDataSet({ ...options, ...(cacheDir ? { cache: folderReadingCache(cacheDir, options.dataDir) } : {}) });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  await buildSite({ dataSet, digests, outDir, ...(cacheDir ? { cacheDir } : {}) });
}

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));

/** The folders of one sequence: the data and content, the published site, the cache. */
interface World {
  work: string;
  site: string;
  cache: string;
}

/** Each edit a user, a tool or an accident makes between two builds; `n` picks a file or a value. */
const edits: Record<string, (w: World, n: number) => void> = {
  value: (w, n) => edit(join(w.work, 'data/observations/more.csv'), (t) => t.replace(/donations,\d+/u, `donations,${300 + n}`)),
  // A row added, or the one added before written anew at the end: two rows of one figure would be an error, not an edit.
  row: (w, n) => edit(join(w.work, 'data/observations/more.csv'), (t) => `${t.replace(/^hainan,,2018,training-attendance,.*\n/mu, '')}hainan,,2018,training-attendance,${1000 + n},,hainan-2019,培训${1000 + n}人次,\n`),
  narrative: (w, n) => edit(join(w.work, 'content/hainan/2020.md'), (t) => `${t}\n第${n}次修改。\n`),
  catalog: (w, n) => edit(join(w.work, 'data/units.csv'), (t) => t.replace(/省公安厅,[^,\n]*,/u, `省公安厅,公安${n},`)),
  corruptCache: (w, n) => {
    const files = filesUnder(w.cache);
    const file = files[n % Math.max(1, files.length)];
    if (file) edit(file, (t) => t.replace(/\d/u, (d) => String((Number(d) + 1) % 10)));
  },
  dropCache: (w) => rmSync(w.cache, { recursive: true, force: true }),
  editPage: (w, n) => {
    const pages = filesUnder(w.site).filter((f) => f.endsWith('.html'));
    const page = pages[n % pages.length];
    if (page) edit(page, (t) => t.replace('</body>', '<p>手工修改</p></body>'));
  },
  deleteFile: (w, n) => {
    const files = filesUnder(w.site);
    const file = files[n % files.length];
    if (file) rmSync(file);
  },
};

describe('incremental builds, for any sequence of edits', () => {
  it('write what a full build of the same inputs writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...Object.keys(edits)), fc.nat(50)), { minLength: 3, maxLength: 3 }), async (steps) => {
        const root = tempDir();
        const w: World = { work: join(root, 'work'), site: join(root, 'site'), cache: join(root, 'cache') };
        cpSync(fixtureSite, w.work, { recursive: true });
        await build(w.work, w.site, w.cache);
        for (const [i, [kind, n]] of steps.entries()) {
          edits[kind]?.(w, n);
          await build(w.work, w.site, w.cache);
          const full = join(root, `full-${i}`);
          await build(w.work, full);
          const a = fileHashes(w.site);
          const b = fileHashes(full);
          const differing = [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path));
          expect(differing, `after ${steps.slice(0, i + 1).map(([k, m]) => `${k}(${m})`).join(', ')}`).toEqual([]);
        }
      }),
      { numRuns: 2 },
    );
  }, 600_000);
});
