/**
 * What the search index keeps of a page: its title and the plain text of the part of it marked
 * `data-search-body`, without what is marked `data-search-ignore` (and without the charts and
 * data tables that src/lib/site/searchText.ts cuts out first). A page with no such part is not
 * searched (the search page itself). The document travels as one line of text: the title, a
 * line break, the text.
 */
import { Parser } from 'htmlparser2';
import { searchableHtml } from '../site/searchText.ts';

export interface SearchDocument {
  title: string;
  text: string;
}

/** Elements that end a line of text: their words never run into the next element's. */
const blocks = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul']);
/** Elements whose content is no text a reader sees. */
const unread = new Set(['script', 'style', 'svg', 'template', 'noscript']);

const squeezed = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The page's document, as one line (`serialiseDocument`); '' for a page with no searchable part. */
export function searchText(html: string): string {
  const document = searchDocument(html);
  return document ? serialiseDocument(document) : '';
}

export function searchDocument(html: string): SearchDocument | undefined {
  // What each open element started: the searchable part, an ignored part, the title.
  const open: Array<{ body: boolean; ignore: boolean; title: boolean }> = [];
  let body = 0;
  let ignored = 0;
  let titled = 0;
  let found = false;
  let title = '';
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const started = { body: 'data-search-body' in attributes, ignore: 'data-search-ignore' in attributes || unread.has(name), title: 'data-search-title' in attributes };
        open.push(started);
        if (started.body) {
          body++;
          found = true;
        }
        if (started.ignore) ignored++;
        if (started.title) titled++;
        if (blocks.has(name)) text += ' ';
      },
      onclosetag(name) {
        const started = open.pop();
        if (started?.body) body--;
        if (started?.ignore) ignored--;
        if (started?.title) titled--;
        if (blocks.has(name)) text += ' ';
      },
      ontext(data) {
        if (titled > 0) title += data;
        else if (body > 0 && ignored === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(searchableHtml(html));
  return found ? { title: squeezed(title), text: squeezed(text) } : undefined;
}

export function serialiseDocument(document: SearchDocument): string {
  return `${document.title}\n${document.text}`;
}

/** A document from its line; undefined for '' (a page not searched). */
export function parseDocument(line: string): SearchDocument | undefined {
  if (line === '') return undefined;
  const at = line.indexOf('\n');
  return at < 0 ? { title: line, text: '' } : { title: line.slice(0, at), text: line.slice(at + 1) };
}
