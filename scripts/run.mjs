/**
 * node scripts/run.mjs NAME [args]: runs scripts/NAME.ts from one JavaScript file that esbuild
 * bundles from it and the project's sources, kept in node_modules/.cache/zongshu/ until a source
 * changes. Under tsx, every module the process imports (Astro's hundreds, and the page module
 * Astro imports for each page it renders) goes through TypeScript loader hooks that Node 20 runs
 * on a thread of their own, one round trip per import: 2-4 s of a build of the bundled data
 * (measured: 14.1-14.7 s under tsx, 10.3-12.1 s so). The build's worker threads run from bundles
 * made the same way (src/build/threads/thread.ts). The bundle keeps every module's own file address in place of
 * import.meta.url, so paths the sources take from it (the project root, worker modules) are as
 * under tsx.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { lockedDependencies, treeHash } from '../src/cli/treeHash.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name] = process.argv.splice(2, 1);
const entry = join(root, 'scripts', `${name}.ts`);
if (!name || !existsSync(entry)) {
  console.error(`run: no script scripts/${name ?? ''}.ts`);
  process.exit(2);
}

const folder = join(root, 'node_modules', '.cache', 'zongshu');
// Named by the checkout it is in, the sources it is made of and the locked dependencies with their patches (patches/): the bundle holds this
// checkout's paths (its own file addresses, below), so a copy of the checkout, node_modules and all, makes its own.
const version = createHash('sha256').update(root).update(treeHash(root, ['src', 'scripts', ...lockedDependencies])).digest('hex');
/** Bundles `entry` as `label`-VERSION.mjs unless this version's bundle is there; returns its path. */
async function bundled(entry, label) {
  const bundle = join(folder, `${label}-${version.slice(0, 16)}.mjs`);
  if (existsSync(bundle)) return bundle;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-file-urls',
        setup(on) {
          on.onLoad({ filter: /\.[cm]?ts$/ }, ({ path }) => ({
            contents: readFileSync(path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
            loader: 'ts',
            resolveDir: dirname(path),
          }));
        },
      },
    ],
  });
  mkdirSync(folder, { recursive: true });
  // Bundles of older sources go; one of these sources, which another run may have just written and be importing, stays.
  const older = new RegExp(`^${label}-[0-9a-f]{16}\\.mjs$`, 'u');
  for (const file of readdirSync(folder)) if (older.test(file) && join(folder, file) !== bundle) rmSync(join(folder, file), { force: true });
  // Written whole under another name first: a second run starting meanwhile never imports half a bundle.
  const partial = `${bundle}.${process.pid}.partial`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, bundle);
  return bundle;
}

const bundle = await bundled(entry, name);
// The build's worker threads (src/build/threads/*Worker.ts) run from bundles of their own too: under tsx each
// thread had a loader thread beside it, 30 MB of memory a thread, and sent every import through it. So do the
// processes it starts (*Process.ts).
const threads = join(root, 'src', 'build', 'threads');
const threadBundles = {};
for (const file of readdirSync(threads).filter((f) => /(?:Worker|Process)\.ts$/u.test(f)).sort()) {
  threadBundles[pathToFileURL(join(threads, file)).href] = pathToFileURL(await bundled(join(threads, file), `thread-${file.slice(0, -'.ts'.length)}`)).href;
}
process.env.ZONGSHU_THREAD_BUNDLES = JSON.stringify(threadBundles);
await import(pathToFileURL(bundle).href);
