/**
 * The site's search: its index (src/lib/search/searchIndex.ts), one for each edition under
 * search/zh-CN/ and search/zh-Hant/, made from the documents of the pages as the build hands
 * them over, and the search page's script, search.js, bundled from src/browser/searchPage.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from '../lib/search/document.ts';
import { searchIndexFiles, type IndexedPage } from '../lib/search/searchIndex.ts';
import { traditionalRoot } from '../lib/site/navigation.ts';
import type { AddToIndex } from './searchFeed.ts';

/** The folder of each edition's index, from the site's root; the search page's script picks its own by the page's language. */
export const searchIndexFolders = { simplified: 'search/zh-CN', traditional: 'search/zh-Hant' } as const;

export interface SearchIndex {
  /** Takes a page's document (src/lib/search/document.ts), '' for a page not searched; pages are numbered in the order they come. */
  add: AddToIndex;
  /** Writes both editions' indexes into the site. */
  write(siteDir: string): Promise<void>;
}

export function startSearchIndex(): SearchIndex {
  const simplified: IndexedPage[] = [];
  const traditional: IndexedPage[] = [];
  return {
    add(path, searchable) {
      const document = parseDocument(searchable);
      if (document) (path.startsWith(`${traditionalRoot}/`) ? traditional : simplified).push({ path, document });
      return Promise.resolve();
    },
    async write(siteDir) {
      for (const [folder, pages] of [[searchIndexFolders.simplified, simplified], [searchIndexFolders.traditional, traditional]] as const) {
        const dir = join(siteDir, folder);
        await mkdir(dir, { recursive: true });
        await Promise.all(searchIndexFiles(pages).map((file) => writeFile(join(dir, file.name), file.content)));
      }
    },
  };
}

/**
 * The search page's script, search.js: one classic script (not a module), which a page opened from a
 * folder may run, made from the same code that makes the index. esbuild makes it in a process of its
 * own, so the build starts it first and writes it once the pages are rendered (`writeSearchScript`).
 */
export async function searchScript(projectRoot: string): Promise<Uint8Array> {
  // Loaded here, not when the build starts: 0.15 s of starting a build.
  const { build } = await import('esbuild');
  const result = await build({
    // Not the working directory: another build in this process (tests) may have moved it into a folder of its own, since removed.
    absWorkingDir: projectRoot,
    entryPoints: [join(projectRoot, 'src/browser/searchPage.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [script] = result.outputFiles;
  if (!script) throw new Error('search.js: esbuild made no file');
  return script.contents;
}

export async function writeSearchScript(siteDir: string, script: Promise<Uint8Array>): Promise<void> {
  await writeFile(join(siteDir, 'search.js'), await script);
}
