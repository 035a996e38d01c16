import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The build test runs Astro twice; everything else is fast.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
