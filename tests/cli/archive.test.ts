/** npm run archive: one file with a SHA-256 manifest, verified after writing; a tampered archive fails verification. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveRoot, verifyArchive, writeArchive } from '../../src/cli/archive.ts';
import { buildSite } from '../../src/cli/buildSite.ts';
import { fixtureDataSet } from '../helpers/fixtureSite.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDir('all');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
let site = '';

beforeAll(async () => {
  site = join(tempDir(), 'dist');
  await buildSite({ dataSet: await fixtureDataSet(), dataDir: join(fixtureSite, 'data'), contentDir: join(fixtureSite, 'content'), outDir: site });
});

describe('archive', () => {
  it('writes the same bytes for the same site, and verifies them', async () => {
    const dir = tempDir();
    const a = await writeArchive(site, join(dir, 'a.tar.gz'));
    await writeArchive(site, join(dir, 'b.tar.gz'));
    expect(readFileSync(join(dir, 'a.tar.gz')).equals(readFileSync(join(dir, 'b.tar.gz')))).toBe(true);
    expect(a.files).toBeGreaterThan(50);
    expect(await verifyArchive(join(dir, 'a.tar.gz'))).toEqual([]);
  });

  it('finds a changed, a missing and an unlisted file', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.tar.gz');
    await writeArchive(site, good);
    const unpacked = join(dir, 'x');
    mkdirSync(unpacked);
    await tar.extract({ file: good, cwd: unpacked });
    const root = join(unpacked, archiveRoot);
    writeFileSync(join(root, 'index.html'), 'changed');
    writeFileSync(join(root, 'extra.txt'), 'extra');
    const files = readFileSync(join(root, 'MANIFEST.sha256'), 'utf8').split('\n').filter(Boolean).map((l) => `${archiveRoot}/${l.slice(66)}`);
    const kept = files.filter((f) => f !== `${archiveRoot}/sources.html`);
    const bad = join(dir, 'bad.tar.gz');
    await tar.create({ gzip: true, file: bad, cwd: unpacked, portable: true }, [`${archiveRoot}/MANIFEST.sha256`, `${archiveRoot}/extra.txt`, ...kept]);
    const problems = await verifyArchive(bad);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(expect.stringMatching(/^zongshu-site\/index\.html has changed/u));
    expect(problems).toContain('zongshu-site/sources.html is listed in the manifest but missing from the archive');
    expect(problems).toContain('zongshu-site/extra.txt is in the archive but not in the manifest');
  });

  it('runs as npm run archive, and --verify exits 1 on a bad archive', async () => {
    const dir = tempDir();
    const out = join(dir, 'site.tar.gz');
    const written = await run(tsx, ['scripts/archive.ts', '--site', site, '--out', out], { cwd: repoRoot });
    expect(written.stdout).toContain('every file matches its SHA-256 in the manifest');
    cpSync(join(fixtureSite, 'data/units.csv'), join(dir, 'junk.tar.gz'));
    const failed = await run(tsx, ['scripts/archive.ts', '--verify', join(dir, 'junk.tar.gz')], { cwd: repoRoot }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stderr).toContain('is not a gzipped tar archive');
  });
});
