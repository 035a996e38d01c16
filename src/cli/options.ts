/**
 * Command-line options: those check, build and dev share, and `--lang`, which every command takes.
 * Commands speak Chinese, the language of the people who keep the data; `--lang en` makes them
 * speak English as they did before. An option that cannot be used is said in the command's
 * language and ends it with exit 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import type { Language } from '../lib/problems.ts';
import { commandUsage } from './commands.mjs';
import { systemErrorZh } from './systemError.ts';

export type { Language };

export interface CliOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  json: boolean;
  strict: boolean;
  /** What the command prints in: zh (the default) or en. */
  lang: Language;
}

/** A message in the command's language. */
export function say(language: Language, zh: string, en: string): string {
  return language === 'en' ? en : zh;
}

/** Something wrong with the command line, said in both languages; the command says it in its own and exits with 2. */
export class OptionError extends Error {
  constructor(
    readonly zh: string,
    en: string,
  ) {
    super(en);
  }
}

/** An error that says `message` in English and `zh` in Chinese (errorMessage picks one). */
export const bilingual = (message: string, zh: string): Error => Object.assign(new Error(message), { zh });

/**
 * What an error says, in the language: in Chinese, an error that carries Chinese (`zh`) says that, one of the
 * system's (a file that cannot be made) says it in Chinese with the system's words after it; any other its message.
 */
export function errorMessage(error: unknown, language: Language): string {
  const zh = (error as { zh?: unknown } | undefined)?.zh;
  if (language === 'zh' && typeof zh === 'string') return zh;
  return (language === 'zh' ? systemErrorZh(error) : undefined) ?? (error as Error).message;
}

/** The language `--lang` names; anything but zh or en is an OptionError. */
export function languageOf(value: string | undefined): Language {
  if (value === undefined || value === 'zh' || value === 'en') return value ?? 'zh';
  throw new OptionError(`--lang 只能是 zh（中文）或 en（英文），不能是“${value}”（--lang is zh or en）`, `--lang is zh (Chinese) or en (English), not '${value}'`);
}

/**
 * The language the arguments ask for, read before they are parsed, so that a fault in them is said
 * in it: `--lang en` or `--lang=en` makes English, anything else Chinese.
 */
export function argumentLanguage(argv: readonly string[] = process.argv.slice(2)): Language {
  const at = argv.lastIndexOf('--lang');
  const value = at >= 0 ? argv[at + 1] : argv.findLast((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/**
 * Asked `--help` or `-h`, wherever among the arguments: prints what the command does and how it is
 * run, in the language the arguments ask for, and ends the command with exit 0.
 */
export function exitIfHelpAsked(command: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.some((arg) => arg === '--help' || arg === '-h')) return;
  const english = argumentLanguage(argv) === 'en';
  console.log(commandUsage(command, english) ?? say(english ? 'en' : 'zh', `用法：npm run ${command} -- [选项]`, `usage: npm run ${command} -- [options]`));
  process.exit(0);
}

/** parseArgs's own errors (in English) said again in Chinese. */
function optionErrorOf(error: unknown): unknown {
  const { code, message } = error as { code?: string; message: string };
  const named = /'(-[^' ]+)/u.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new OptionError(`不认识的选项 ${named}`, message);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new OptionError(`选项 ${named} 后面要跟一个值`, message);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new OptionError(`多余的参数：${/'([^']*)'/u.exec(message)?.[1] ?? ''}`, message);
  return error;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const langOption = { lang: { type: 'string' } } as const;

/**
 * A command's options and `--lang`, read from `argv`; an unknown option or a missing value is an
 * OptionError, as is a `--lang` other than zh or en. `lang` is the language to speak.
 */
export function readOptions<const T extends Options>(argv: string[], options: T, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...langOption }, allowPositionals, strict: true });
  } catch (error) {
    throw optionErrorOf(error);
  }
  return { ...parsed, lang: languageOf((parsed.values as { lang?: string }).lang) };
}

/**
 * The options `read` reads, for a command's entry point: `--help` says what the command does (exit
 * 0); an option that cannot be used is said (`dev：…`) in the language the arguments ask for, and
 * ends the command with exit 2.
 */
export function optionsOrExit<T>(command: string, read: () => T, argv: readonly string[] = process.argv.slice(2)): T {
  exitIfHelpAsked(command, argv);
  try {
    return read();
  } catch (error) {
    const language = argumentLanguage(argv);
    console.error(`${command}${say(language, '：', ': ')}${errorMessage(error, language)}`);
    process.exit(2);
  }
}

/** A command's own options and `--lang`, or exit 2 saying what is wrong with them. */
export function commandOptions<const T extends Options>(command: string, options: T, allowPositionals = false, argv: string[] = process.argv.slice(2)) {
  return optionsOrExit(command, () => readOptions(argv, options, allowPositionals), argv);
}

export function readCliOptions(argv: string[] = process.argv.slice(2)): CliOptions {
  const { values, lang } = readOptions(argv, {
    data: { type: 'string', default: 'data' },
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  });
  return {
    dataDir: resolve(values.data),
    contentDir: resolve(values.content),
    outDir: resolve(values.out),
    json: values.json,
    strict: values.strict,
    lang,
  };
}
