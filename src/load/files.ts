/** Small file-system helpers of the loaders. */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { quoted } from '../lib/problems.ts';
import type { Problem } from '../lib/schema/problem.ts';

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

/**
 * Files of a folder with the given ending, sorted; none when the folder does not exist or cannot
 * be listed, which is added to `problems` when given (a file or a link to nowhere in its place).
 */
export function listFiles(dir: string, extension: string, problems?: Problem[]): string[] {
  const fault = problems && folderFault(dir);
  if (fault) {
    problems.push(unreadableFile(shown(dir), fault));
    return [];
  }
  if (!existsSync(dir)) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** What a path that cannot be opened is, in words: a link whose target is missing, a loop of links, a file not to be read. */
function statFault(path: string, error: unknown): { message: string; hint: string } {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    let target: string | undefined;
    try {
      if (lstatSync(path).isSymbolicLink()) target = readlinkSync(path);
    } catch {
      // Gone meanwhile: said below as missing.
    }
    if (target !== undefined) return { message: `this is a symbolic link to ${quoted(target)}, which does not exist`, hint: 'restore the file it points to, or delete the link' };
    return { message: 'the file does not exist', hint: 'it disappeared while the data were read: run check again' };
  }
  if (code === 'ELOOP') return { message: 'this is a symbolic link that leads back to itself', hint: 'delete the link, or point it at the file it stands for' };
  if (code === 'EACCES' || code === 'EPERM') return { message: 'it cannot be read: permission denied', hint: 'let the user who runs zongshu read it (chmod a+r, and a+x for a folder)' };
  return { message: `it cannot be read (${code ?? 'unknown error'})`, hint: 'check that it is there and readable, then run check again' };
}

/**
 * Why a path found in a data folder cannot be read as a file, or undefined when it can: a
 * dangling link or a folder named x.csv would otherwise end the run with the system's error.
 */
export function fileFault(path: string): { message: string; hint: string } | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return statFault(path, error);
  }
  const ending = extname(path) || 'its ending';
  if (stats.isDirectory()) {
    return { message: 'this is a folder, not a file', hint: `a folder is not read as data: rename it so its name does not end in ${ending}, or move the files it holds out of it` };
  }
  // A named pipe would wait forever for a writer; a device or socket is no data either.
  if (!stats.isFile()) return { message: 'this is not a regular file (a named pipe, socket or device)', hint: `delete it, or rename it so its name does not end in ${ending}` };
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    return statFault(path, error);
  }
  return undefined;
}

/** The problem of a path `fileFault` finds fault with. */
export function unreadableFile(file: string, fault: { message: string; hint: string }): Problem {
  return { severity: 'error', code: 'unreadable-file', file, ...fault };
}

/** Why a folder of a data folder cannot be listed, or undefined when it can (or does not exist: no files then). */
export function folderFault(dir: string): { message: string; hint: string } | undefined {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' && !isLink(dir)) return undefined;
    return statFault(dir, error);
  }
  if (!stats.isDirectory()) return { message: 'this is a file, not a folder', hint: 'rename the file, and keep its data in a folder of this name' };
  try {
    readdirSync(dir);
  } catch (error) {
    return statFault(dir, error);
  }
  return undefined;
}

/** True for a symbolic link, whether or not what it points to exists. */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The folders in a folder (a province's tables, its narratives), sorted. Files beside them are not
 * read; a link among them that leads nowhere, or a folder that cannot be listed, is a problem.
 */
export function listFolders(dir: string, problems: Problem[]): string[] {
  const folders: string[] = [];
  for (const path of listFiles(dir, '', problems)) {
    const folder = isFolder(path);
    const fault = folder ? folderFault(path) : isLink(path) ? fileFault(path) : undefined;
    if (fault) problems.push(unreadableFile(shown(path), fault));
    else if (folder) folders.push(path);
  }
  return folders;
}
