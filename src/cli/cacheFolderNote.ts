/**
 * What a failed command adds when the file it could not make, read or move lies in the build's
 * cache folder: where that folder comes from (ZONGSHU_CACHE, or the project's .zongshu-cache/),
 * and what to do. A message that names only `…/readings/d43a…` leaves the user looking for a
 * folder they never named.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { say, type Language } from './options.ts';

/** The paths a system error names (a move names two), as Node gives them. */
function pathsOf(error: unknown): string[] {
  const { path, dest } = (error ?? {}) as { path?: unknown; dest?: unknown };
  return [path, dest].filter((p): p is string => typeof p === 'string');
}

/** Whether `path` is `folder` or lies in it (a child named `..x` is in it; `../x` is not). */
const within = (folder: string, path: string) => {
  const rest = relative(folder, path);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
};

/**
 * `cacheDir`: the cache folder as resolved; `fromEnvironment`: whether ZONGSHU_CACHE named it.
 * Undefined when the error names no path in the cache folder.
 */
export function cacheFolderNote(error: unknown, cacheDir: string, fromEnvironment: boolean, language: Language): string | undefined {
  if (!pathsOf(error).some((path) => within(cacheDir, path))) return undefined;
  return fromEnvironment
    ? say(
        language,
        `这个路径在缓存文件夹 ${cacheDir} 里，它由环境变量 ZONGSHU_CACHE 指定：请让 ZONGSHU_CACHE 指向一个可以写入的文件夹，或者去掉这个变量（缓存就放在项目的 .zongshu-cache/ 里）。缓存只用来加快生成，整个删掉也不影响结果`,
        `that path is in the cache folder ${cacheDir}, which the environment variable ZONGSHU_CACHE names: point ZONGSHU_CACHE at a folder that can be written, or unset it (the cache then goes in the project's .zongshu-cache/). The cache only makes builds faster; deleting it changes no result`,
      )
    : say(
        language,
        `这个路径在项目的缓存文件夹 ${cacheDir} 里：可以把这个文件夹整个删掉再生成一次，或者用环境变量 ZONGSHU_CACHE 指定另一个可以写入的文件夹。缓存只用来加快生成，删掉也不影响结果`,
        `that path is in the project's cache folder ${cacheDir}: delete the folder and build again, or name another folder that can be written with the environment variable ZONGSHU_CACHE. The cache only makes builds faster; deleting it changes no result`,
      );
}
