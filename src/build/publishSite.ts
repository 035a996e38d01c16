/**
 * Putting a built site in place of the one at the output folder, so that no kill leaves the output
 * folder missing or half of two sites after the next command. Every publish has a journal beside
 * the output folder, written before the output folder is touched; a build (and check) finishes an
 * interrupted publish from it before anything else. A publish is one of two kinds.
 *
 * A whole new site (nothing carried from the one it replaces) is swapped in. Node 20 cannot exchange
 * two folders in one step, so the swap is two renames:
 *
 *   1. the journal is written: which staging folder replaces the output, where the old site goes;
 *   2. the output folder is renamed to the retired folder (when there is one);
 *   3. the staging folder is renamed to the output folder;
 *   4. the journal is deleted, then the retired folder.
 *
 * After step 3 only the clean-up is left; before it, the new site is put in place if it is whole
 * (step 1 is written only once the staging folder is complete), else the old one goes back.
 *
 * A site that keeps files of the one it replaces (an incremental build: ~24,000 of the national
 * site's ~27,000) is published in place, so that the kept files are neither linked into a new folder
 * nor the old folder deleted file by file (the links, the deletions and the stats again after them
 * cost a national rebuild about 1 s of its two cores, and the freed inodes slowed the next build's
 * file creation):
 *
 *   1. the output folder is listed: a kept file that is not there fails the build, nothing touched;
 *   2. the journal is written: the staging folder, and the files of the output folder the new site
 *      does not have;
 *   3. the old manifest goes, then those files, then every file of the staging folder is moved to
 *      its place in the output folder (replacing the old one there), the new manifest last;
 *   4. folders emptied by step 3 go, then the staging folder; the journal is deleted.
 *
 * Step 3 and 4 only delete what the journal lists and move what is still in the staging folder, so
 * the next command rolls a publish killed after step 2 forward by doing them again.
 *
 * A build holds a lock on the output folder while it runs (a second build into the same folder
 * waits for it). Work folders left by a killed build (`.zongshu-build-…`, `.zongshu-old-…`) are
 * removed when the next one finishes or undoes its publish.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bilingual, errorMessage, OptionError } from '../cli/options.ts';
import { manifestName } from './incremental/siteManifest.ts';
import { removeFolder, siteEntriesUnder, siteFilesUnder } from './siteFiles.ts';

/** A swap: the staging folder replaces the output folder, which goes to `retired`. */
interface SwapJournal {
  staging: string;
  retired: string;
}

/** A publish in place: the staging folder's files join the output folder, from which the files `remove` (site paths) go. */
interface InPlaceJournal {
  staging: string;
  remove: string[];
}

type Journal = SwapJournal | InPlaceJournal;

/**
 * What a failed build left at its output folder: the site as it was; a publish begun (its journal written), which the
 * next build or check finishes or undoes (recoverPublish); or the new site, whole, with what failed after it.
 */
export type OutputAfterFailure = 'unchanged' | 'partly' | 'replaced';

/** A failure once the output folder was no longer the site it was: `reason` says what failed, in both languages. */
export class OutputChanged extends Error {
  readonly zh: string;

  constructor(
    readonly output: Exclude<OutputAfterFailure, 'unchanged'>,
    reason: unknown,
  ) {
    super(errorMessage(reason, 'en'));
    this.zh = errorMessage(reason, 'zh');
  }
}

/** What a build that failed with `error` left at its output folder. */
export const outputAfter = (error: unknown): OutputAfterFailure => (error instanceof OutputChanged ? error.output : 'unchanged');

/** Runs what a publish does once its journal is written: a failure there leaves the output folder in part changed. */
function afterJournal(step: () => void): void {
  try {
    step();
  } catch (error) {
    throw new OutputChanged('partly', error);
  }
}

/** The folders and files beside an output folder that belong to its builds. */
export function workPaths(outDir: string, pid = process.pid) {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return {
    parent,
    staging: join(parent, `.zongshu-build-${name}-${pid}`),
    retired: join(parent, `.zongshu-old-${name}-${pid}`),
    journal: join(parent, `.zongshu-publish-${name}.json`),
    lock: join(parent, `.zongshu-lock-${name}`),
  };
}

/** Whether a process of that id runs (one of another user's counts). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A path within a site as a journal lists it: relative, with no `..` to lead out of the output folder. */
const isSitePath = (path: unknown): path is string => typeof path === 'string' && path !== '' && !isAbsolute(path) && !path.split(/[\\/]/u).includes('..');

/** The journal at `path`; undefined when there is none whole (one cut short by a kill was written before anything was touched). */
function readJournal(path: string): Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as { staging?: unknown; retired?: unknown; remove?: unknown };
    if (typeof journal.staging !== 'string') return undefined;
    if (typeof journal.retired === 'string') return { staging: journal.staging, retired: journal.retired };
    if (Array.isArray(journal.remove) && journal.remove.every(isSitePath)) return { staging: journal.staging, remove: journal.remove };
    return undefined;
  } catch {
    return undefined;
  }
}

/** What recovery did, for the build to say. */
export type Recovery = 'none' | 'completed' | 'rolled-back';

/**
 * Finishes or undoes a publish into `outDir` that a killed build left, and removes the work folders
 * killed builds left beside it. Call it holding the lock: no other build into `outDir` is running.
 */
export function recoverPublish(outDir: string): Recovery {
  const paths = workPaths(outDir);
  const journal = existsSync(paths.journal) ? readJournal(paths.journal) : undefined;
  let recovery: Recovery = 'none';
  if (journal && 'remove' in journal) {
    // Steps 3 and 4 of a publish in place, again: the staging folder goes only once all its files are moved.
    if (existsSync(journal.staging)) finishInPlace(journal, outDir);
    recovery = 'completed';
  } else if (journal) {
    if (existsSync(journal.staging)) {
      // Steps 2 or 3 were not done: the staging folder is whole (the journal is written only then), so the publish goes on.
      if (existsSync(outDir)) renameSync(outDir, journal.retired);
      renameSync(journal.staging, outDir);
      recovery = 'completed';
    } else if (!existsSync(outDir) && existsSync(journal.retired)) {
      // Nothing to put in place: the old site goes back.
      renameSync(journal.retired, outDir);
      recovery = 'rolled-back';
    } else {
      recovery = 'completed';
    }
  }
  rmSync(paths.journal, { force: true });
  const name = basename(outDir);
  const debris = new RegExp(`^\\.zongshu-(?:build|old)-${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}-\\d+$`, 'u');
  for (const entry of existsSync(paths.parent) ? readdirSync(paths.parent) : []) {
    if (debris.test(entry)) rmSync(join(paths.parent, entry), { recursive: true, force: true });
  }
  return recovery;
}

/** What stands at a path: nothing, a folder, or something else (a file). */
function kindAt(path: string): 'none' | 'folder' | 'file' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * A build replaces the whole output folder, so it refuses one whose files are not a site it could
 * have written: a file, a folder below a file, a folder that holds the build's own input (`inputs`:
 * the data and content folders), and a folder with files but neither a site's manifest nor an
 * index.html. A missing or empty folder, or a site (with or without its manifest), may be replaced.
 */
export function refuseUnlessReplaceable(outDir: string, inputs: readonly string[] = []): void {
  const out = resolve(outDir);
  for (let above = dirname(out); above !== dirname(above); above = dirname(above)) {
    if (kindAt(above) === 'file') throw new OptionError(`输出文件夹 ${out} 放不下：${above} 是一个文件，不是文件夹。请用 --out 指定别的文件夹`, `the output folder ${out} cannot be made: ${above} is a file, not a folder; give --out another folder`);
  }
  const kind = kindAt(out);
  if (kind === 'file') throw new OptionError(`输出位置 ${out} 是一个文件，不是文件夹：生成会用网站替换它。请用 --out 指定一个文件夹（新的、空的，或以前生成的网站）`, `the output ${out} is a file, not a folder, and a build would replace it; give --out a folder (new, empty, or a site built before)`);
  for (const input of inputs) {
    const inside = relative(out, resolve(input));
    if (inside !== '..' && !inside.startsWith(`..${sep}`)) {
      const holds = inside === '' ? `就是要读取的文件夹` : `包含了要读取的 ${resolve(input)}`;
      throw new OptionError(
        `输出文件夹 ${out} ${holds}：生成会替换整个输出文件夹，这些文件会被删除。请用 --out 指定别的文件夹，例如 dist`,
        `the output folder ${out} ${inside === '' ? 'is' : 'holds'} ${resolve(input)}, which the build reads; a build replaces the whole output folder and would delete it; give --out another folder, such as dist`,
      );
    }
  }
  if (kind === 'none') return;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(manifestName) && !entries.includes('index.html')) {
    throw new OptionError(
      `输出文件夹 ${out} 里已有文件，但不是生成的网站（没有 ${manifestName}，也没有 index.html）。生成会用新网站替换整个文件夹，为免删掉这些文件，没有动它：请用 --out 指定新的或空的文件夹`,
      `the output folder ${out} holds files but is not a built site (no ${manifestName}, no index.html); a build replaces the whole folder, so nothing was touched: give --out a new or empty folder`,
    );
  }
}

/** Puts the whole site in `staging` in place of `outDir` (the swap's steps 1-4 above). */
export function swapIn(staging: string, outDir: string): void {
  const paths = workPaths(outDir);
  writeFileSync(paths.journal, JSON.stringify({ staging, retired: paths.retired } satisfies Journal));
  afterJournal(() => {
    if (existsSync(outDir)) renameSync(outDir, paths.retired);
    renameSync(staging, outDir);
  });
  try {
    rmSync(paths.journal, { force: true });
    removeFolder(paths.retired);
  } catch (error) {
    throw new OutputChanged('replaced', error);
  }
}

/** Files of the previous site a build kept that have gone from the output folder while it ran (site paths), said in both languages. */
function goneError(gone: readonly string[]): Error {
  const [first] = gone;
  const more = gone.length - 1;
  const message = `${first}${more > 0 ? ` and ${more} files more` : ''} of the previous build ha${more > 0 ? 've' : 's'} gone while this one ran; build again`;
  return bilingual(message, `上一次生成的 ${first}${more > 0 ? ` 等 ${gone.length} 个文件` : ''}在本次生成期间被删除了，请重新生成`);
}

/**
 * Publishes the site whose new files are in `staging` and whose other files (`kept`, site paths) are those of the
 * site at `outDir`, in place (steps 1-4 above). Throws, with nothing touched, when a kept file is no longer there; an
 * OutputChanged when a step after the journal fails, which the next build or check finishes.
 */
export function publishInPlace(staging: string, outDir: string, kept: ReadonlySet<string>): void {
  const present = siteEntriesUnder(outDir);
  const listed = new Set(present);
  const gone = [...kept].filter((path) => !listed.has(path));
  if (gone.length > 0) throw goneError(gone);
  const fresh = new Set(siteFilesUnder(staging));
  const journal: InPlaceJournal = { staging, remove: present.filter((path) => !fresh.has(path) && !kept.has(path)) };
  writeFileSync(workPaths(outDir).journal, JSON.stringify(journal));
  afterJournal(() => finishInPlace(journal, outDir));
}

/** Moves a file to `target`, over a folder left there (one whose files step 3 removed, the new site having a file in its place). */
function moveInto(from: string, target: string): void {
  try {
    renameSync(from, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    removeFolder(target);
    renameSync(from, target);
  }
}

/** Steps 3 and 4 of a publish in place; done again, they do what is left and nothing twice. */
function finishInPlace(journal: InPlaceJournal, outDir: string): void {
  // No manifest while the output folder holds some files of each site: the old one goes, unless the new one, moved last, is there already.
  if (existsSync(join(journal.staging, manifestName))) rmSync(join(outDir, manifestName), { force: true });
  const emptied = new Set<string>();
  for (const path of journal.remove) {
    try {
      unlinkSync(join(outDir, path));
    } catch (error) {
      // Gone already, or (done again after moves) a folder of the new site now, or below a file of it.
      if (!['ENOENT', 'EISDIR', 'ENOTDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) emptied.add(folder);
  }
  // The manifest last: a site with it is whole.
  const moving = siteFilesUnder(journal.staging).sort((a, b) => Number(a === manifestName) - Number(b === manifestName));
  const folders = new Set<string>();
  for (const path of moving) {
    const target = join(outDir, path);
    const folder = dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    moveInto(join(journal.staging, path), target);
  }
  // Deepest first, so that a folder whose only entries were folders goes too; one that still holds a file stays.
  for (const folder of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(join(outDir, folder));
    } catch {
      // Not empty, or gone.
    }
  }
  removeFolder(journal.staging);
  rmSync(workPaths(outDir).journal, { force: true });
}

export interface OutputLock {
  release(): void;
}

/**
 * For commands that do not build (check): finishes or undoes a publish a killed build left at
 * `outDir`, unless a build into it is running now. Undefined when there was nothing to do.
 */
export function recoverIfIdle(outDir: string): Recovery | undefined {
  const { journal, lock } = workPaths(outDir);
  if (!existsSync(journal)) return undefined;
  const holder = holderOf(lock);
  if (holder !== 0 && processRuns(holder)) return undefined;
  return recoverPublish(outDir);
}

/** The process id a lock file names; 0 when it names none (gone meanwhile, or not a lock). */
function holderOf(path: string): number {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch {
    return 0;
  }
}

/**
 * Takes the lock on `outDir`, waiting while another live build holds it (`waiting` is told once,
 * with that build's process id); a lock left by a build that no longer runs is taken over. The
 * lock file is made whole under another name and linked into place, so it is never seen empty.
 */
export async function lockOutput(outDir: string, waiting: (pid: number) => void = () => {}): Promise<OutputLock> {
  const { lock, parent } = workPaths(outDir);
  mkdirSync(parent, { recursive: true });
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  let told = false;
  try {
    for (;;) {
      try {
        linkSync(mine, lock);
        return { release: () => rmSync(lock, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = holderOf(lock);
      if (holder === 0 || !processRuns(holder)) {
        // Moved aside before it is removed: should another build have taken the lock meanwhile, it is put back.
        const stale = `${lock}.stale.${process.pid}`;
        try {
          renameSync(lock, stale);
        } catch {
          continue;
        }
        const moved = holderOf(stale);
        if (moved !== 0 && moved !== holder && processRuns(moved)) {
          try {
            linkSync(stale, lock);
          } catch {
            // Taken again by a third build: it holds the lock now.
          }
        }
        rmSync(stale, { force: true });
        continue;
      }
      if (!told) waiting(holder);
      told = true;
      await sleep(250);
    }
  } finally {
    rmSync(mine, { force: true });
  }
}
