/**
 * Astro bundles the pages again at every build: 3-3.5 s of the national set's incremental build,
 * and importing Astro and Vite for it 1.3 s more, though the bundle is made of the code alone (the
 * pages take the data from the session, src/session.ts). A build with a cache folder therefore
 * keeps what Astro made: its prerender bundle (the app that renders the pages: chunks, the
 * middleware, the manifest) and each page's inline styles, under a hash of the code. The next
 * build of the same code renders its pages with that app as Astro's own generation does
 * (astro/dist/core/build/generate.js with its default prerenderer): the app from the kept entry,
 * given the styles, its routes' static paths, each page rendered, eight at a time. Astro writes no
 * page (the middleware hands each to the session), so rendering is all there is; the public folder
 * is copied as Vite would.
 *
 * What is kept is sealed like every cache entry (sealed.ts) with a digest of each file: anything
 * changed, missing or of other code is not taken, and Astro bundles the pages as before. The code
 * reached into is Astro 6.0.5's (pinned): its build's default prerenderer, StaticPaths and
 * createRequest, none of them in its typed API.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { treeHash } from '../cli/treeHash.mjs';
import { seal, unseal } from './incremental/sealed.ts';
import { processRuns } from './publishSite.ts';

/** Bundles imported by this process. */
let rendersInProcess = 0;

/** The pages rendered at once, as Astro's build.concurrency (src/astro/siteConfig.ts). */
const pagesAtOnce = 8;

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

/** Astro's app as its prerender entry makes it, in the parts used here. */
interface PrerenderApp {
  manifest: { routes: Array<{ routeData: RouteData }> };
  pipeline: { getInternals(): BuildInternals; getSettings(): { scripts: unknown[]; config: { root: URL } } };
  setInternals(internals: Partial<BuildInternals>): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

interface RouteData {
  component: string;
  type: string;
  prerender: boolean;
}

interface BuildInternals {
  prerenderEntryFileName: string;
  pagesByKeys: Map<string, { styles: PageStyle[] }>;
  entrySpecifierToBundleMap: Map<string, string>;
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
 * locked dependencies, and the checkout they are in (the bundle holds its paths), as scripts/run.mjs names its bundle.
 */
export function rendererKey(projectRoot: string): string {
  return createHash('sha256').update(projectRoot).update('\0').update(treeHash(projectRoot, ['src', 'tsconfig.json', 'package-lock.json'])).digest('hex');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'))
    .sort();
}

export interface KeptRenderer {
  /**
   * Renders every page with the kept bundle, copied into `workDir`, after copying the public folder
   * into `outDir`; false, having done nothing, when nothing whole is kept for this code.
   */
  render(workDir: string, outDir: string): Promise<boolean>;
  /** The integration that keeps what Astro makes in a build that bundles the pages (aside, until `commit`). */
  keeping(): AstroIntegration;
  /** Once the build has published: what was kept aside takes the place of anything kept before. */
  commit(): void;
  /** A build that failed: what was kept aside goes. */
  discard(): void;
  /** Whether the last `render` found a kept bundle that did not hold (changed or cut short). */
  refused(): boolean;
  /** Whether the last `render` rendered the pages. */
  used(): boolean;
}

export function keptRenderer(dir: string, projectRoot: string): KeptRenderer {
  const key = rendererKey(projectRoot);
  const folder = join(dir, key);
  const aside = join(dir, `${key}.${process.pid}.partial`);
  let keptAside = false;
  let refused = false;
  let used = false;

  /** The kept description, when it is sealed for this code and every file it names holds. */
  const readKept = (): Kept | undefined => {
    const sealed = join(folder, 'kept.json');
    if (!existsSync(sealed)) return undefined;
    const text = unseal(key, readFileSync(sealed, 'utf8'));
    const kept = text === undefined ? undefined : (JSON.parse(text) as Kept);
    if (!kept || !(kept.entry in kept.files)) {
      refused = true;
      return undefined;
    }
    return kept;
  };

  return {
    async render(workDir, outDir) {
      refused = false;
      used = false;
      const kept = readKept();
      if (!kept) return false;
      // Copied into the build's own folder, each file checked as it is, under a name of its own: Node keeps the modules it imported,
      // and a second build in one process (tests) would get the first one's app back, with the static paths it cached.
      const bundle = join(workDir, `kept-bundle-${++rendersInProcess}`);
      for (const [path, digest] of Object.entries(kept.files)) {
        const from = join(folder, 'bundle', path);
        const bytes = existsSync(from) ? readFileSync(from) : undefined;
        if (!bytes || sha256(bytes) !== digest) {
          refused = true;
          rmSync(bundle, { recursive: true, force: true });
          return false;
        }
        mkdirSync(dirname(join(bundle, path)), { recursive: true });
        writeFileSync(join(bundle, path), bytes);
      }
      const [{ StaticPaths }, { createRequest }, { createNodeLogger }] = await Promise.all([
        astroModule<{ StaticPaths: new (app: PrerenderApp) => { getAll(): Promise<Array<{ pathname: string; route: RouteData }>> } }>('runtime/prerender/static-paths.js'),
        astroModule<{ createRequest: (options: { url: URL; headers: Headers; logger: unknown; isPrerendered: boolean; routePattern: string }) => Request }>('core/request.js'),
        astroModule<{ createNodeLogger: (config: { logLevel: string }) => unknown }>('core/logger/node.js'),
      ]);
      // As Astro's build runs the pages: in production, unless NODE_ENV says otherwise (its ensureProcessNodeEnv).
      if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
      const publicDir = join(projectRoot, 'public');
      if (existsSync(publicDir)) cpSync(publicDir, outDir, { recursive: true });
      const { app } = (await import(pathToFileURL(join(bundle, kept.entry)).href)) as { app: PrerenderApp };
      const logger = createNodeLogger({ logLevel: 'warn' });
      app.setInternals({ prerenderEntryFileName: kept.entry, pagesByKeys: new Map(kept.styles.map(([page, styles]) => [page, { styles }])), entrySpecifierToBundleMap: new Map() });
      app.setOptions({ settings: { scripts: [] }, logger, routesList: { routes: app.manifest.routes.map((r) => r.routeData) } });
      const seen = new Set<string>();
      const paths = (await new StaticPaths(app).getAll()).filter(({ pathname }) => {
        const path = pathname.replace(/\/$/u, '');
        if (seen.has(path)) return false;
        seen.add(path);
        return true;
      });
      // Astro's addresses of pages built as files (generate.js, getUrlForPath: format 'file', base '/'), on its origin without a site.
      const urlOf = (pathname: string) => new URL(pathname === '/' || pathname === '' ? '/index.html' : `${pathname.replace(/\/$/u, '')}.html`, 'http://localhost:4321');
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
      used = true;
      return true;
    },

    keeping(): AstroIntegration {
      return {
        name: 'zongshu:keep-renderer',
        hooks: {
          'astro:build:start': ({ setPrerenderer }) => {
            setPrerenderer((given) => {
              const own = given as unknown as Prerenderer;
              return {
                ...own,
                name: 'zongshu:keeping',
                async setup() {
                  await own.setup?.();
                  if (!own.app) return;
                  const internals = own.app.pipeline.getInternals();
                  // A page script would need Astro's bundling of it: such a bundle is not kept.
                  if (own.app.pipeline.getSettings().scripts.length > 0) return;
                  const { getPrerenderOutputDirectory } = await astroModule<{ getPrerenderOutputDirectory: (settings: unknown) => URL }>('prerender/utils.js');
                  const made = fileURLToPath(getPrerenderOutputDirectory(own.app.pipeline.getSettings()));
                  rmSync(aside, { recursive: true, force: true });
                  cpSync(made, join(aside, 'bundle'), { recursive: true });
                  const files = Object.fromEntries(filesUnder(join(aside, 'bundle')).map((path) => [path, sha256(readFileSync(join(aside, 'bundle', path)))]));
                  const styles = [...internals.pagesByKeys].map(([page, data]): [string, PageStyle[]] => [page, data.styles]);
                  const kept: Kept = { entry: internals.prerenderEntryFileName, files, styles };
                  writeFileSync(join(aside, 'kept.json'), seal(key, JSON.stringify(kept)));
                  keptAside = true;
                },
                getStaticPaths: () => own.getStaticPaths(),
                render: (request, options) => own.render(request, options),
              } as Prerenderer as never;
            });
          },
        },
      };
    },

    commit() {
      if (!keptAside) return;
      keptAside = false;
      // Only this code's bundle is kept: others go, and what killed builds left aside; what a running build keeps aside stays.
      for (const entry of readdirSync(dir)) {
        const writer = /\.(\d+)\.partial$/u.exec(entry)?.[1];
        if (writer === undefined || (Number(writer) !== process.pid && !processRuns(Number(writer)))) rmSync(join(dir, entry), { recursive: true, force: true });
      }
      rmSync(folder, { recursive: true, force: true });
      try {
        renameSync(aside, folder);
      } catch {
        // Another build of the same code put its bundle there meanwhile: it is the same bundle.
        rmSync(aside, { recursive: true, force: true });
      }
    },

    discard() {
      keptAside = false;
      rmSync(aside, { recursive: true, force: true });
    },

    refused: () => refused,
    used: () => used,
  };
}
