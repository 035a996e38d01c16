/**
 * The bench's housekeeping between runs: the last run's output is set aside before anything is
 * timed, and deleted after (src/cli/bench.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Moves the last run's sites and cache aside, one rename each, before anything is timed; what it returns deletes them
 * (and any a stopped run left) once everything is. On this machine kind's file system (ext4 without a journal) a new
 * file takes no inode freed in the last minutes, and finding one it may take walks past every such inode: files made
 * within minutes of deleting a site's 27,000 cost the kernel far more. A full national build took 7.5 s of system CPU
 * and 41.8 s after no deletion, 23.7 s and 50.3 s right after deleting a site (2026-12-06). Deleting the last run's
 * output is the bench's housekeeping, not the build's work, so it comes after the timings.
 */
export async function setAside(work: string, names: readonly string[]): Promise<() => Promise<void>> {
  // Named apart from any folder a stopped run left, which the returned step deletes too.
  const aside = join(work, `old-${process.pid}-${Date.now()}`);
  await mkdir(aside, { recursive: true });
  for (const name of names) if (existsSync(join(work, name))) await rename(join(work, name), join(aside, name));
  return async () => {
    for (const name of readdirSync(work)) if (name.startsWith('old-')) await rm(join(work, name), { recursive: true, force: true });
  };
}

