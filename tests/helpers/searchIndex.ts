import type { IndexFiles } from '../../src/lib/search/query.ts';
import { searchIndexFiles, type IndexedPage, type IndexFile, type PageRecord } from '../../src/lib/search/searchIndex.ts';

/** An index's files read as the search page's script reads them: each hands its data to zongshuSearch; `read` lists the files read. */
export function readIndex(files: readonly IndexFile[]): IndexFiles & { read: string[] } {
  const contents = new Map(files.map((f) => [f.name, f.content]));
  const read: string[] = [];
  const load = (name: string) => {
    read.push(name);
    const content = contents.get(`${name}.js`);
    if (content === undefined) throw new Error(`no ${name}.js`);
    let data: unknown;
    new Function('zongshuSearch', content)((_: string, d: unknown) => (data = d));
    return Promise.resolve(data);
  };
  return { read, shard: (s) => load(`t${s}`) as Promise<Record<string, number[]>>, chunk: (c) => load(`p${c}`) as Promise<PageRecord[]>, titleLengths: () => load('l') as Promise<number[]> };
}

/** The index of `pages`, read as the search page reads it. */
export const indexFilesOf = (pages: IndexedPage[]) => readIndex(searchIndexFiles(pages));
