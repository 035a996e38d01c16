/** Publishing a built site in place of the old one: every state a kill can leave is mended by the next build, and builds into one folder take turns. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestName } from '../../src/build/incremental/siteManifest.ts';
import { lockOutput, OutputChanged, outputAfter, publishInPlace, recoverIfIdle, recoverPublish, refuseUnlessReplaceable, swapIn, workPaths } from '../../src/build/publishSite.ts';
import { siteEntriesUnder } from '../../src/build/siteFiles.ts';
import type { OptionError } from '../../src/cli/options.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

function site(path: string, text: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
}
const page = (path: string) => readFileSync(join(path, 'index.html'), 'utf8');

/** The folders a publish of `out` by process `pid` works with, and its journal written (step 1). */
function started(dir: string, pid = 999999) {
  const out = join(dir, 'dist');
  const paths = { ...workPaths(out, pid), journal: workPaths(out).journal };
  site(out, 'old');
  site(paths.staging, 'new');
  writeFileSync(paths.journal, JSON.stringify({ staging: paths.staging, retired: paths.retired }));
  return { out, paths };
}

describe('publishing a site', () => {
  it('swaps the new site in and leaves nothing beside it', () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    site(out, 'old');
    const { staging } = workPaths(out);
    site(staging, 'new');
    swapIn(staging, out);
    expect(page(out)).toBe('new');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('completes a publish killed before the old site was moved aside', () => {
    const dir = tempDir();
    const { out } = started(dir);
    expect(recoverPublish(out)).toBe('completed');
    expect(page(out)).toBe('new');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('completes a publish killed between the two renames, when the output folder was missing', () => {
    const dir = tempDir();
    const { out, paths } = started(dir);
    renameSync(out, paths.retired);
    expect(existsSync(out)).toBe(false);
    expect(recoverPublish(out)).toBe('completed');
    expect(page(out)).toBe('new');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('only cleans up after a publish killed once the new site was in place', () => {
    const dir = tempDir();
    const { out, paths } = started(dir);
    renameSync(out, paths.retired);
    renameSync(paths.staging, out);
    expect(recoverPublish(out)).toBe('completed');
    expect(page(out)).toBe('new');
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('puts the old site back when the new one is gone', () => {
    const dir = tempDir();
    const { out, paths } = started(dir);
    renameSync(out, paths.retired);
    renameSync(paths.staging, join(dir, 'elsewhere'));
    expect(recoverPublish(out)).toBe('rolled-back');
    expect(page(out)).toBe('old');
  });

  it('removes the work folders of killed builds, with no journal', () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    site(out, 'old');
    site(workPaths(out, 4242).staging, 'half');
    site(workPaths(out, 4343).retired, 'older');
    site(join(dir, '.zongshu-build-other-4242'), 'another output folder');
    expect(recoverPublish(out)).toBe('none');
    expect(readdirSync(dir).sort()).toEqual(['.zongshu-build-other-4242', 'dist']);
  });

  it('makes a second build into the same folder wait for the first, and takes over a lock whose build is gone', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const first = await lockOutput(out);
    let told = 0;
    let second = false;
    const waiting = lockOutput(out, (pid) => {
      told = pid;
    }).then((lock) => {
      second = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(second).toBe(false);
    expect(told).toBe(process.pid);
    first.release();
    (await waiting).release();
    expect(second).toBe(true);
    // A lock of a process that no longer runs.
    const { lock } = workPaths(out);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(lock, String(gone.pid));
    const taken = await lockOutput(out);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    taken.release();
    expect(existsSync(lock)).toBe(false);
  });
});

/** Writes each file (site path → text) under `dir`. */
function files(dir: string, texts: Record<string, string>): void {
  for (const [path, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Every file and link under `dir`, with its text (a link: where it points). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(siteEntriesUnder(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/**
 * An incremental publish: the old site, a new one that keeps one of its files (`a/keep.html`), replaces
 * some, drops others (a folder of them emptied), and has a file where the old site had a folder and a
 * folder where it had a file; the old site also holds a link no build made.
 */
function incremental(dir: string) {
  const out = join(dir, 'dist');
  const { staging } = workPaths(out);
  files(out, { 'index.html': 'old', 'a/keep.html': 'kept', 'a/old.html': 'dropped', 'gone/deep/only.html': 'dropped', b: 'old file', 'c/y.html': 'old folder', [manifestName]: 'old manifest' });
  symlinkSync(join(out, 'index.html'), join(out, 'link'));
  files(staging, { 'index.html': 'new', 'b/x.html': 'new x', c: 'new file', 'new/page.html': 'new page', [manifestName]: 'new manifest' });
  const kept = new Set(['a/keep.html']);
  const expected = { [manifestName]: 'new manifest', 'a/keep.html': 'kept', 'b/x.html': 'new x', c: 'new file', 'index.html': 'new', 'new/page.html': 'new page' };
  // What publishInPlace lists in its journal: the old site's files the new one has not.
  const remove = ['a/old.html', 'b', 'c/y.html', 'gone/deep/only.html', 'link'];
  return { out, staging, kept, expected, remove, journal: () => writeFileSync(workPaths(out).journal, JSON.stringify({ staging, remove })) };
}

describe('publishing a site in place', () => {
  it('moves the new files in, removes those the new site has not and the folders they leave empty, and does not touch the files it keeps', () => {
    const dir = tempDir();
    const { out, staging, kept, expected } = incremental(dir);
    const keptInode = statSync(join(out, 'a/keep.html'));
    publishInPlace(staging, out, kept);
    expect(contents(out)).toEqual(expected);
    expect(existsSync(join(out, 'gone'))).toBe(false);
    const after = statSync(join(out, 'a/keep.html'));
    expect([after.ino, after.ctimeMs]).toEqual([keptInode.ino, keptInode.ctimeMs]);
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('fails, naming it, when a file it keeps has gone from the output folder since it was checked, and touches nothing', () => {
    const dir = tempDir();
    const { out, staging } = incremental(dir);
    const before = contents(out);
    let thrown: unknown;
    try {
      publishInPlace(staging, out, new Set(['a/keep.html', 'a/vanished.html', 'b/vanished.html']));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      message: 'a/vanished.html and 1 files more of the previous build have gone while this one ran; build again',
      zh: '上一次生成的 a/vanished.html 等 2 个文件在本次生成期间被删除了，请重新生成',
    });
    expect(contents(out)).toEqual(before);
    expect(existsSync(workPaths(out).journal)).toBe(false);
    expect(existsSync(staging)).toBe(true);
  });

  it('says a publish that fails after its journal left the output folder changed in part, and leaves what the next command finishes it from', () => {
    const dir = tempDir();
    const { out, staging, kept } = incremental(dir);
    // A new file below a file the site keeps: it cannot be moved in, once the old files have gone.
    files(staging, { 'a/keep.html/under.html': 'cannot be placed' });
    let thrown: unknown;
    try {
      publishInPlace(staging, out, kept);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OutputChanged);
    expect(outputAfter(thrown)).toBe('partly');
    expect(existsSync(join(out, 'a/old.html'))).toBe(false);
    expect(existsSync(workPaths(out).journal)).toBe(true);
    expect(existsSync(staging)).toBe(true);
  });

  it('says a swap that fails after its journal left the output folder changed in part, and the next command puts the old site back', () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    site(out, 'old');
    let thrown: unknown;
    try {
      // A staging folder gone before it was moved in: the old site had been moved aside already.
      swapIn(join(dir, 'no-such-staging'), out);
    } catch (error) {
      thrown = error;
    }
    expect(outputAfter(thrown)).toBe('partly');
    expect(existsSync(out)).toBe(false);
    expect(recoverPublish(out)).toBe('rolled-back');
    expect(page(out)).toBe('old');
    // A failure before any journal leaves the folder as it was, and says so.
    expect(outputAfter(new Error('before the publish'))).toBe('unchanged');
  });

  it('takes no journal whose files to remove lead out of the output folder', () => {
    const dir = tempDir();
    const { out, staging } = incremental(dir);
    files(dir, { 'outside.txt': 'not the site\'s' });
    const before = contents(out);
    for (const remove of [['../outside.txt'], [join(dir, 'outside.txt')], ['a/../../outside.txt']]) {
      writeFileSync(workPaths(out).journal, JSON.stringify({ staging, remove }));
      expect(recoverPublish(out), remove[0]).toBe('none');
      expect(readFileSync(join(dir, 'outside.txt'), 'utf8')).toBe("not the site's");
      expect(contents(out)).toEqual(before);
    }
  });

  // Each state a kill can leave once the journal is written, made by hand as the publish goes: the next command finishes it.
  const killed: Array<[string, (site: ReturnType<typeof incremental>) => void]> = [
    ['once its journal was written', () => undefined],
    [
      'once the old files went',
      ({ out, remove }) => {
        rmSync(join(out, manifestName));
        for (const path of remove) rmSync(join(out, path));
      },
    ],
    [
      'halfway through the moves',
      ({ out, staging, remove }) => {
        rmSync(join(out, manifestName));
        for (const path of remove) rmSync(join(out, path));
        renameSync(join(staging, 'index.html'), join(out, 'index.html'));
        mkdirSync(join(out, 'b'));
        renameSync(join(staging, 'b/x.html'), join(out, 'b/x.html'));
      },
    ],
    [
      'once every file was moved, its staging folder left empty',
      ({ out, staging, expected }) => {
        rmSync(out, { recursive: true });
        files(out, expected);
        rmSync(staging, { recursive: true });
        mkdirSync(join(staging, 'new'), { recursive: true });
      },
    ],
    [
      'once its staging folder was gone, with the journal left',
      ({ out, staging, expected }) => {
        rmSync(out, { recursive: true });
        files(out, expected);
        rmSync(staging, { recursive: true });
      },
    ],
  ];
  for (const [moment, kill] of killed) {
    it(`completes a publish in place killed ${moment}`, () => {
      const dir = tempDir();
      const site = incremental(dir);
      site.journal();
      kill(site);
      expect(recoverPublish(site.out)).toBe('completed');
      expect(contents(site.out)).toEqual(site.expected);
      expect(existsSync(join(site.out, 'gone'))).toBe(false);
      expect(readdirSync(dir)).toEqual(['dist']);
    });
  }
});

describe('check', () => {
  it('mends a publish a killed build left, unless a build is running', () => {
    const dir = tempDir();
    const { out, paths } = started(dir);
    renameSync(out, paths.retired);
    writeFileSync(workPaths(out).lock, String(process.pid));
    expect(recoverIfIdle(out)).toBeUndefined();
    expect(existsSync(out)).toBe(false);
    writeFileSync(workPaths(out).lock, '999999');
    expect(recoverIfIdle(out)).toBe('completed');
    expect(page(out)).toBe('new');
  });
});

describe('the output folder a build may replace', () => {
  const refusal = (outDir: string, inputs: string[] = []) => {
    try {
      refuseUnlessReplaceable(outDir, inputs);
      return undefined;
    } catch (error) {
      return (error as OptionError).zh;
    }
  };

  it('takes a missing or empty folder, and a site with or without its manifest', () => {
    const dir = tempDir();
    expect(refusal(join(dir, 'new/dist'))).toBeUndefined();
    mkdirSync(join(dir, 'empty'));
    expect(refusal(join(dir, 'empty'))).toBeUndefined();
    site(join(dir, 'site'), 'old');
    expect(refusal(join(dir, 'site'))).toBeUndefined();
    mkdirSync(join(dir, 'manifest-only'));
    writeFileSync(join(dir, 'manifest-only', manifestName), '');
    expect(refusal(join(dir, 'manifest-only'))).toBeUndefined();
  });

  it('refuses a file, a folder below a file, a folder of other files, and a folder that holds what the build reads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(refusal(join(dir, 'notes.txt'))).toBe(`输出位置 ${join(dir, 'notes.txt')} 是一个文件，不是文件夹：生成会用网站替换它。请用 --out 指定一个文件夹（新的、空的，或以前生成的网站）`);
    expect(refusal(join(dir, 'notes.txt/site'))).toContain(`${join(dir, 'notes.txt')} 是一个文件，不是文件夹`);
    mkdirSync(join(dir, 'documents'));
    writeFileSync(join(dir, 'documents/report.docx'), 'mine');
    expect(refusal(join(dir, 'documents'))).toContain('不是生成的网站（没有 .zongshu-site.json，也没有 index.html）');
    mkdirSync(join(dir, 'project/data'), { recursive: true });
    expect(refusal(join(dir, 'project'), [join(dir, 'project/data')])).toContain(`包含了要读取的 ${join(dir, 'project/data')}`);
    expect(refusal(join(dir, 'project/data'), [join(dir, 'project/data')])).toContain('就是要读取的文件夹');
    expect(refusal(join(dir, 'project/dist'), [join(dir, 'project/data')])).toBeUndefined();
    // Nothing refused was touched.
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(dir, 'documents'))).toEqual(['report.docx']);
  });
});
