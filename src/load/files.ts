/** Small file-system helpers of the loaders. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Rows read from one file and what became of them: rows = accepted + rejected. */
export interface FileTally {
  file: string;
  rows: number;
  accepted: number;
  rejected: number;
}

/** Paths in messages are relative to where the command was started when inside it, else absolute. */
export function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') ? path : fromHere;
}

/** Files of a folder with the given ending, sorted; none when the folder does not exist. */
export function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
}
