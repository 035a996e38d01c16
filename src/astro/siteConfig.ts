/** The one Astro configuration, used by astro.config.mjs (dev, editors) and by the build. */
import type { AstroIntegration, AstroUserConfig } from 'astro';

/** Configurations made in this process: each build's server-side bundle gets file names of its own. */
let configured = 0;

/**
 * `integrations`: the dev server's session (src/astro/devSession.ts, given by astro.config.mjs), or what a build adds;
 * a build hands its pages a session of its own (src/build/session.ts). Taken as given rather than made here, so that
 * a build loads nothing of the dev server's (which draws charts, with Plot and linkedom).
 */
export function siteConfig(integrations: AstroIntegration[] = []): AstroUserConfig {
  // Astro imports the pages it bundled for rendering from files named by their content. A second build in one
  // process (tests) would get the first build's modules back from Node's module cache: the names differ per build.
  const run = `${process.pid}-${++configured}`;
  return {
    // Every page is its own .html file, so links work from a folder and from file://.
    // The site's stylesheet is public/site.css, linked relatively; what components style is inlined:
    // no absolute /_astro/ link that would break under a sub-path or file://.
    // Eight pages at once: while some wait for charts drawn on another thread (src/build/threads/chartThread.ts), the others
    // render. With two, the pages waited on the drawing most of the time: the national set's full build, every chart drawn,
    // took 94.1-94.5 s with two, 79.9 s with eight and 81.4 s with sixteen, its peak RSS the same (961-985 MB).
    build: { format: 'file', inlineStylesheets: 'always', concurrency: 8 },
    trailingSlash: 'never',
    integrations,
    devToolbar: { enabled: false },
    vite: {
      environments: {
        prerender: { build: { rollupOptions: { output: { entryFileNames: `prerender-entry.[hash].${run}.mjs`, chunkFileNames: `chunks/[name]_[hash].${run}.mjs` } } } },
      },
      build: {
        rollupOptions: {
          onwarn(warning, warn) {
            // Astro 6.0.5's own asset helpers import names they do not use; not ours to fix.
            if (warning.code === 'UNUSED_EXTERNAL_IMPORT' && warning.exporter?.startsWith('@astrojs/')) return;
            warn(warning);
          },
        },
      },
    },
  };
}
