/**
 * Builds as a hostile user runs them (`npm run build`, in processes of their own): at once into
 * two folders and into one, killed midway, after the cache was tampered with or a page edited by
 * hand. Whatever happens, the site at the output folder is a whole site of the data as they are,
 * byte for byte what a full build from nothing writes.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { manifestName } from '../../src/build/incremental/siteManifest.ts';
import { fileHashes } from '../helpers/fileHashes.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir('all');

/** The node arguments and options of `npm run build` of the data in `work` (its data/ and content/), into `out`, with the cache folder `cache`. */
function buildCommand(work: string, out: string, cache: string) {
  const args = ['--expose-gc', '--heap-growing-percent=20', 'scripts/run.mjs', 'build', '--lang', 'en', '--data', join(work, 'data'), '--content', join(work, 'content'), '--out', out];
  return { args, options: { cwd: repoRoot, env: { ...process.env, ZONGSHU_CACHE: cache, SOURCE_DATE_EPOCH: '1700000000' } } };
}

/** `npm run build` of the fixture copy in `work`, into `out`, with the cache folder `cache`. */
function build(work: string, out: string, cache: string) {
  const { args, options } = buildCommand(work, out, cache);
  return run(process.execPath, args, options)
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
}

function fixture(): string {
  const work = tempDir();
  cpSync(fixtureSite, work, { recursive: true });
  return work;
}

/** What a full build from nothing of the same data writes; its cache folder is named relative to the working directory, as a user may name it. */
async function fullBuild(work: string): Promise<Map<string, string>> {
  const out = join(tempDir(), 'full');
  const cache = tempDir();
  const built = await build(work, out, relative(repoRoot, cache));
  expect(built.code, built.stderr).toBe(0);
  // The charts drawn went into the folder named, not into one of that name under the folder Astro runs from.
  expect(readdirSync(join(cache, 'charts')).filter((name) => name.endsWith('.svg')).length).toBeGreaterThan(0);
  return fileHashes(out);
}

/** The fixture built into a site of its own with a cache of its own, and what a full build from nothing writes. */
async function builtSite() {
  const work = fixture();
  const expected = await fullBuild(work);
  const dir = tempDir();
  const out = join(dir, 'site');
  const cache = join(dir, 'cache');
  expect((await build(work, out, cache)).code).toBe(0);
  return { work, expected, dir, out, cache };
}

const differing = (a: Map<string, string>, b: Map<string, string>) => [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path));

describe('a build that cannot publish what the data does not say', () => {
  it('runs two builds into two folders side by side, and makes two builds into one folder take turns', async () => {
    const work = fixture();
    const expected = await fullBuild(work);
    const dir = tempDir();
    const [a, b] = await Promise.all([build(work, join(dir, 'a'), join(dir, 'cache-a')), build(work, join(dir, 'b'), join(dir, 'cache-b'))]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    expect(differing(fileHashes(join(dir, 'a')), expected)).toEqual([]);
    expect(differing(fileHashes(join(dir, 'b')), expected)).toEqual([]);
    const [c, d] = await Promise.all([build(work, join(dir, 'same'), join(dir, 'cache-c')), build(work, join(dir, 'same'), join(dir, 'cache-d'))]);
    expect([c.code, d.code], `${c.stderr}\n${d.stderr}`).toEqual([0, 0]);
    expect(`${c.stderr}${d.stderr}`).toContain('waiting for it to finish');
    expect(differing(fileHashes(join(dir, 'same')), expected)).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.startsWith('.zongshu'))).toEqual([]);
  }, 180_000);

  it('mends a build killed at any moment: the next one leaves a whole site and nothing beside it', async () => {
    const { work, expected, dir, out, cache } = await builtSite();
    // Killed early, midway and late in a build like the ones killed (everything kept), timed here: a fixed moment would miss it as builds get faster.
    const started = performance.now();
    expect((await build(work, out, cache)).code).toBe(0);
    const buildMs = performance.now() - started;
    for (const afterMs of [0.15, 0.5, 0.85].map((share) => Math.round(share * buildMs))) {
      const { args, options } = buildCommand(work, out, cache);
      const child = spawn(process.execPath, args, { ...options, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      child.kill('SIGKILL');
      await exited;
      const next = await build(work, out, cache);
      expect(next.code, next.stderr).toBe(0);
      expect(differing(fileHashes(out), expected), `killed after ${afterMs} ms`).toEqual([]);
      expect(readdirSync(dir).sort(), `killed after ${afterMs} ms`).toEqual(['cache', 'site']);
    }
  }, 300_000);

  it('stops at Ctrl+C while the pages are written: the site stays as it was, and nothing of the build is left', async () => {
    // The bundled data: enough pages that the threads are still writing when the signal comes.
    const dir = tempDir();
    const out = join(dir, 'site');
    expect((await build(repoRoot, out, join(dir, 'cache'))).code).toBe(0);
    // Without the manifest of the site it replaces, a build cannot tell its pages unchanged: it renders and writes every one.
    rmSync(join(out, manifestName));
    const before = fileHashes(out);
    for (const round of [1, 2]) {
      const cache = join(dir, `cache-${round}`);
      const { args, options } = buildCommand(repoRoot, out, cache);
      const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
      let said = '';
      child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const staging = join(dir, `.zongshu-build-site-${child.pid}`);
      const pagesWritten = () => (existsSync(staging) ? readdirSync(staging, { recursive: true }).filter((name) => String(name).endsWith('.html')).length : 0);
      let running = true;
      void exited.then(() => (running = false));
      while (running && pagesWritten() < 40) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGINT');
      expect(await exited, said).toBe(130);
      expect(said).toContain(`build interrupted: ${out} is unchanged.`);
      expect(differing(fileHashes(out), before)).toEqual([]);
      // No staging folder, lock or journal beside the site; no work folder of the build in the checkout.
      expect(readdirSync(dir).filter((name) => name.startsWith('.zongshu'))).toEqual([]);
      expect(existsSync(join(repoRoot, '.zongshu-work', String(child.pid)))).toBe(false);
    }
  }, 180_000);

  it('makes again what a tampered cache or a hand-edited page would have published', async () => {
    const { work, expected, out, cache } = await builtSite();
    // Every kept reading and chart with one digit changed, and a page of the site edited by hand.
    const walk = (folder: string): string[] => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    for (const file of walk(cache)) writeFileSync(file, readFileSync(file, 'utf8').replace(/2387/gu, '2825'));
    // And the bundle of the pages kept for the next build changed so that, were it taken, every page would say so.
    const bundled = walk(join(cache, 'renderer')).filter((file) => readFileSync(file, 'utf8').includes('机关党建工作综述'));
    expect(bundled.length).toBeGreaterThan(0);
    for (const file of bundled) writeFileSync(file, readFileSync(file, 'utf8').replaceAll('机关党建工作综述', '改过的综述'));
    const page = join(out, 'hainan/2020.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('2387', '2825'));
    const again = await build(work, out, cache);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('were not as they were written');
    expect(again.stdout).toContain('had been changed since it was built and were made again');
    expect(differing(fileHashes(out), expected)).toEqual([]);
    expect(readFileSync(page, 'utf8')).not.toContain('2825');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('改过的综述');
  }, 180_000);

  it('stops at data with errors, having taken the folder and started its threads while it read them: the site as it was, nothing beside it, no folder made for it', async () => {
    const { work, dir, out, cache } = await builtSite();
    const before = fileHashes(out);
    const sample = join(work, 'data/observations/sample.csv');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace('hainan,,2020,branches-total,2824', 'hainan,,20x0,branches-total,2824'));
    const failed = await build(work, out, cache);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`build stopped: fix the errors above; ${out} is unchanged.`);
    expect(differing(before, fileHashes(out))).toEqual([]);
    // No lock, staging folder or other work folder is left beside the site.
    expect(readdirSync(dir).sort()).toEqual(['cache', 'site']);
    // Into a folder not made yet: the folders made to hold its lock are gone again.
    const fresh = join(dir, 'new', 'deeper', 'site');
    const again = await build(work, fresh, cache);
    expect(again.code).toBe(1);
    expect(existsSync(join(dir, 'new'))).toBe(false);
  }, 180_000);

  it('says, when a build fails once its site is published, that the new site is in place; the next build checks it and leaves it whole', async () => {
    const { work, expected, out, cache } = await builtSite();
    // The folder of the stats kept for the next build is a file: they cannot be written, after the publish.
    const stats = join(cache, 'pages', 'sites');
    rmSync(stats, { recursive: true, force: true });
    writeFileSync(stats, 'in the way');
    const page = join(out, 'hainan/2020.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('2387', '2825'));
    const failed = await build(work, out, cache);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${out} holds the new site; the next build reads each of its files again to check it.`);
    expect(failed.stderr).not.toContain('is unchanged');
    expect(differing(fileHashes(out), expected)).toEqual([]);
    rmSync(stats);
    const next = await build(work, out, cache);
    expect(next.code, next.stderr).toBe(0);
    expect(differing(fileHashes(out), expected)).toEqual([]);
  }, 180_000);

  it('builds its own pages into its own folders from a copy of the checkout', async () => {
    // A copy of the sources beside the same node_modules: the runner's bundle, the threads, the cache and Astro's folders are the copy's.
    const copy = tempDir();
    for (const entry of ['src', 'scripts', 'public', 'package.json', 'package-lock.json', 'patches', 'tsconfig.json', 'astro.config.mjs']) cpSync(join(repoRoot, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
    const out = join(tempDir(), 'site');
    const args = ['scripts/run.mjs', 'build', '--lang', 'en', '--data', join(fixtureSite, 'data'), '--content', join(fixtureSite, 'content'), '--out', out];
    const env = { ...process.env };
    delete env.ZONGSHU_CACHE;
    // The same sources as the original: a bundle named by the sources alone would be the original's, with its paths.
    await run(process.execPath, args, { cwd: copy, env });
    expect(existsSync(join(copy, '.zongshu-cache'))).toBe(true);
    // Its work folders go with the build.
    expect(existsSync(join(copy, '.zongshu-work'))).toBe(false);
    const frame = join(copy, 'src/layouts/Frame.astro');
    writeFileSync(frame, readFileSync(frame, 'utf8').replace('<title>{title} · 机关党建工作综述</title>', '<title>{title} · 副本的站点</title>'));
    await run(process.execPath, args, { cwd: copy, env });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('副本的站点');
    // A page Astro cannot compile: Astro's error is said, the build fails, and the site stays as it was.
    const before = fileHashes(out);
    writeFileSync(frame, readFileSync(frame, 'utf8').replace(/^---\n/u, '---\nconst broken = ;\n'));
    const broken = await run(process.execPath, args, { cwd: copy, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Astro could not bundle the pages');
    expect(broken.stderr).toContain('Frame.astro');
    expect(differing(fileHashes(out), before)).toEqual([]);
  }, 180_000);
});

describe('a build pointed at something that is not a site', () => {
  it('refuses to replace a file, a folder of other files or the folder it reads, before reading the data, and touches none of them (exit 2)', async () => {
    const work = fixture();
    const file = join(work, 'notes.txt');
    writeFileSync(file, 'mine');
    const folder = join(work, 'documents');
    cpSync(join(work, 'content'), folder, { recursive: true });
    const before = fileHashes(work);
    for (const [out, says] of [
      [file, `the output ${file} is a file, not a folder`],
      [folder, `the output folder ${folder} holds files but is not a built site`],
      [join(work, 'data'), `the output folder ${join(work, 'data')} is ${join(work, 'data')}, which the build reads`],
      [work, `the output folder ${work} holds ${join(work, 'data')}, which the build reads`],
    ] as const) {
      const { code, stdout, stderr } = await build(work, out, tempDir());
      expect([code, stdout], out).toEqual([2, '']);
      expect(stderr, out).toContain(says);
    }
    expect(differing(before, fileHashes(work))).toEqual([]);
  });
});
