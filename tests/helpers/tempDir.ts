import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Fresh temporary folders, removed after each test ('each') or after the file's tests ('all'). */
export function useTempDir(lifetime: 'each' | 'all' = 'each'): () => string {
  const made: string[] = [];
  (lifetime === 'each' ? afterEach : afterAll)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'zongshu-test-'));
    made.push(dir);
    return dir;
  };
}
