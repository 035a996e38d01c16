import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The build test runs Astro twice; everything else is fast.
    testTimeout: 120_000,
    // Every build a test makes states one day (the home and methodology pages: src/lib/site/buildDate.ts): tests that
    // compare a site with one built later failed when a run spanned midnight UTC.
    env: { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1700000000' },
    hookTimeout: 120_000,
    // A build renders its pages from Astro's bundle, copied into .zongshu-work/ (src/build/keptRenderer.ts): Node
    // imports it, as in a build, not Vitest's module runner, which took it for the project's sources and could not
    // resolve the page modules it imports while it renders.
    server: { deps: { external: [/\/\.zongshu-work\//u] } },
  },
});
