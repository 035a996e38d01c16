/**
 * Reads a data folder and a content folder in data format v1 into a checked
 * DataSet. Every problem is collected and returned; nothing is thrown for bad
 * input (a link to nowhere or a folder named x.csv included), so one run
 * reports everything. Of each kind of problem in a file the first few are
 * listed and one more counts the rest (src/lib/ingest/problemCap.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { assembleDataSet } from '../lib/dataSet.ts';
import { buildCatalog, withSources, type Catalog, type CatalogTables, type Table } from '../lib/ingest/catalog.ts';
import type { FileReading } from '../lib/ingest/fileReading.ts';
import type { TableFileReading } from '../lib/ingest/tableFileReading.ts';
import { checkHeader, type CsvRecord } from '../lib/ingest/csvRecord.ts';
import { readNarrative } from '../lib/ingest/narrative.ts';
import { readSiteSettings } from '../lib/ingest/siteSettings.ts';
import { ObservationStore } from '../lib/ingest/observationStore.ts';
import { zhNamesOf } from '../lib/checks/zhNames.ts';
import { observationColumns, readObservation, type CatalogFiles } from '../lib/ingest/observations.ts';
import { capProblems, ProblemCap } from '../lib/ingest/problemCap.ts';
import { addProblems } from '../lib/problems.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { Narrative } from '../lib/schema/narrative.ts';
import type { Observation } from '../lib/schema/observation.ts';
import type { Problem } from '../lib/schema/problem.ts';
import { streamCsv } from './csvStream.ts';
import { fileFault, isLink, listFiles, listFolders, shown, unreadableFile, type FileTally } from './files.ts';
import { addTableReading, findWideTables, readTableFile } from './wideTables.ts';
import { provincesDigest, scopeDigestsOf, type ObservationDigests } from './scopeDigests.ts';
import type { GroupCheckCache, GroupProblems } from '../lib/checks/groupChecks.ts';
import { tableSource } from '../lib/ingest/tableSource.ts';

export interface LoadOptions {
  dataDir: string;
  contentDir: string;
  /** Readings of unchanged observation files and unit returns kept by earlier loads; absent: every file is read. */
  cache?: ReadingCache;
  /** Called once every file is read, before the figures are derived: where a build can free what reading left behind (src/build/garbage.ts). */
  afterReading?: () => void;
}

export type { FileTally };

/** Readings of observation files kept across loads (src/build/incremental/readingCache.ts). */
export interface ReadingCache {
  /** The kept reading of the file at `path`, if its bytes, the catalog (`catalogDigest`) and the code are those it was read with. */
  get(path: string, file: string, dataFile: string, catalogDigest: string): FileReading | undefined;
  /** Keeps the reading of a file that `get` found none for. */
  set(path: string, reading: FileReading): void;
  /** The kept reading of the unit return at `path`, as `get`. */
  getTable(path: string, file: string, dataFile: string, catalogDigest: string): TableFileReading | undefined;
  /** Keeps the reading of a unit return that `getTable` found none for. */
  setTable(path: string, reading: TableFileReading): void;
  /** The problems of the checks of a group of provinces (src/lib/checks/groupChecks.ts) kept under `key`, if any. */
  getChecks(key: string): GroupProblems | undefined;
  /** Keeps a group's problems under `key`. */
  setChecks(key: string, problems: GroupProblems): void;
  /** Once the data set is loaded: readings of files not read, and problems not asked for, by this load are dropped. */
  finish(): void;
}

export interface LoadResult {
  dataSet: DataSet;
  problems: Problem[];
  files: FileTally[];
  /** The files read, digested by page scope (the observation files' rows kept with their readings in a cache), and the rows the store did not keep. */
  digests: ObservationDigests;
}

async function readTable(path: string, problems: Problem[]): Promise<Table> {
  const file = shown(path);
  if (!existsSync(path) && !isLink(path)) {
    problems.push({
      severity: 'error',
      code: 'missing-file',
      file,
      message: 'the file does not exist',
      hint: 'every data folder holds provinces.csv, units.csv, metrics.csv and sources.csv',
      zh: { message: '文件不存在', hint: '每个数据文件夹都要有 provinces.csv、units.csv、metrics.csv 和 sources.csv' },
    });
    return { file, header: [], records: [] };
  }
  const fault = fileFault(path);
  if (fault) {
    problems.push(unreadableFile(file, fault));
    return { file, header: [], records: [] };
  }
  const records: CsvRecord[] = [];
  const result = await streamCsv(path, file, (record) => records.push(record));
  addProblems(problems, result.problems);
  return { file, header: result.header, records };
}

/** What every observation file is read against: the catalog, and the unit-return tables that add sources to it. */
function digestOf(tables: CatalogTables, tableSources: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([tables, tableSources])).digest('hex');
}

/** Reads one observation file row by row, without yet looking at other files' rows. */
async function readObservationFile(path: string, file: string, dataFile: string, catalog: Catalog, catalogFiles: CatalogFiles): Promise<FileReading> {
  const reading: FileReading = { rows: 0, observations: [], problems: [] };
  const rowProblems: Problem[] = [];
  // Capped as they arise, so a file of bad rows does not keep a problem per row.
  const cap = new ProblemCap();
  const note = () => {
    for (const problem of rowProblems) if (cap.admit(problem)) reading.problems.push({ after: reading.observations.length, problem });
    rowProblems.length = 0;
  };
  let headerChecked = false;
  let headerOk = true;
  const result = await streamCsv(path, file, (record) => {
    if (!headerChecked) {
      headerChecked = true;
      const headerProblems = checkHeader(file, record.header, observationColumns.required, observationColumns.optional);
      addProblems(rowProblems, headerProblems);
      headerOk = !headerProblems.some((p) => p.severity === 'error');
    }
    const observation = headerOk ? readObservation(record, catalog, catalogFiles, rowProblems) : undefined;
    if (rowProblems.length > 0) note();
    if (observation) reading.observations.push(observation);
  }, dataFile);
  addProblems(rowProblems, result.problems);
  note();
  for (const problem of cap.summaries()) reading.problems.push({ after: reading.observations.length, problem });
  reading.rows = result.rows;
  return reading;
}

/** Adds a file's observations to the store, and its problems in the order they arose, with the store's; its tally. The observations the store turns away go to `dropped`. */
function addReading(file: string, reading: FileReading, store: ObservationStore, problems: Problem[], dropped: Observation[]): FileTally {
  const tally: FileTally = { file, rows: reading.rows, accepted: 0, rejected: 0 };
  const pending = reading.problems;
  // The reading's problems are capped already; the store's (a file of repeated rows) are capped with them.
  const cap = new ProblemCap();
  const report = (problem: Problem) => {
    if (cap.admit(problem)) problems.push(problem);
  };
  let next = 0;
  /** Adds the file's problems that arose before its observation number `count`. */
  const problemsUpTo = (count: number) => {
    for (let held = pending[next]; held && held.after <= count; held = pending[++next]) report(held.problem);
  };
  const stored: Problem[] = [];
  reading.observations.forEach((observation, index) => {
    problemsUpTo(index);
    if (store.add(observation, stored)) tally.accepted++;
    else dropped.push(observation);
    for (const problem of stored) report(problem);
    stored.length = 0;
  });
  problemsUpTo(Infinity);
  addProblems(problems, cap.summaries());
  // Rows with the wrong number of fields never became observations; they are rejected too.
  tally.rejected = reading.rows - tally.accepted;
  return tally;
}

/** The text of a content file, or undefined after a problem when it is no readable file. */
function readContentFile(path: string, problems: Problem[]): string | undefined {
  const fault = fileFault(path);
  if (fault) {
    problems.push(unreadableFile(shown(path), fault));
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

/** The narratives of content/<province>/<period>.md; other files and folders are not read. */
function readNarratives(contentDir: string, catalog: Catalog, sourcesFile: string, problems: Problem[]): Narrative[] {
  const narratives: Narrative[] = [];
  // Files beside the province folders (site.md) are not narratives.
  for (const dir of listFolders(contentDir, problems)) {
    // The folder's own name: `dir` is joined, so normalised, where `contentDir` is as given (./content, content/).
    const provinceDir = basename(dir);
    for (const mdPath of listFiles(dir, '.md')) {
      const name = mdPath.slice(dir.length + 1, -'.md'.length);
      const text = readContentFile(mdPath, problems);
      if (text === undefined) continue;
      const narrative = readNarrative({ file: shown(mdPath), provinceDir, periodName: name, text }, catalog, sourcesFile, problems);
      if (narrative) narratives.push(narrative);
    }
  }
  return narratives;
}

/** A data folder that is not there: said once, rather than as each of its files missing and every reference of the narratives to them. */
function noDataFolder(dataDir: string): LoadResult {
  const problem: Problem = {
    severity: 'error',
    code: 'missing-data-folder',
    file: shown(dataDir),
    message: 'the data folder does not exist',
    hint: 'give --data the folder that holds provinces.csv, units.csv, metrics.csv, sources.csv and observations/ (data by default)',
    zh: { message: '数据文件夹不存在', hint: '请用 --data 指定含有 provinces.csv、units.csv、metrics.csv、sources.csv 和 observations/ 的文件夹（默认是 data）' },
  };
  const empty = (name: string): Table => ({ file: shown(join(dataDir, name)), header: [], records: [] });
  const { catalog } = buildCatalog({ provinces: empty('provinces.csv'), units: empty('units.csv'), metrics: empty('metrics.csv'), sources: empty('sources.csv') });
  const { dataSet } = assembleDataSet(catalog, [], [], undefined);
  return { dataSet, problems: [problem], files: [], digests: { files: [], dropped: [] } };
}

export async function loadDataSet(options: LoadOptions): Promise<LoadResult> {
  if (!existsSync(options.dataDir) && !isLink(options.dataDir)) return noDataFolder(options.dataDir);
  const problems: Problem[] = [];
  const files: FileTally[] = [];
  const path = (name: string) => join(options.dataDir, name);
  const tables: CatalogTables = {
    provinces: await readTable(path('provinces.csv'), problems),
    units: await readTable(path('units.csv'), problems),
    metrics: await readTable(path('metrics.csv'), problems),
    sources: await readTable(path('sources.csv'), problems),
  };
  const catalogFiles: CatalogFiles = {
    provinces: tables.provinces.file,
    units: tables.units.file,
    metrics: tables.metrics.file,
    sources: tables.sources.file,
  };
  const built = buildCatalog(tables);
  addProblems(problems, built.problems);
  const wideTables = findWideTables(path('tables'), built.catalog, problems);
  const catalog = withSources(built.catalog, wideTables.map((t) => tableSource(t.province, t.period)));

  // A figure given twice is named in Chinese as the checks name figures: by the catalog's names, not ids.
  const store = new ObservationStore(zhNamesOf(catalog));
  const known = problems.length;
  const observationFiles = listFiles(path('observations'), '.csv', problems);
  // A folder that cannot be listed has been said to be so; only one that holds no files is said to hold none.
  if (observationFiles.length === 0 && problems.length === known) {
    problems.push({
      severity: 'warning',
      code: 'no-observations',
      file: shown(path('observations')),
      message: 'no observation files (*.csv) were found',
      hint: 'figures go in data/observations/*.csv',
      zh: { message: '没有找到观测数据文件（*.csv）', hint: '数字放在 data/observations/*.csv 里' },
    });
  }
  const catalogDigest = digestOf(tables, wideTables.map((t) => tableSource(t.province, t.period).id));
  const dropped: Observation[] = [];
  const digests: ObservationDigests = { files: [], dropped };
  for (const observationFile of observationFiles) {
    const file = shown(observationFile);
    const fault = fileFault(observationFile);
    if (fault) {
      problems.push(unreadableFile(file, fault));
      continue;
    }
    const dataFile = relative(options.dataDir, observationFile).replaceAll('\\', '/');
    let reading = options.cache?.get(observationFile, file, dataFile, catalogDigest);
    if (!reading) {
      reading = await readObservationFile(observationFile, file, dataFile, catalog, catalogFiles);
      if (options.cache) {
        reading.scopes = scopeDigestsOf(reading.observations);
        options.cache.set(observationFile, reading);
      }
    }
    digests.files.push({ dataFile, scopes: reading.scopes ?? scopeDigestsOf(reading.observations) });
    files.push(addReading(file, reading, store, problems, dropped));
  }

  for (const table of wideTables) {
    let reading = options.cache?.getTable(table.path, table.file, table.dataFile, catalogDigest);
    if (!reading) {
      reading = await readTableFile(table, catalog, catalogFiles);
      options.cache?.setTable(table.path, reading);
    }
    const { tally, digest } = addTableReading(table, reading, store, problems, dropped);
    files.push(tally);
    digests.files.push(digest);
  }

  const narratives = readNarratives(options.contentDir, catalog, catalogFiles.sources, problems);
  const settingsPath = join(options.contentDir, 'site.md');
  // A link to nowhere in its place has been said by readNarratives, which lists the content folder.
  const settingsText = existsSync(settingsPath) ? readContentFile(settingsPath, problems) : undefined;
  const site = settingsText === undefined ? undefined : readSiteSettings(shown(settingsPath), settingsText, problems);
  options.afterReading?.();
  const { cache } = options;
  const checks: GroupCheckCache | undefined = cache && {
    // The group's rows, and the catalog they were read against: the code is in the name the cache keeps them by.
    key: (provinces) => createHash('sha256').update(catalogDigest).update(provincesDigest(digests, provinces)).digest('hex'),
    get: (key) => cache.getChecks(key),
    set: (key, found) => cache.setChecks(key, found),
  };
  const { dataSet, problems: dataSetProblems } = assembleDataSet(catalog, store.values(), narratives, site, checks);
  cache?.finish();
  addProblems(problems, dataSetProblems);
  return { dataSet, problems: capProblems(problems), files, digests };
}
