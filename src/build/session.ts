/**
 * The session of one build (src/session.ts): what the pages Astro renders ask of the build, and
 * where each answer comes from. The build makes it once, with its parts, and installs it before
 * Astro starts; pages, their frame and the middleware reach the build through it alone.
 */
import type { PublishedPage } from '../lib/pages/published.ts';
import type { SiteIndex } from '../lib/pages/site.ts';
import type { Session } from '../session.ts';
import type { Progress } from '../cli/progress.ts';
import type { ChartDrawing } from './chartDrawing.ts';
import type { PageReuse } from './incremental/pageReuse.ts';
import type { SearchFeed } from './searchFeed.ts';
import type { EditionThread } from './threads/editionThread.ts';

export interface BuildSessionParts {
  site: SiteIndex;
  /** Hashes every page; with a cache, tells the pages unchanged since the site it replaces and carries them over. */
  reuse: PageReuse;
  charts: ChartDrawing;
  /** Finishes and writes each rendered page and its Traditional edition, and writes each page's tables, on its own thread. */
  editions: EditionThread;
  feed: SearchFeed;
  progress: Progress;
}

export function buildSession({ site, reuse, charts, editions, feed, progress }: BuildSessionParts): Session {
  /** The texts of an unchanged page go to the search index as soon as it is known unchanged, where its render would have sent them. */
  const feedKeptTexts = (path: string) => {
    if (feed.has(path)) return;
    const kept = reuse.searchTexts(path);
    if (kept) feed.provide(path, kept);
  };
  return {
    site,
    publish: (page: PublishedPage) => reuse.publish(page),
    unchanged(path, scope) {
      if (!reuse.unchangedScope(path, scope)) return false;
      // Left out of its route, the page is never rendered: it counts as done now.
      if (!feed.has(path)) {
        feedKeptTexts(path);
        progress.tick();
      }
      return true;
    },
    carried: (path) => reuse.unchanged(path),
    chart: (spec) => charts.chart(spec),
    pageRendered: () => progress.tick(),
    rendered(path, html) {
      if (!reuse.unchanged(path)) {
        editions.convert(path, html);
        return editions.ready();
      }
      // An unchanged page renders nothing: its editions are carried over after, its texts are kept in the cache.
      feedKeptTexts(path);
      return undefined;
    },
  };
}
