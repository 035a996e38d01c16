/**
 * Each page's HTML as Astro renders it, handed to the build (src/middleware.ts)
 * so its Traditional edition is made on another thread while the next pages
 * render. Nothing is handed on when no sink is installed (dev server, tests of
 * single pages): the response then passes through untouched.
 */
/**
 * `html`: the page as Astro writes it, UTF-8; the sink must not change the bytes. A promise
 * returned holds the page back until the sink can take more (src/cli/editionThread.ts).
 */
export type RenderedPageSink = (path: string, html: Uint8Array) => void | Promise<void>;

const slot = Symbol.for('zongshu.renderedPages');
type Slots = Record<symbol, RenderedPageSink | undefined>;

export function installRenderedPageSink(sink: RenderedPageSink | undefined): void {
  (globalThis as Slots)[slot] = sink;
}

export function renderedPageSink(): RenderedPageSink | undefined {
  return (globalThis as Slots)[slot];
}

/** The site path of a page from its URL path: /beijing/2023.html → beijing/2023.html, / → index.html. */
export function pagePathOf(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/u, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}
