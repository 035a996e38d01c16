/**
 * What a page, its frame and the middleware need from whoever renders them: the build, the dev
 * server or a test. Astro bundles the pages apart from the code that starts it, so the two share
 * one object through one global slot, set by that code before a page renders (src/build/session.ts
 * for a build, src/astro/devSession.ts for the dev server). Pages, layouts and middleware read it
 * here and nowhere else; they import nothing of the build.
 */
import type { ChartSpec } from './lib/pages/chartData.ts';
import type { PageTable } from './lib/pages/pageTables.ts';
import { publication, type PageScope, type PublishedPage, type ScopedPage } from './lib/pages/published.ts';
import type { SiteIndex } from './lib/pages/site.ts';

export interface Session {
  /** The checked data set and the index of the site made from it. */
  readonly site: SiteIndex;
  /** A page's data, its table and its charts' tables, as its route makes them: the build writes the tables and tells a changed page. */
  publish(page: PublishedPage): void;
  /** True when the build knows the page at `path`, which reads only `scope`, unchanged since the last build: its data need not be made. */
  unchanged(path: string, scope: PageScope): boolean;
  /** True when the build puts the page's previous HTML in its place: its frame renders nothing. */
  carried(path: string): boolean;
  /** The chart drawn as SVG, now or on another thread. */
  chart(spec: ChartSpec): string | Promise<string>;
  /** The frame tells each page it renders (the build's progress). */
  pageRendered(): void;
  /**
   * Each page's HTML as Astro rendered it, from the middleware, which then has Astro write nothing: the
   * build finishes and writes the page. Absent where the page is served as it is finished (the dev
   * server). A promise holds the page back until the build can take more.
   */
  rendered?: (path: string, html: Uint8Array) => void | Promise<void>;
}

const slot = Symbol.for('zongshu.session');
type Slot = Record<symbol, Session | Promise<Session> | undefined>;

/** Sets the session pages read; undefined when the build or server is done. */
export function installSession(session: Session | Promise<Session> | undefined): void {
  (globalThis as Slot)[slot] = session;
}

export async function currentSession(): Promise<Session> {
  const session = (globalThis as Slot)[slot];
  if (!session) throw new Error('no session: pages are rendered by npm run build or npm run dev, which set one up first');
  return session;
}

/** The page data as it is, after handing its table and charts (made from it) to the session. */
export function published<P>(session: Session, page: P, table: (page: P) => PageTable, charts?: (page: P) => readonly ChartSpec[]): P {
  session.publish(publication(page, table, charts));
  return page;
}

/** As `published`, for a page that reads only `scope`: undefined, and no data made, when the build knows the page unchanged. */
export function publishedWithin<P>(session: Session, path: string, scope: PageScope, make: () => P, table: (page: P) => PageTable, charts?: (page: P) => readonly ChartSpec[]): P | undefined {
  return session.unchanged(path, scope) ? undefined : published(session, make(), table, charts);
}

/**
 * The entries of a route whose pages are still to be made, for its getStaticPaths: a page the build
 * knows unchanged is left out, so Astro spends nothing on it, and the build puts its previous HTML
 * in place.
 */
export function stillToMake<E>(session: Session, entries: readonly E[], pageOf: (entry: E) => ScopedPage): E[] {
  return entries.filter((entry) => {
    const { path, scope } = pageOf(entry);
    return !session.unchanged(path, scope);
  });
}
