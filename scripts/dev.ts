/**
 * npm run dev [-- --data DIR --content DIR --lang en]
 * Serves the site and reloads the page when code, data or content change. Stops, and with it
 * everything it started, on Ctrl+C (SIGINT), SIGTERM or SIGHUP, and when the process that started
 * it is gone: a SIGTERM to `npm run dev` reaches only the shell npm runs this in, which dies
 * without passing it on, and left the server running.
 */
import { dev } from 'astro';
import { optionsOrExit, readCliOptions, say } from '../src/cli/options.ts';
import { projectRoot } from '../src/build/buildSite.ts';

/**
 * Lines of Astro's log the dev server leaves out. Astro 6.0.5 warns "Content config not loaded" at
 * every start of a project without content collections (zongshu reads content/ itself), and no
 * setting turns it off: core/dev/dev.js warns whenever the content config's status is not "loaded",
 * and a project without one has "does-not-exist". Its logger writes each line to stdout or stderr
 * in one write, so that write is dropped.
 */
const unwanted = ['Content config not loaded'];

function leaveOut(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || !unwanted.some((line) => chunk.includes(line))) return write(chunk, ...rest);
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}

const options = optionsOrExit('dev', () => readCliOptions());
// astro.config.mjs and the dev session (src/astro/devSession.ts) read these.
process.env.ZONGSHU_DATA = options.dataDir;
process.env.ZONGSHU_CONTENT = options.contentDir;
process.env.ZONGSHU_LANG = options.lang;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Astro 6.0.5 is the last release for Node 20: its advice to upgrade, to a release that refuses Node 20, is turned off.
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
leaveOut(process.stdout);
leaveOut(process.stderr);

let server: Awaited<ReturnType<typeof dev>> | undefined;
let stopping = false;
/** Closes the server (its port and watchers; the esbuild service it started ends with this process), then exits. */
function stop(): void {
  if (stopping) return;
  stopping = true;
  // One still starting, or one that does not close within seconds, is not waited for.
  if (!server) process.exit(0);
  setTimeout(() => process.exit(0), 5000).unref();
  void server
    .stop()
    .catch(() => undefined)
    .then(() => process.exit(0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500).unref();

server = await dev({ root: projectRoot });
const url = `http://localhost:${server.address.port}/`;
console.log(say(options.lang, `预览网站：${url} —— 改动代码、数据或文字后页面会自动刷新；按 Ctrl+C 停止`, `the site is at ${url} and reloads on every change; Ctrl+C stops it`));
