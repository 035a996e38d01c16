/**
 * Hands every page Astro renders to the session (src/session.ts): a build makes its Traditional
 * edition on another core and feeds it to the search index. Where the session takes no pages
 * (the dev server), the response is not touched.
 */
import { defineMiddleware } from 'astro:middleware';
import { pagePathOf } from './lib/site/paths.ts';
import { currentSession } from './session.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const { rendered } = await currentSession();
  if (!rendered) return next();
  const response = await next();
  // Bytes, not a string: they stay outside the JavaScript heap, whose garbage the build must collect (src/build/garbage.ts).
  const html = new Uint8Array(await response.arrayBuffer());
  await rendered(pagePathOf(context.url.pathname), html);
  return new Response(html, response);
});
