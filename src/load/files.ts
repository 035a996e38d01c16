/** Small file-system helpers of the loaders. */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { quoted, type Wording } from '../lib/problems.ts';
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

/** Why a path cannot be read, and what to do, in English and Chinese. */
export type Fault = Required<Wording>;

const faultSaying = (message: string, hint: string, zhMessage: string, zhHint: string): Fault => ({ message, hint, zh: { message: zhMessage, hint: zhHint } });

/** The hint for a file that could not be read for a reason that may pass, in English and Chinese. */
export const checkAgain = ['check that it is there and readable, then run check again', '请确认它在那里并且可以读取，然后再运行 check'] as const;

/** What a path that cannot be opened is, in words: a link whose target is missing, a loop of links, a file not to be read. */
function statFault(path: string, error: unknown): Fault {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    let target: string | undefined;
    try {
      if (lstatSync(path).isSymbolicLink()) target = readlinkSync(path);
    } catch {
      // Gone meanwhile: said below as missing.
    }
    if (target !== undefined) {
      return faultSaying(`this is a symbolic link to ${quoted(target)}, which does not exist`, 'restore the file it points to, or delete the link', `这是指向${quoted(target, 'zh')}的符号链接（快捷方式），但它指向的目标不存在`, '恢复它指向的文件或文件夹，或者删除这个链接');
    }
    return faultSaying('the file does not exist', 'it disappeared while the data were read: run check again', '文件不存在', '读取数据时文件不见了：请再运行一次 check');
  }
  if (code === 'ELOOP') return faultSaying('this is a symbolic link that leads back to itself', 'delete the link, or point it at the file it stands for', '这是一个绕回自身的符号链接', '删除这个链接，或者让它指向它所代表的文件');
  if (code === 'EACCES' || code === 'EPERM') {
    return faultSaying('it cannot be read: permission denied', 'let the user who runs zongshu read it (chmod a+r, and a+x for a folder)', '无法读取：没有权限', '让运行 zongshu 的用户可以读取它（chmod a+r，文件夹还要 a+x）');
  }
  return faultSaying(`it cannot be read (${code ?? 'unknown error'})`, checkAgain[0], `无法读取（${code ?? '未知错误'}）`, checkAgain[1]);
}

/**
 * Why a path found in a data folder cannot be read as a file, or undefined when it can: a
 * dangling link or a folder named x.csv would otherwise end the run with the system's error.
 */
export function fileFault(path: string): Fault | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return statFault(path, error);
  }
  const ending = extname(path) || 'its ending';
  const endingZh = extname(path) || '这个后缀';
  if (stats.isDirectory()) {
    return faultSaying(
      'this is a folder, not a file',
      `a folder is not read as data: rename it so its name does not end in ${ending}, or move the files it holds out of it`,
      '这是一个文件夹，不是文件',
      `文件夹不会当作数据读取：请给它改名，让名称不以 ${endingZh} 结尾，或者把里面的文件移出来`,
    );
  }
  // A named pipe would wait forever for a writer; a device or socket is no data either.
  if (!stats.isFile()) {
    return faultSaying('this is not a regular file (a named pipe, socket or device)', `delete it, or rename it so its name does not end in ${ending}`, '这不是普通文件（而是命名管道、套接字或设备）', `删除它，或者改名让它不以 ${endingZh} 结尾`);
  }
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    return statFault(path, error);
  }
  return undefined;
}

/** The problem of a path `fileFault` finds fault with. */
export function unreadableFile(file: string, found: Fault): Problem {
  return { severity: 'error', code: 'unreadable-file', file, ...found };
}

/** Why a folder of a data folder cannot be listed, or undefined when it can (or does not exist: no files then). */
export function folderFault(dir: string): Fault | undefined {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' && !isLink(dir)) return undefined;
    return statFault(dir, error);
  }
  if (!stats.isDirectory()) return faultSaying('this is a file, not a folder', 'rename the file, and keep its data in a folder of this name', '这是一个文件，不是文件夹', '给这个文件改名，把数据放在一个叫这个名字的文件夹里');
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
