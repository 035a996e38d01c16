import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixtureSite = fileURLToPath(new URL('../fixtures/site', import.meta.url));
/**
 * The real review texts, beside the repository as ../shared/seeds: in CI, not in a fresh clone.
 * Tests that read them use `describeWith([seeds], …)` (tests/helpers/requires.ts).
 */
export const seedsDir = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
