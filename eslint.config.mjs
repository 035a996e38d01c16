// The boundaries of the code (DEVELOPERS.md, GUIDE.md section 4), checked by `npm test` (scripts/lint.ts).
// Only these rules: formatting and style are the code review's.
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** What no page, layout, component or middleware may reach: the build, the command line, the file loader. */
const buildInternals = ['**/build/**', '**/cli/**', '**/load/**', '**/astro/**', '**/charts/**'];

export default [
  { ignores: ['node_modules/**', 'dist/**', '.astro/**', '.zongshu-*/**', 'tests/fixtures/**', 'test-artifacts/**', 'archives/**'] },
  { files: ['**/*.ts', '**/*.mts'], languageOptions: { parser: tseslint.parser } },
  ...astro.configs['flat/base'],
  {
    // src/lib is pure: no file system, no Astro, no DOM, no process, no state shared through globals.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/lib is pure TypeScript: the file system and the process belong to src/load, src/build and src/cli.' },
            { group: ['astro', 'astro:*', 'vite', 'linkedom', '@observablehq/plot'], message: 'src/lib knows no Astro, Vite or DOM: pages and charts use it, not the other way round.' },
            { group: ['**/build/**', '**/cli/**', '**/load/**', '**/astro/**', '**/charts/**', '**/session.ts'], message: 'src/lib depends on nothing outside src/lib.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'globalThis', message: 'src/lib keeps no state in globals.' },
        { name: 'process', message: 'src/lib reads no environment: pass what it needs in.' },
        { name: 'window', message: 'src/lib has no DOM.' },
        { name: 'document', message: 'src/lib has no DOM.' },
      ],
    },
  },
  {
    // Pages, layouts, components and the middleware reach the build only through the session (src/session.ts).
    files: ['src/pages/**/*.astro', 'src/layouts/**/*.astro', 'src/components/**/*.astro', 'src/middleware.ts', 'src/session.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: buildInternals, message: 'pages read the build through src/session.ts only.' }] }],
    },
  },
];
