/**
 * The search page's script (bundled into search.js by src/build/searchIndex.ts): searches the
 * index of the page's own edition (src/lib/search/query.ts) as the reader types, and lists the
 * pages found, ten at a time, each with its title and the words around what was searched.
 * The index's files are scripts, loaded as the search needs them, so the site searches when
 * opened from a folder as well as from a server. The page's words come in its `data-labels`
 * (src/lib/site/searchLabels.ts), so the Traditional edition's page brings them in Traditional.
 */
import { excerpt, pageRecord, search, type IndexFiles } from '../lib/search/query.ts';
import type { PageRecord } from '../lib/search/searchIndex.ts';
import type { searchLabels } from '../lib/site/searchLabels.ts';

type Labels = Record<keyof typeof searchLabels, string>;
type Registry = (name: string, data: unknown) => void;

const shownAtOnce = 10;

/** Loads an index file as a script once; it hands its data to `zongshuSearch`. */
function scriptFiles(folder: string): IndexFiles {
  const waiting = new Map<string, (data: unknown) => void>();
  const loaded = new Map<string, Promise<unknown>>();
  (window as unknown as { zongshuSearch: Registry }).zongshuSearch = (name, data) => waiting.get(name)?.(data);
  const load = (name: string) => {
    let file = loaded.get(name);
    if (!file) {
      file = new Promise((resolve, reject) => {
        waiting.set(name, resolve);
        const script = document.createElement('script');
        script.src = `${folder}${name}.js`;
        script.onerror = () => reject(new Error(`${folder}${name}.js`));
        document.head.appendChild(script);
      });
      loaded.set(name, file);
    }
    return file;
  };
  return {
    shard: (shard) => load(`t${shard}`) as Promise<Record<string, number[]>>,
    chunk: (chunk) => load(`p${chunk}`) as Promise<PageRecord[]>,
    titleLengths: () => load('l') as Promise<number[]>,
  };
}

/** A label with the query and count put in; as functions, so that a query holding $& or $' is put in as typed. */
const say = (template: string, query: string, count?: number) =>
  template.replace('[QUERY]', () => query).replace('[COUNT]', () => String(count ?? ''));

function start(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  if (!form || !input || !status || !list || !more) return;
  const labels = JSON.parse(form.getAttribute('data-labels') ?? '{}') as Labels;
  // The Traditional edition's page sits one folder below the site's root, and searches its own edition's index.
  const traditional = document.documentElement.lang === 'zh-Hant';
  const root = traditional ? '../' : './';
  const files = scriptFiles(`${root}search/${traditional ? 'zh-Hant' : 'zh-CN'}/`);

  let asked = 0;
  let found: { query: string; parts: Awaited<ReturnType<typeof search>>['parts']; pages: number[]; shown: number; showing: boolean } | undefined;

  /** Shows the next results of the search `found` holds: nothing once another search has begun, or while its last are being shown (a double click). */
  const showMore = async () => {
    const shown = found;
    if (!shown || shown.showing) return;
    shown.showing = true;
    const next = shown.pages.slice(shown.shown, shown.shown + shownAtOnce);
    const records = await Promise.all(next.map((page) => pageRecord(files, page))).finally(() => (shown.showing = false));
    if (found !== shown) return;
    const { parts, pages } = shown;
    records.forEach((record) => {
      if (!record) return;
      const [path, title, text] = record;
      const item = document.createElement('li');
      const heading = document.createElement('a');
      heading.href = `${root}${path}`;
      heading.textContent = title;
      const words = document.createElement('p');
      for (const piece of excerpt(text, parts)) words.append(piece.match ? Object.assign(document.createElement('mark'), { textContent: piece.text }) : piece.text);
      item.append(heading, words);
      list.append(item);
    });
    shown.shown += next.length;
    more.hidden = shown.shown >= pages.length;
  };

  /** The search stays in the address (search.html?q=立案), so it can be bookmarked, sent and gone back to. */
  const remember = (query: string) => {
    const url = new URL(location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    try {
      history.replaceState(null, '', url.href);
    } catch {
      // A page opened from a folder may not change its address in some browsers: the search goes on.
    }
  };

  const run = async (query: string) => {
    const ask = ++asked;
    remember(query);
    list.replaceChildren();
    more.hidden = true;
    found = undefined;
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    status.textContent = say(labels.searching, query);
    try {
      const results = await search(query, files);
      // A later query has been asked meanwhile: its answer is the one shown.
      if (ask !== asked) return;
      found = { query, parts: results.parts, pages: results.pages, shown: 0, showing: false };
      await showMore();
      if (ask !== asked) return;
      // Said once the first results stand on the page: what the status announces is there to read.
      status.textContent = results.parts.length === 0 ? labels.no_words : say(results.pages.length === 0 ? labels.none : labels.some, query, results.pages.length);
    } catch {
      if (ask === asked) status.textContent = labels.failed;
    }
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(input.value), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(input.value);
  });
  more.addEventListener('click', () => void showMore());

  form.hidden = false;
  const unavailable = document.getElementById('search-unavailable');
  if (unavailable) unavailable.hidden = true;
  // A search passed in the address (search.html?q=立案) is run at once.
  const asking = new URLSearchParams(location.search).get('q');
  if (asking) {
    input.value = asking;
    void run(asking);
  }
}

start();
