/**
 * Hands every page Astro renders to the session (src/session.ts). A build finishes the page on
 * another core, keeping its figures on one line (lib/typography.ts), writes it and its Traditional
 * edition there and feeds both to the search index (src/build/threads/editionWorker.ts): Astro,
 * given no body, writes no file. Where the session takes no pages (the dev server), the page is
 * finished here and served.
 */
import { defineMiddleware } from 'astro:middleware';
import { pagePathOf } from './lib/site/paths.ts';
import { keepFiguresTogether } from './lib/typography.ts';
import { currentSession } from './session.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const { rendered } = await currentSession();
  const response = await next();
  if (!rendered) return new Response(keepFiguresTogether(await response.text()), response);
  // Bytes as Astro rendered them, never read into a string here: decoding, finishing and encoding
  // each page made a national build's largest strings on this thread, and their garbage (src/build/garbage.ts).
  await rendered(pagePathOf(context.url.pathname), new Uint8Array(await response.arrayBuffer()));
  return new Response(null, response);
});
