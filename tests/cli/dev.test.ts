/** npm run dev serves the site and shows changed data without a restart. */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('npm run dev', () => {
  it('serves pages and reloads them when a data file changes', async () => {
    const dir = tempDir();
    cpSync(fixtureSite, dir, { recursive: true });
    const server = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/dev.ts', '--data', join(dir, 'data'), '--content', join(dir, 'content')], {
      cwd: repoRoot,
      detached: true,
      // Vite does not watch files when it sees it runs under Vitest; the dev server must not inherit that.
      // CI terminals may ask for colour; the address is read from plain text either way.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'FORCE_COLOR')), NO_COLOR: '1' },
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const base = await waitFor(async () => /Local\s+(http:\/\/localhost:\d+)/u.exec(stripVTControlCharacters(output))?.[1], 60);
      expect(base, output).toBeDefined();
      const page = async () => (await fetch(`${base}/hainan`)).text();
      expect(await page()).toContain('2387个');

      const file = join(dir, 'data/observations/sample.csv');
      const changed = readFileSync(file, 'utf8').replace(',2387,', ',2390,');
      // The watcher may still be scanning the folder it was just given: write until the change is seen.
      const updated = await waitFor(async () => {
        if ((await page()).includes('2390个')) return true;
        writeFileSync(file, changed);
        return undefined;
      }, 30);
      expect(updated).toBe(true);
    } finally {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    }
  });
});
