/**
 * npm run lint: the boundaries of the code (eslint.config.mjs). Part of `npm test`.
 */
import { ESLint } from 'eslint';
import { projectRoot } from '../src/build/buildSite.ts';

const eslint = new ESLint({ cwd: projectRoot });
const results = await eslint.lintFiles(['src', 'scripts', 'astro.config.mjs']);
const problems = results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath.slice(projectRoot.length), ...m })));
for (const p of problems) console.log(`${p.severity === 2 ? 'error  ' : 'warning'} ${p.file}:${p.line}:${p.column} ${p.message}${p.ruleId ? ` (${p.ruleId})` : ''}`);
console.log(problems.length === 0 ? 'lint: the code keeps its boundaries' : `lint: ${problems.length} problems`);
process.exit(problems.some((p) => p.severity === 2) ? 1 : 0);
