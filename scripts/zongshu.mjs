#!/usr/bin/env node
/**
 * The `zongshu` command (package.json "bin"): `npx zongshu check --json`, `npx zongshu build --out DIR`.
 * Runs what `npm run NAME` runs, without npm's lines before the output: check, build and demo from
 * their bundle (scripts/run.mjs, with the node flags package.json gives build and demo), the other
 * commands under tsx. With no command it lists the commands, in Chinese (English with --lang en).
 * Its exit code is the command's; a signal it gets is passed on to the command, which stops.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const scripts = fileURLToPath(new URL('.', import.meta.url));
/** Node flags a build needs (package.json): V8 collects before the heap doubles (src/build/garbage.ts). */
const buildFlags = ['--expose-gc', '--heap-growing-percent=20', '--max-semi-space-size=32'];
const bundled = { check: [], build: buildFlags, demo: buildFlags };

/** What each command does, in Chinese and English; commands run from scripts/NAME.ts. */
const commands = [
  ['check', '读取并检查 data/ 和 content/，列出所有问题（--json 输出 JSON，--strict 警告也算错误）', 'reads and checks data/ and content/ and lists every problem (--json for JSON, --strict: warnings count as errors)'],
  ['build', '检查数据并生成网站，写到 dist/（--data、--content、--out 指定文件夹）', 'checks the data and builds the site into dist/ (--data, --content, --out name the folders)'],
  ['dev', '在 http://localhost:4321 预览网站，改动后自动刷新', 'serves the site on http://localhost:4321 and reloads on every change'],
  ['preview', '在 http://localhost:4321 预览已生成的网站（--out 文件夹），搜索也能用', 'serves the built site on http://localhost:4321 (--out DIR), search included'],
  ['archive', '把生成的网站打包成 archives/zongshu-site.tar.gz 并核验（--verify 文件：只核验）', 'writes archives/zongshu-site.tar.gz of the built site and verifies it (--verify FILE: verifies only)'],
  ['extract', '从综述原文中找出候选数字行（文件 --province 省份 --period 期间）', "proposes candidate rows from a review's text (FILE --province ID --period P)"],
  ['synth', '生成全国示例数据集（--out 文件夹）', 'writes a synthetic national data set (--out DIR)'],
  ['demo', '生成全国示例网站并在 http://localhost:4322 预览', 'builds the synthetic national site and serves it on http://localhost:4322'],
];

function usage(english) {
  const width = Math.max(...commands.map(([name]) => name.length));
  const lines = commands.map(([name, zh, en]) => `  ${name.padEnd(width)}  ${english ? en : zh}`);
  return english
    ? ['zongshu: the static site of the party-building reviews (机关党建工作综述)', '', 'usage: npx zongshu COMMAND [options]', '', 'commands:', ...lines, '', 'Every command speaks Chinese; --lang en makes it speak English.'].join('\n')
    : ['zongshu：把机关党建工作综述的数字生成静态网站', '', '用法：npx zongshu 命令 [选项]', '', '命令：', ...lines, '', '所有命令默认输出中文；加 --lang en 输出英文。'].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const english = process.argv.slice(2).some((arg, i, all) => arg === '--lang=en' || (arg === '--lang' && all[i + 1] === 'en'));
if (name === undefined || name.startsWith('-') || name === 'help') {
  console.log(usage(english));
  // Asked for (no command, help, or only a language) it is no fault; an option in place of the command is.
  process.exit(name === undefined || ['help', '--help', '-h'].includes(name) || name.startsWith('--lang') ? 0 : 2);
}
// Any script of scripts/ runs (bench, extract-quality too); the list above names those for the data's keepers.
if (!(name in bundled) && (!/^[a-z][a-z-]*$/u.test(name) || !existsSync(`${scripts}${name}.ts`))) {
  console.error(english ? `zongshu: there is no command '${name}'` : `zongshu：没有“${name}”这个命令`);
  console.error(`\n${usage(english)}`);
  process.exit(2);
}

// tsx's loader, found from here: the command may be started from any folder.
const argv = name in bundled ? [...bundled[name], `${scripts}run.mjs`, name, ...args] : ['--import', import.meta.resolve('tsx'), `${scripts}${name}.ts`, ...args];
const child = spawn(process.execPath, argv, { stdio: 'inherit' });
// Ctrl+C reaches the command too (it is in the terminal's process group); a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
