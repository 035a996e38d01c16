/**
 * SVG snapshots, as Observable Plot tests its marks: numbers rounded so
 * floating-point noise does not count, one tag per line for readable diffs.
 * A mismatch writes NAME-changed.svg beside the snapshot for a person to look
 * at. A missing snapshot is written, except under CI=true, where it fails.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const snapshots = fileURLToPath(new URL('./snapshots', import.meta.url));

export function normaliseSvg(svg: string): string {
  return svg.replace(/\d+\.\d+/gu, (n) => String(Number(Number(n).toFixed(2)))).replace(/></gu, '>\n<');
}

export function expectSvgSnapshot(name: string, svg: string): void {
  const actual = `${normaliseSvg(svg)}\n`;
  const expectedPath = join(snapshots, `${name}.svg`);
  const changedPath = join(snapshots, `${name}-changed.svg`);
  if (!existsSync(expectedPath)) {
    if (process.env.CI === 'true') throw new Error(`no snapshot ${name}.svg: run the tests outside CI once and commit it`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (actual === expected) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `${name}.svg changed: compare it with ${name}-changed.svg, and replace it if the change is right`).toBe(expected);
}
