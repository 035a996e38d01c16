/**
 * The system's errors (a file that cannot be made, a full disk) in Chinese: what could not be done
 * to which path, why, and what to do. Node says them in English only ("ENOTDIR: not a directory,
 * mkdir '/x/readings'"), and a command that failed so said nothing else to a reader of Chinese.
 * The system's own words follow in brackets, for whoever searches for them.
 */

/** An error the system gave, as Node passes it on: its code, the call, the path (and a second path, of a rename or link). */
interface SystemError {
  code: string;
  message: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** What the call was doing, as a verb phrase: 无法「创建文件夹」… */
const doing: Record<string, string> = {
  mkdir: '创建文件夹',
  rmdir: '删除文件夹',
  scandir: '列出文件夹',
  opendir: '打开文件夹',
  open: '打开或创建文件',
  read: '读取文件',
  write: '写入文件',
  unlink: '删除文件',
  rename: '移动或改名',
  link: '建立硬链接',
  symlink: '建立符号链接',
  copyfile: '复制文件',
  stat: '查看',
  lstat: '查看',
  fstat: '查看',
  access: '访问',
  chmod: '修改权限',
  utime: '修改时间',
  futime: '修改时间',
  fsync: '写入磁盘',
  ftruncate: '截短文件',
  rm: '删除',
  cp: '复制',
  listen: '在端口上监听',
};

/** Why, and what to do, by the system's code. */
const causes: Record<string, { why: string; todo: string }> = {
  ENOENT: { why: '路径不存在', todo: '请确认路径写对了，它上面的各级文件夹都在' },
  ENOTDIR: { why: '路径中有一级是文件，不是文件夹', todo: '请把那个文件移走，或者换一个路径' },
  EISDIR: { why: '这是一个文件夹，这里要的是文件', todo: '请把这个文件夹移走，或者换一个路径' },
  EEXIST: { why: '那里已经有同名的文件或文件夹', todo: '请把它移走或换一个路径；若是另一次运行留下的，等它结束后再试' },
  ENOTEMPTY: { why: '文件夹不是空的', todo: '请确认没有别的程序在用它，然后再试' },
  EACCES: { why: '没有权限', todo: '请让运行 zongshu 的用户可以读写这个位置（chmod u+rw，文件夹还要 u+x），或者换一个位置' },
  EPERM: { why: '系统不允许这样做', todo: '请检查这个位置的权限和属性（例如是否被锁定），或者换一个位置' },
  EROFS: { why: '这个位置所在的磁盘是只读的', todo: '请换一个可以写入的位置' },
  ENOSPC: { why: '磁盘空间已满', todo: '请腾出磁盘空间，然后再试' },
  EDQUOT: { why: '超出了磁盘配额', todo: '请腾出空间或者请管理员提高配额，然后再试' },
  EMFILE: { why: '同时打开的文件太多', todo: '请关闭其他程序后再试，或者提高打开文件数的上限（ulimit -n）' },
  ENFILE: { why: '系统同时打开的文件太多', todo: '请关闭其他程序后再试' },
  EBUSY: { why: '它正被别的程序占用', todo: '请关闭正在使用它的程序，然后再试' },
  ELOOP: { why: '符号链接绕回了自身', todo: '请删除这个链接，或者让它指向真正的文件' },
  ENAMETOOLONG: { why: '路径太长', todo: '请换一个短一些的路径' },
  EXDEV: { why: '不能跨磁盘移动', todo: '请把输出文件夹和缓存放在同一个磁盘上' },
  EIO: { why: '磁盘读写出错', todo: '请检查磁盘，然后再试' },
};

function isSystemError(error: unknown): error is SystemError {
  const { code, message } = (error ?? {}) as Partial<SystemError>;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/u.test(code) && typeof message === 'string';
}

/**
 * The error in Chinese, when it is one of the system's with a code: 无法创建文件夹 /x/readings：路径中有一级是文件，
 * 不是文件夹（ENOTDIR: not a directory, mkdir '/x/readings'）。请…; undefined for any other error.
 */
export function systemErrorZh(error: unknown): string | undefined {
  if (!isSystemError(error)) return undefined;
  const cause = causes[error.code];
  const action = error.syscall ? (doing[error.syscall] ?? `执行 ${error.syscall}`) : '完成文件操作';
  const where = [error.path, error.dest].filter((p): p is string => typeof p === 'string').join(' → ');
  const what = `无法${action}${where ? ` ${where}` : ''}`;
  return cause ? `${what}：${cause.why}（${error.message}）。${cause.todo}` : `${what}（${error.message}）。请检查这个位置，然后再试`;
}
