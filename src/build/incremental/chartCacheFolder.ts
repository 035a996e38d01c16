/** The chart cache kept in a folder across builds: one sealed file per chart, named by its key; one that is not a whole SVG is drawn again. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartCache } from '../chartDrawing.ts';
import { keyedFiles, type KeyedFiles } from './keyedFiles.ts';

const chartsDir = fileURLToPath(new URL('../../charts', import.meta.url));

/** A hash of every chart module and of the versions of Plot and linkedom that draw them. */
export function chartCodeVersion(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(chartsDir).sort()) hash.update(name).update(readFileSync(join(chartsDir, name)));
  for (const dependency of ['@observablehq/plot', 'linkedom']) {
    const manifest = new URL(`../../../node_modules/${dependency}/package.json`, import.meta.url);
    hash.update(dependency).update((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version);
  }
  return hash.digest('hex');
}

/** A drawn chart is one <svg> element, whole. */
const wholeSvg = (text: string) => text.startsWith('<svg') && text.trimEnd().endsWith('</svg>');

export function folderChartCache(dir: string): ChartCache & Pick<KeyedFiles, 'rejected' | 'written'> {
  const files = keyedFiles(dir, '.svg', wholeSvg);
  return { codeVersion: chartCodeVersion(), get: (key) => files.get(key), set: (key, svg) => files.set(key, svg), written: () => files.written(), rejected: () => files.rejected() };
}
