/**
 * Hands every page Astro renders to the session (src/session.ts): a build makes its Traditional
 * edition on another core and feeds it to the search index. Where the session takes no pages
 * (the dev server), the page is only served. Either way its figures are kept on one line first (lib/typography.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { pagePathOf } from './lib/site/paths.ts';
import { keepFiguresTogether } from './lib/typography.ts';
import { currentSession } from './session.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const { rendered } = await currentSession();
  const response = await next();
  const page = keepFiguresTogether(await response.text());
  if (!rendered) return new Response(page, response);
  // Bytes, not a string: they stay outside the JavaScript heap, whose garbage the build must collect (src/build/garbage.ts).
  const html = new TextEncoder().encode(page);
  await rendered(pagePathOf(context.url.pathname), html);
  return new Response(html, response);
});
