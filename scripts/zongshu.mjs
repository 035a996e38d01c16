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
import { usage } from '../src/cli/commands.mjs';

const scripts = fileURLToPath(new URL('.', import.meta.url));
/** Node flags a build needs (package.json): V8 collects before the heap doubles (src/build/garbage.ts). */
const buildFlags = ['--expose-gc', '--heap-growing-percent=20', '--max-semi-space-size=32'];
const bundled = { check: [], build: buildFlags, demo: buildFlags };

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
