/**
 * npm run preview [-- --out DIR --port 4321]
 * Serves a built site (dist/ unless --out names another folder) on http://localhost:4321, as a web
 * server would. Ctrl+C stops it.
 * Exit 0: stopped with Ctrl+C. Exit 2: the command itself failed (no site there, port in use).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandOptions, errorMessage, say } from '../src/cli/options.ts';
import { serve } from '../src/cli/staticServer.ts';

const { values, lang } = commandOptions('preview', { out: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' } });
const t = (zh: string, en: string) => say(lang, zh, en);

async function preview(): Promise<void> {
  const folder = resolve(values.out);
  const port = Number(values.port);
  // 0: any free port, as the browser tests ask.
  if (!/^\d+$/u.test(values.port) || port > 65535) throw new Error(t(`端口“${values.port}”不是0到65535之间的整数（0为任一空闲端口）`, `port '${values.port}' is not a whole number from 0 to 65535 (0: any free port)`));
  const rebuild = `npm run build${values.out === 'dist' ? '' : ` -- --out ${values.out}`}`;
  if (!existsSync(join(folder, 'index.html'))) throw new Error(t(`${folder} 里没有构建好的网站（缺少 index.html）：请先运行 ${rebuild}`, `${folder} holds no built site (no index.html): run ${rebuild} first`));
  let site: Awaited<ReturnType<typeof serve>>;
  try {
    site = await serve(folder, '/', port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(t(`端口 ${port} 已被占用（也许 npm run dev 或另一个预览正在运行）：请先停止它，或用 --port 换一个端口`, `port ${port} is in use (npm run dev or another preview, perhaps): stop it, or give another with --port`));
    throw error;
  }
  const address = `http://localhost:${site.port}`;
  console.log(t(`正在预览 ${folder}`, `Serving ${folder}`));
  console.log(t(`请用浏览器打开 ${address}/index.html`, `Open ${address}/index.html in a browser`));
  console.log(t(`搜索：${address}/search.html（繁體：${address}/zh-Hant/search.html）`, `Search: ${address}/search.html (Traditional: ${address}/zh-Hant/search.html)`));
  console.log(t('按 Ctrl+C 停止预览。', 'Press Ctrl+C to stop.'));
  process.once('SIGINT', () => {
    console.log(t('\n预览已停止。', '\nPreview stopped.'));
    process.exit(0);
  });
}

// No stack reaches the user: a bad option or a failure says what it is.
try {
  await preview();
} catch (error) {
  console.error(t(`preview 无法启动：${errorMessage(error, lang)}`, `preview could not start: ${errorMessage(error, lang)}`));
  process.exitCode = 2;
}
