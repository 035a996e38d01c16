/** The boundaries eslint.config.mjs keeps: each rule fails code that crosses it. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const eslint = new ESLint({ cwd: repoRoot });
const problems = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

describe('the code boundaries', () => {
  it('keep src/lib pure: no file system, no Astro, no build, no globals', async () => {
    expect(await problems("import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'src/lib/pages/x.ts')).toEqual(['no-restricted-imports']);
    expect(await problems("import { build } from 'astro';\nexport const a = build;\n", 'src/lib/x.ts')).toEqual(['no-restricted-imports']);
    expect(await problems("import { buildSite } from '../../build/buildSite.ts';\nexport const a = buildSite;\n", 'src/lib/pages/x.ts')).toEqual(['no-restricted-imports']);
    expect(await problems('export const slot = (globalThis as Record<string, unknown>).x;\n', 'src/lib/pages/x.ts')).toEqual(['no-restricted-globals']);
    expect(await problems("import { sitePaths } from '../site/paths.ts';\nexport const a = sitePaths;\n", 'src/lib/pages/x.ts')).toEqual([]);
  });

  it('keep pages, layouts and the middleware out of the build: they read it through src/session.ts', async () => {
    const page = (imports: string) => `---\n${imports}\n---\n<p>{x}</p>\n`;
    expect(await problems(page("import { isPageUnchanged as x } from '../build/incremental/pageReuse.ts';"), 'src/layouts/Base.astro')).toEqual(['no-restricted-imports']);
    expect(await problems(page("import { consoleProgress as x } from '../cli/progress.ts';"), 'src/pages/index.astro')).toEqual(['no-restricted-imports']);
    expect(await problems("import { buildSite } from './build/buildSite.ts';\nexport const a = buildSite;\n", 'src/middleware.ts')).toEqual(['no-restricted-imports']);
    expect(await problems(page("import { currentSession as x } from '../session.ts';"), 'src/pages/index.astro')).toEqual([]);
  });

  it('find nothing in the code as it is', async () => {
    const results = await eslint.lintFiles(['src', 'scripts']);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`))).toEqual([]);
  });
});
