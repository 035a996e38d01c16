/**
 * Every entry a build keeps in its cache folder is sealed: written with the key it was made for
 * and a hash of its content, and taken back only when both still hold. An entry changed by hand,
 * cut short, emptied, moved under another key or of another format is not an entry: the build
 * makes it again and counts it (a cache must never be the reason a page shows what the data no
 * longer says). The hash is of the content as written, so checking it costs one pass over it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const mark = 'zongshu-cache 1';

function contentHash(key: string, content: string | Uint8Array): string {
  return createHash('sha256').update(key).update('\u0000').update(content).digest('hex');
}

/** The entry to write for `content` kept under `key`. */
export function seal(key: string, content: string): string {
  return `${mark} ${key} ${contentHash(key, content)}\n${content}`;
}

/** The content of an entry read back under `key`, or undefined when it is not one sealed for that key with that content. */
export function unseal(key: string, entry: string): string | undefined {
  const newline = entry.indexOf('\n');
  if (newline < 0) return undefined;
  const [name, version, sealedKey, hash, ...rest] = entry.slice(0, newline).split(' ');
  if (`${name} ${version}` !== mark || sealedKey !== key || rest.length > 0) return undefined;
  const content = entry.slice(newline + 1);
  return hash === contentHash(key, content) ? content : undefined;
}

/** The entry to write for binary `content` kept under `key`: the same header line, then the bytes. */
export function sealBytes(key: string, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${mark} ${key} ${contentHash(key, content)}\n`), content]);
}

/** The bytes of an entry read back under `key`, or undefined when it is not one sealed for that key with those bytes. */
export function unsealBytes(key: string, entry: Buffer): Buffer | undefined {
  const newline = entry.indexOf(10);
  if (newline < 0) return undefined;
  const [name, version, sealedKey, hash, ...rest] = entry.subarray(0, newline).toString('latin1').split(' ');
  if (`${name} ${version}` !== mark || sealedKey !== key || rest.length > 0) return undefined;
  const content = entry.subarray(newline + 1);
  return hash === contentHash(key, content) ? content : undefined;
}

/** A sealed file's value, with its seal (the first line, which holds a hash of the content): the same seal, the same value. */
export function readSealedWithSeal<T>(path: string, key: string, accept: (value: unknown) => value is T): { value: T; seal: string } | undefined {
  try {
    const entry = readFileSync(path, 'utf8');
    const text = unseal(key, entry);
    const value = text === undefined ? undefined : (JSON.parse(text) as unknown);
    return accept(value) ? { value, seal: entry.slice(0, entry.indexOf('\n')) } : undefined;
  } catch {
    return undefined;
  }
}

/** A sealed file's value, or undefined when there is none that holds (missing, cut short, changed, of another key or shape). */
export const readSealed = <T>(path: string, key: string, accept: (value: unknown) => value is T): T | undefined => readSealedWithSeal(path, key, accept)?.value;

/**
 * Writes `value` as JSON sealed under `key`: aside first, then renamed into place, so an interrupted write leaves the
 * last whole file, or none. Returns its seal, as readSealedWithSeal gives it back.
 */
export function writeSealed(path: string, key: string, value: unknown): string {
  const partial = `${path}.${process.pid}.partial`;
  const entry = seal(key, JSON.stringify(value));
  writeFileSync(partial, entry);
  renameSync(partial, path);
  return entry.slice(0, entry.indexOf('\n'));
}
