/**
 * Hands every page Astro renders during a build to the build's sink
 * (src/cli/renderedPages.ts), which makes its Traditional edition on another
 * core and feeds it to the search index. Outside a build there is no sink and
 * the response is not touched.
 */
import { defineMiddleware } from 'astro:middleware';
import { pagePathOf, renderedPageSink } from './cli/renderedPages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const sink = renderedPageSink();
  if (!sink) return next();
  const response = await next();
  // Bytes, not a string: they stay outside the JavaScript heap, whose garbage the build must collect (src/cli/garbage.ts).
  const html = new Uint8Array(await response.arrayBuffer());
  await sink(pagePathOf(context.url.pathname), html);
  return new Response(html, response);
});
