/**
 * How a build renders its pages: with the bundle of them that Astro makes (its prerender app: chunks,
 * the middleware, the manifest, and each page's inline styles), the way Astro's own generation does
 * (astro/dist/core/build/generate.js with its default prerenderer): the app from the bundle's entry,
 * given the styles, its routes' static paths, each page rendered, eight at a time, in the order of
 * the site's page list (src/lib/pages/site.ts pagePaths), not Astro's order of its routes. Astro writes no
 * page (the middleware hands each to the session, src/middleware.ts), so rendering is all there is;
 * the public folder is copied as Vite would.
 *
 * The bundle is made of the code alone (the pages take the data from the session), so it is kept in
 * the cache folder under a hash of the code and the checkout, and a build of the same code takes it.
 * Otherwise Astro and Vite make it in a process of their own (threads/pageBundleProcess.ts), started
 * as the build starts, so that it bundles while the build reads its data, and its memory is never the
 * build's: on the national set, bundling in the build's process took 3-3.5 s after the load and loading
 * Astro 1.3 s before it, and its heap made every later garbage collection longer.
 *
 * What is kept is sealed like every cache entry (incremental/sealed.ts) with a digest of each file:
 * anything changed, missing or of other code is refused, counted, and made again. The code reached
 * into is Astro 6.0.5's (pinned): its build's default prerenderer, StaticPaths and createRequest, none
 * of them in its typed API.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { lockedDependencies, treeHash } from '../cli/treeHash.mjs';
import { seal, unseal } from './incremental/sealed.ts';
import { processRuns } from './publishSite.ts';
import { processCommand } from './threads/thread.ts';
import { siteFilesUnder } from './siteFiles.ts';
import { pagePathOf } from '../lib/site/paths.ts';
import { bilingual } from '../cli/options.ts';

/** The pages rendered at once, as Astro's build.concurrency (src/astro/siteConfig.ts). */
const pagesAtOnce = 8;

/** Bundles imported by this process. */
let rendersInProcess = 0;

/** A style of a page as Astro's build holds it (PageBuildData.styles). */
interface PageStyle {
  depth: number;
  order: number;
  sheet: { type: 'inline'; content: string } | { type: 'external'; src: string };
}

/** What is kept beside the bundle's files. */
interface Kept {
  /** The entry module, within the bundle. */
  entry: string;
  /** SHA-256 of each file of the bundle, by its path within it. */
  files: Record<string, string>;
  /** Each page's styles, by Astro's key of its route and component. */
  styles: Array<[string, PageStyle[]]>;
}

interface RouteData {
  component: string;
}

/** Astro's app as its prerender entry makes it, in the parts used here. */
interface PrerenderApp {
  manifest: { routes: Array<{ routeData: RouteData }> };
  pipeline: {
    getInternals(): { prerenderEntryFileName: string; pagesByKeys: Map<string, { styles: PageStyle[] }> };
    getSettings(): { scripts: unknown[] };
  };
  setInternals(internals: { prerenderEntryFileName: string; pagesByKeys: Map<string, { styles: PageStyle[] }>; entrySpecifierToBundleMap: Map<string, string> }): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

interface Prerenderer {
  name: string;
  app?: PrerenderApp;
  setup?: () => Promise<void>;
  getStaticPaths: () => Promise<Array<{ pathname: string; route: RouteData }>>;
  render: (request: Request, options: { routeData: RouteData }) => Promise<Response>;
  teardown?: () => Promise<void>;
}

/** Astro's own modules reached into, by their path in its package. */
const astroDist = dirname(createRequire(import.meta.url).resolve('astro'));
const astroModule = <T>(path: string): Promise<T> => import(pathToFileURL(join(astroDist, path)).href) as Promise<T>;

/**
 * The code the bundle is made of: the sources (Astro's configuration among them), the TypeScript settings and the
 * locked dependencies and their patches (patches/), and the checkout they are in (the bundle holds its paths), as scripts/run.mjs names its bundle.
 */
export function rendererKey(projectRoot: string): string {
  return createHash('sha256').update(projectRoot).update('\0').update(treeHash(projectRoot, ['src', 'tsconfig.json', ...lockedDependencies])).digest('hex');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The integration of the process that bundles the pages: once Astro has bundled them and set up its app, the
 * bundle and the pages' styles are kept in `folder` (sealed for `key`), and Astro is given no page to render.
 */
export function keepingIntegration(folder: string, key: string): AstroIntegration {
  return {
    name: 'zongshu:keep-bundle',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((given) => {
          const own = given as unknown as Prerenderer;
          const keeping: Prerenderer = {
            name: 'zongshu:keep-bundle',
            async setup() {
              await own.setup?.();
              const app = own.app;
              if (!app) throw new Error("Astro's prerenderer made no app to keep");
              // A page script would need Astro's bundling of it into the site: the site has none, and a bundle with one is not kept.
              if (app.pipeline.getSettings().scripts.length > 0) throw new Error('a page script was added: the pages cannot be rendered from a kept bundle');
              const internals = app.pipeline.getInternals();
              const { getPrerenderOutputDirectory } = await astroModule<{ getPrerenderOutputDirectory: (settings: unknown) => URL }>('prerender/utils.js');
              const made = fileURLToPath(getPrerenderOutputDirectory(app.pipeline.getSettings()));
              rmSync(folder, { recursive: true, force: true });
              cpSync(made, join(folder, 'bundle'), { recursive: true });
              const files = Object.fromEntries(siteFilesUnder(join(folder, 'bundle')).map((path) => [path, sha256(readFileSync(join(folder, 'bundle', path)))]));
              const styles = [...internals.pagesByKeys].map(([page, data]): [string, PageStyle[]] => [page, data.styles]);
              const kept: Kept = { entry: internals.prerenderEntryFileName, files, styles };
              writeFileSync(join(folder, 'kept.json'), seal(key, JSON.stringify(kept)));
            },
            getStaticPaths: async () => [],
            render: () => Promise.reject(new Error('the process that bundles the pages renders none')),
          };
          return keeping as never;
        });
      },
    },
  };
}

/** Astro's address of a page built as a file (generate.js getUrlForPath: format 'file', base '/'), on its origin without a site. */
const urlOf = (pathname: string) => new URL(pathname === '/' || pathname === '' ? '/index.html' : `${pathname.replace(/\/$/u, '')}.html`, 'http://localhost:4321');

/**
 * Astro's pages (`pathname`: /hainan/2020) in the order of `order` (site paths: hainan/2020.html), those it does not
 * list after them, by path: the build's search feed takes pages in that order, so rendering in it hands the index
 * each page's texts as soon as they can be taken (src/lib/pages/site.ts pagePaths says why the order is as it is).
 */
export function inPageOrder<P extends { pathname: string }>(pages: readonly P[], order: readonly string[]): P[] {
  const rank = new Map(order.map((path, at) => [path, at]));
  // Each keyed by the file it is written to: the address it is rendered at, read as the middleware reads it.
  const keyed = pages.map((page) => ({ page, path: pagePathOf(urlOf(page.pathname).pathname) }));
  const rankOf = (path: string) => rank.get(path) ?? order.length;
  return keyed.sort((a, b) => rankOf(a.path) - rankOf(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((k) => k.page);
}

export interface PageRenderer {
  /** Starts making the bundle unless one is kept for this code: call early, await before `render`. The same promise every time. */
  ready(): Promise<void>;
  /**
   * Renders every page with the bundle, copied into `workDir`, after copying the public folder into `outDir`: in the
   * order of `order` (site paths, src/lib/pages/site.ts pagePaths), pages it does not list after, by path.
   */
  render(workDir: string, outDir: string, order: readonly string[]): Promise<void>;
  /** Stops the bundling when the build will not render (its data have errors). */
  cancel(): void;
  /** Whether the bundle was taken from the cache folder, not made for this build. */
  kept(): boolean;
  /** Whether a bundle was found in the cache folder that did not hold (changed or cut short), and was made again. */
  refused(): boolean;
}

/**
 * `cacheDir`: where bundles are kept (its renderer/ folder); undefined: the bundle is made for this build alone, in
 * the project's work folder, and removed after rendering.
 */
export function pageRenderer(cacheDir: string | undefined, projectRoot: string): PageRenderer {
  const key = rendererKey(projectRoot);
  // Without a cache folder, in this process's work folder (buildSite.ts inWorkFolder), which goes when the build ends or at the next build after it was killed.
  const dir = cacheDir === undefined ? join(projectRoot, '.zongshu-work', String(process.pid), `renderer-${++rendersInProcess}`) : join(cacheDir, 'renderer');
  const folder = join(dir, key);
  const aside = join(dir, `${key}.${process.pid}.partial`);
  let refused = false;
  let taken = false;
  let made: Promise<void> | undefined;
  let child: ReturnType<typeof spawn> | undefined;

  /** The kept description, when it is sealed for this code and names its entry. */
  const readKept = (): Kept | undefined => {
    const sealed = join(folder, 'kept.json');
    if (!existsSync(sealed)) return undefined;
    const text = unseal(key, readFileSync(sealed, 'utf8'));
    const kept = text === undefined ? undefined : (JSON.parse(text) as Kept);
    return kept && kept.entry in kept.files ? kept : undefined;
  };

  /** The kept bundle's files, each checked against its digest; undefined when one does not hold. */
  const keptFiles = (kept: Kept): Map<string, Buffer> | undefined => {
    const files = new Map<string, Buffer>();
    for (const [path, digest] of Object.entries(kept.files)) {
      const from = join(folder, 'bundle', path);
      const bytes = existsSync(from) ? readFileSync(from) : undefined;
      if (!bytes || sha256(bytes) !== digest) return undefined;
      files.set(path, bytes);
    }
    return files;
  };

  const bundle = (): Promise<void> =>
    new Promise((resolve, reject) => {
      mkdirSync(dir, { recursive: true });
      rmSync(aside, { recursive: true, force: true });
      const [command, ...args] = processCommand(new URL('./threads/pageBundleProcess.ts', import.meta.url));
      child = spawn(command as string, [...args, aside, key, projectRoot], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
      let said = '';
      child.stderr?.setEncoding('utf8').on('data', (text: string) => (said += text));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        child = undefined;
        if (code !== 0 || !existsSync(join(aside, 'kept.json'))) {
          rmSync(aside, { recursive: true, force: true });
          reject(bilingual(`Astro could not bundle the pages (${signal ?? `exit ${code}`}):\n${said.trim()}`, `Astro 未能打包页面（${signal ?? `退出码 ${code}`}）：\n${said.trim()}`));
          return;
        }
        // Only this code's bundle is kept: those of other code go, and what killed builds left aside; what a running build
        // keeps aside stays, and so does this code's, should another build have put it in place meanwhile (it may be reading it).
        for (const entry of readdirSync(dir)) {
          const writer = /\.(\d+)\.partial$/u.exec(entry)?.[1];
          const path = join(dir, entry);
          if (path !== aside && path !== folder && (writer === undefined || !processRuns(Number(writer)))) rmSync(path, { recursive: true, force: true });
        }
        try {
          renameSync(aside, folder);
        } catch {
          // Another build of the same code put its bundle there meanwhile: it is the same bundle.
          rmSync(aside, { recursive: true, force: true });
        }
        resolve();
      });
    });

  const ready = (): Promise<void> => {
    made ??= (async () => {
      const kept = readKept();
      if (kept && keptFiles(kept)) {
        taken = true;
        return;
      }
      // A bundle kept for this code that does not hold is refused, and goes: the one made now takes its place.
      refused = existsSync(folder);
      rmSync(folder, { recursive: true, force: true });
      await bundle();
    })();
    // Said where it is awaited (buildSite), not as an unhandled rejection while the data are read.
    made.catch(() => undefined);
    return made;
  };

  return {
    ready,

    async render(workDir, outDir, order) {
      await ready();
      const kept = readKept();
      const files = kept && keptFiles(kept);
      if (!kept || !files) throw bilingual(`the bundle of the pages in ${folder} changed while the build ran; build again`, `生成期间 ${folder} 中的页面包被改动了，请重新生成`);
      // Copied into the build's own folder, under a name of its own: Node keeps the modules it imported, and a second
      // build in one process (tests) would get the first one's app back, with the static paths it cached.
      const copy = join(workDir, `bundle-${++rendersInProcess}`);
      for (const [path, bytes] of files) {
        mkdirSync(dirname(join(copy, path)), { recursive: true });
        writeFileSync(join(copy, path), bytes);
      }
      if (cacheDir === undefined) rmSync(dir, { recursive: true, force: true });
      const [{ StaticPaths }, { createRequest }, { createNodeLogger }] = await Promise.all([
        astroModule<{ StaticPaths: new (app: PrerenderApp) => { getAll(): Promise<Array<{ pathname: string; route: RouteData }>> } }>('runtime/prerender/static-paths.js'),
        astroModule<{ createRequest: (options: { url: URL; headers: Headers; logger: unknown; isPrerendered: boolean; routePattern: string }) => Request }>('core/request.js'),
        astroModule<{ createNodeLogger: (config: { logLevel: string }) => unknown }>('core/logger/node.js'),
      ]);
      // As Astro's build runs the pages: in production, unless NODE_ENV says otherwise (its ensureProcessNodeEnv).
      if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
      const publicDir = join(projectRoot, 'public');
      if (existsSync(publicDir)) cpSync(publicDir, outDir, { recursive: true });
      // Imported by Node itself, under Vitest too (vitest.config.ts: .zongshu-work/ is external), as Astro imports it.
      const { app } = (await import(pathToFileURL(join(copy, kept.entry)).href)) as { app: PrerenderApp };
      const logger = createNodeLogger({ logLevel: 'warn' });
      app.setInternals({ prerenderEntryFileName: kept.entry, pagesByKeys: new Map(kept.styles.map(([page, styles]) => [page, { styles }])), entrySpecifierToBundleMap: new Map() });
      app.setOptions({ settings: { scripts: [] }, logger, routesList: { routes: app.manifest.routes.map((r) => r.routeData) } });
      // Each address once, the first route's (generate.js keeps the first of two routes that make one address).
      const seen = new Set<string>();
      const paths = inPageOrder(
        (await new StaticPaths(app).getAll()).filter(({ pathname }) => {
          const path = pathname.replace(/\/$/u, '');
          if (seen.has(path)) return false;
          seen.add(path);
          return true;
        }),
        order,
      );
      let next = 0;
      const renderNext = async (): Promise<void> => {
        for (let at = next++; at < paths.length; at = next++) {
          const { pathname, route } = paths[at] as { pathname: string; route: RouteData };
          const request = createRequest({ url: urlOf(pathname), headers: new Headers(), logger, isPrerendered: true, routePattern: route.component });
          const response = await app.render(request, { routeData: route });
          // The middleware hands every page to the session and answers with no body: anything else is a page the build would lose.
          if (response.body !== null || response.status !== 200) throw new Error(`page ${pathname} rendered as status ${response.status}${response.body ? ' with a body' : ''}, not handed to the build`);
        }
      };
      await Promise.all(Array.from({ length: pagesAtOnce }, renderNext));
    },

    cancel() {
      child?.kill();
    },

    kept: () => taken,
    refused: () => refused,
  };
}
