/** npm run dev serves the site, shows changed data without a restart, and stops with everything it started. */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

async function waitFor<T>(probe: () => Promise<T | undefined>, seconds: number): Promise<T | undefined> {
  for (let i = 0; i < seconds * 4; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(250);
  }
  return undefined;
}

/** The live processes of a process group, from /proc: npm, its shell, node and whatever they started. */
function groupMembers(group: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command's name in brackets: state, parent, process group.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z') members.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return members;
}

/** The processes that listen on a TCP port, from /proc: the sockets in LISTEN state (0A) on it, then who holds them. */
function listenersOf(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[] = [];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue; // no IPv6 here
    }
    for (const line of lines) {
      // sl, local address:port in hex, remote address, state, queues, timers, retransmits, uid, timeout, inode
      const fields = line.trim().split(/\s+/u);
      if (fields[3] === '0A' && Number.parseInt(fields[1]?.split(':')[1] ?? '', 16) === port && fields[9]) inodes.add(`socket:[${fields[9]}]`);
    }
  }
  const owners: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      if (readdirSync(`/proc/${entry}/fd`).some((fd) => inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`)))) owners.push(Number(entry));
    } catch {
      // Gone meanwhile, or a descriptor closed while read.
    }
  }
  return owners;
}

/**
 * The listeners on the port that this test started: their command line or environment names its data folder (the
 * server's node has it in its arguments, what it starts inherits ZONGSHU_DATA). Another test run on this machine may
 * start its own server on the port this one freed; that one names another folder.
 */
function oursListening(port: number, dataDir: string): number[] {
  const names = (pid: number, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8').includes(dataDir);
    } catch {
      return false;
    }
  };
  return listenersOf(port).filter((pid) => names(pid, 'cmdline') || names(pid, 'environ'));
}

describe('npm run dev', () => {
  it('serves pages, reloads them when a data file changes, and stops with all it started on SIGTERM to npm', async () => {
    const dir = tempDir();
    cpSync(fixtureSite, dir, { recursive: true });
    // As a person starts it; in a process group of its own, so that what it leaves behind can be found.
    const server = spawn('npm', ['run', 'dev', '--', '--data', join(dir, 'data'), '--content', join(dir, 'content')], {
      cwd: repoRoot,
      detached: true,
      // Vite does not watch files when it sees it runs under Vitest; the dev server must not inherit that.
      // CI terminals may ask for colour; the address is read from plain text either way.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'FORCE_COLOR')), NO_COLOR: '1' },
    });
    const group = server.pid as number;
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const base = await waitFor(async () => /Local\s+(http:\/\/localhost:\d+)/u.exec(stripVTControlCharacters(output))?.[1], 120);
      expect(base, output).toBeDefined();
      const page = async () => (await fetch(`${base}/hainan`)).text();
      expect(await page()).toContain('2387个');
      expect(output).toContain(`预览网站：${base}/`);

      const file = join(dir, 'data/observations/sample.csv');
      const changed = readFileSync(file, 'utf8').replace(',2387,', ',2390,');
      // The watcher may still be scanning the folder it was just given: write until the change is seen.
      const updated = await waitFor(async () => {
        if ((await page()).includes('2390个')) return true;
        writeFileSync(file, changed);
        return undefined;
      }, 30);
      expect(updated).toBe(true);
      // Astro's advice to upgrade (its next release refuses Node 20) and its warning about content collections zongshu does not use are not shown.
      expect(output).not.toMatch(/New version of Astro|@astrojs\/upgrade|Content config not loaded/u);

      expect(groupMembers(group).length).toBeGreaterThanOrEqual(3);
      // The check below finds this server while it runs, so its empty answer after the stop says something.
      const port = Number(new URL(base as string).port);
      expect(oursListening(port, join(dir, 'data')).length).toBeGreaterThan(0);
      process.kill(server.pid as number, 'SIGTERM');
      const left = await waitFor(async () => (groupMembers(group).length === 0 ? [] : undefined), 20);
      expect(left, `still running: ${groupMembers(group).join(', ')}`).toEqual([]);
      expect(oursListening(port, join(dir, 'data'))).toEqual([]);
    } finally {
      if (groupMembers(group).length > 0) process.kill(-group, 'SIGKILL');
    }
  }, 240_000);
});
