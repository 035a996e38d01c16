/**
 * The floor of npm run bench: the pages of a built site, both editions, built again by Astro from
 * their finished HTML (charts included, as drawn). What zongshu takes beyond this is its own work:
 * reading and checking the data, page data, drawing, the Traditional edition, the data package.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const page = `---
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(process.env.ZONGSHU_FLOOR_PAGES, 'utf8'));
  // a folder's index.html is the folder's own path, the site's is the empty one
  const path = (file) => (file === 'index.html' ? undefined : file.endsWith('/index.html') ? file.slice(0, -'/index.html'.length) : file.slice(0, -'.html'.length));
  return pages.map((file) => ({ params: { page: path(file) }, props: { file } }));
}
const html = readFileSync(join(process.env.ZONGSHU_FLOOR_SITE, Astro.props.file), 'utf8');
---
<Fragment set:html={html} />
`;

const runner = `import { build } from 'astro';
await build({ root: process.argv[2], configFile: false, outDir: process.argv[3], logLevel: 'error',
  build: { format: 'file', concurrency: 8 }, trailingSlash: 'never', devToolbar: { enabled: false } });
`;

export interface FloorRun {
  pages: number;
  seconds: number;
}

/** Builds every .html file of `site` again with Astro in a project made in `work`; seconds of the whole process. */
export async function floorBuild(site: string, work: string, projectRoot: string): Promise<FloorRun> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'src', 'pages'), { recursive: true });
  const pages = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(site, join(e.parentPath, e.name)));
  writeFileSync(join(work, 'pages.json'), JSON.stringify(pages));
  writeFileSync(join(work, 'src', 'pages', '[...page].astro'), page);
  writeFileSync(join(work, 'floor.mjs'), runner);
  const started = performance.now();
  await run(process.execPath, [join(work, 'floor.mjs'), work, join(work, 'dist')], {
    cwd: projectRoot,
    env: { ...process.env, ZONGSHU_FLOOR_PAGES: join(work, 'pages.json'), ZONGSHU_FLOOR_SITE: site },
    maxBuffer: 1 << 26,
  });
  return { pages: pages.length, seconds: (performance.now() - started) / 1000 };
}
