/**
 * A page of the Traditional-script edition, made from its Simplified page at
 * build time: every character converted with OpenCC (Taiwan standard forms,
 * without Taiwan wording; script.ts), except quotes, which stay verbatim in
 * their source's own script (any element marked `data-verbatim`), `lang` set
 * to zh-Hant, the script switch turned to lead
 * back, and links to files kept once for both editions (the data files)
 * pointed one folder up.
 */
import { toTraditional } from '../script.ts';
import { traditionalRoot } from './navigation.ts';
import { relativeHref } from './paths.ts';

// The patterns here have no u flag: they are delimited by ASCII characters
// only, so they find the same spans in UTF-16 code units as in code points,
// and without the flag they run a third faster over a page.
const scriptSwitch = /<a [^>]*data-script-switch[^>]*>[^<]*<\/a>/;
/** Elements whose link leads to a file both editions share: `data-root="data/package/datapackage.json"`. */
const rootLinked = /(src|href)="[^"]*"([^>]*?) data-root="([^"]+)"/g;

/** Runs already converted: pages repeat the same names and labels thousands of times. */
const convertedRuns = new Map<string, string>();
const maxRememberedRuns = 200_000;
/**
 * Longer runs (quotes, chart descriptions) are mostly said once, and a remembered run that is
 * a slice of its page keeps that whole page alive: 640 MB of national source pages were held so.
 * Names and labels are shorter than this (in UTF-16 code units).
 */
const longestRememberedRun = 12;

function convertRun(run: string): string {
  if (run.length > longestRememberedRun) return toTraditional(run);
  let converted = convertedRuns.get(run);
  if (converted === undefined) {
    converted = toTraditional(run);
    if (convertedRuns.size >= maxRememberedRuns) convertedRuns.clear();
    convertedRuns.set(run, converted);
  }
  return converted;
}

/**
 * Only runs of Chinese (non-ASCII) text are converted: markup, numbers and
 * paths are left as they are, and unread. A run of code units above 0x7f is
 * the run of code points above it, surrogate pairs included.
 */
export function toTraditionalText(text: string): string {
  return text.replace(/[^\u0000-\u007f]+/g, convertRun);
}

/** An element whose text is a verbatim quote (`<q data-verbatim>…</q>`), with no element of the same name inside. */
const verbatim = /<([a-z]+)\b[^>]*\sdata-verbatim(?=[\s>=])[^>]*>[\s\S]*?<\/\1>/g;

/** The text converted, quotes marked verbatim left as they are. */
export function toTraditionalOutsideQuotes(html: string): string {
  // Most pages quote nothing (a unit page, a compare page): the pattern would try every one of their tags for nothing.
  if (!html.includes('data-verbatim')) return toTraditionalText(html);
  let converted = '';
  let from = 0;
  for (const match of html.matchAll(verbatim)) {
    converted += toTraditionalText(html.slice(from, match.index)) + match[0];
    from = (match.index ?? 0) + match[0].length;
  }
  return converted + toTraditionalText(html.slice(from));
}

/** A span of a page to put `text` in place of: `from` to `to`, in UTF-16 code units. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * The page with each edit made, in one pass: a page takes three (its language, its script switch, its links to the
 * shared files), and each `replace` of its own copied the whole page again (a third of the thread's time on a page).
 * Undefined when two edits overlap, which no page the site makes has.
 */
function edited(page: string, edits: Edit[]): string | undefined {
  edits.sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const { from, to, text } of edits) {
    if (from < at) return undefined;
    parts.push(page.slice(at, from), text);
    at = to;
  }
  parts.push(page.slice(at));
  return parts.join('');
}

export function traditionalPage(html: string, pagePath: string): string {
  const path = `${traditionalRoot}/${pagePath}`;
  const back = relativeHref(path, pagePath);
  const converted = toTraditionalOutsideQuotes(html);
  const lang = '<html lang="zh-CN">';
  const langTo = '<html lang="zh-Hant">';
  const switchTo = `<a href="${back}" lang="zh-Hans" hreflang="zh-Hans" class="script-switch" data-script-switch>简体</a>`;
  const relinked = (attribute: string, rest: string, root: string) => `${attribute}="${relativeHref(path, root)}"${rest} data-root="${root}"`;
  const edits: Edit[] = [];
  const langAt = converted.indexOf(lang);
  if (langAt >= 0) edits.push({ from: langAt, to: langAt + lang.length, text: langTo });
  const switchFound = scriptSwitch.exec(converted);
  if (switchFound) edits.push({ from: switchFound.index, to: switchFound.index + switchFound[0].length, text: switchTo });
  for (const found of converted.matchAll(rootLinked)) {
    const [whole, attribute, rest, root] = found as unknown as [string, string, string, string];
    edits.push({ from: found.index ?? 0, to: (found.index ?? 0) + whole.length, text: relinked(attribute, rest, root) });
  }
  // Edits that overlap are made one after another, as each replace would.
  return (
    edited(converted, edits) ??
    converted
      .replace(lang, langTo)
      .replace(scriptSwitch, switchTo)
      .replace(rootLinked, (_match, attribute: string, rest: string, root: string) => relinked(attribute, rest, root))
  );
}
