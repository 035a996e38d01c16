/**
 * Reads a data folder and a content folder in data format v1 into a checked
 * DataSet. Every problem is collected and returned; nothing is thrown for bad
 * input, so one run reports everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assembleDataSet } from '../lib/dataSet.ts';
import { buildCatalog, withSources, type Catalog, type CatalogTables, type Table } from '../lib/ingest/catalog.ts';
import type { FileReading } from '../lib/ingest/fileReading.ts';
import { checkHeader, type CsvRecord } from '../lib/ingest/csvRecord.ts';
import { readNarrative } from '../lib/ingest/narrative.ts';
import { readSiteSettings } from '../lib/ingest/siteSettings.ts';
import { ObservationStore } from '../lib/ingest/observationStore.ts';
import { observationColumns, readObservation, type CatalogFiles } from '../lib/ingest/observations.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { Narrative } from '../lib/schema/narrative.ts';
import type { Observation } from '../lib/schema/observation.ts';
import type { Problem } from '../lib/schema/problem.ts';
import { streamCsv } from './csvStream.ts';
import { listFiles, shown, type FileTally } from './files.ts';
import { findWideTables, readWideTable } from './wideTables.ts';
import { scopeDigestsOf, type ObservationDigests } from './scopeDigests.ts';
import { tableSource } from '../lib/ingest/tableSource.ts';

export interface LoadOptions {
  dataDir: string;
  contentDir: string;
  /** Readings of unchanged observation files kept by earlier loads; absent: every file is read. */
  cache?: ReadingCache;
  /** Called once every file is read, before the figures are derived: where a build can free what reading left behind (src/cli/garbage.ts). */
  afterReading?: () => void;
}

export type { FileTally };

/** Readings of observation files kept across loads (src/cli/readingCache.ts). */
export interface ReadingCache {
  /** The kept reading of the file at `path`, if its bytes, the catalog (`catalogDigest`) and the code are those it was read with. */
  get(path: string, file: string, dataFile: string, catalogDigest: string): FileReading | undefined;
  /** Keeps the reading of a file that `get` found none for. */
  set(path: string, reading: FileReading): void;
  /** Once every file is read: readings of files not read by this load are dropped. */
  finish(): void;
}

export interface LoadResult {
  dataSet: DataSet;
  problems: Problem[];
  files: FileTally[];
  /** With a reading cache (a build): the observation files' rows digested by page scope, kept with their readings. */
  digests?: ObservationDigests;
}

async function readTable(path: string, problems: Problem[]): Promise<Table> {
  const file = shown(path);
  if (!existsSync(path)) {
    problems.push({ severity: 'error', code: 'missing-file', file, message: 'the file does not exist', hint: 'every data folder holds provinces.csv, units.csv, metrics.csv and sources.csv' });
    return { file, header: [], records: [] };
  }
  const records: CsvRecord[] = [];
  const result = await streamCsv(path, file, (record) => records.push(record));
  problems.push(...result.problems);
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
  const note = () => {
    for (const problem of rowProblems) reading.problems.push({ after: reading.observations.length, problem });
    rowProblems.length = 0;
  };
  let headerChecked = false;
  let headerOk = true;
  const result = await streamCsv(path, file, (record) => {
    if (!headerChecked) {
      headerChecked = true;
      const headerProblems = checkHeader(file, record.header, observationColumns.required, observationColumns.optional);
      rowProblems.push(...headerProblems);
      headerOk = !headerProblems.some((p) => p.severity === 'error');
    }
    const observation = headerOk ? readObservation(record, catalog, catalogFiles, rowProblems) : undefined;
    if (rowProblems.length > 0) note();
    if (observation) reading.observations.push(observation);
  }, dataFile);
  rowProblems.push(...result.problems);
  note();
  reading.rows = result.rows;
  return reading;
}

/** Adds a file's observations to the store, and its problems in the order they arose, with the store's; its tally. The observations the store turns away go to `dropped`. */
function addReading(file: string, reading: FileReading, store: ObservationStore, problems: Problem[], dropped: Observation[]): FileTally {
  const tally: FileTally = { file, rows: reading.rows, accepted: 0, rejected: 0 };
  const pending = reading.problems;
  let next = 0;
  /** Adds the file's problems that arose before its observation number `count`. */
  const problemsUpTo = (count: number) => {
    for (let held = pending[next]; held && held.after <= count; held = pending[++next]) problems.push(held.problem);
  };
  reading.observations.forEach((observation, index) => {
    problemsUpTo(index);
    // The store words its own problems by the row: where it stands is all they need of it.
    const record: CsvRecord = { file, line: observation.at.line, header: [], fields: {}, columns: { value: observation.at.column } };
    if (store.add(observation, record, problems)) tally.accepted++;
    else dropped.push(observation);
  });
  problemsUpTo(Infinity);
  // Rows with the wrong number of fields never became observations; they are rejected too.
  tally.rejected = reading.rows - tally.accepted;
  return tally;
}

export async function loadDataSet(options: LoadOptions): Promise<LoadResult> {
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
  problems.push(...built.problems);
  const wideTables = findWideTables(path('tables'), built.catalog, problems);
  const catalog = withSources(built.catalog, wideTables.map((t) => tableSource(t.province, t.period)));

  const store = new ObservationStore();
  const observationFiles = listFiles(path('observations'), '.csv');
  if (observationFiles.length === 0) {
    problems.push({ severity: 'warning', code: 'no-observations', file: shown(path('observations')), message: 'no observation files (*.csv) were found', hint: 'figures go in data/observations/*.csv' });
  }
  const catalogDigest = digestOf(tables, wideTables.map((t) => tableSource(t.province, t.period).id));
  const dropped: Observation[] = [];
  const digests: ObservationDigests | undefined = options.cache ? { files: [], dropped } : undefined;
  for (const observationFile of observationFiles) {
    const file = shown(observationFile);
    const dataFile = relative(options.dataDir, observationFile).replaceAll('\\', '/');
    let reading = options.cache?.get(observationFile, file, dataFile, catalogDigest);
    if (!reading) {
      reading = await readObservationFile(observationFile, file, dataFile, catalog, catalogFiles);
      if (options.cache) {
        reading.scopes = scopeDigestsOf(reading.observations);
        options.cache.set(observationFile, reading);
      }
    }
    if (digests) digests.files.push({ dataFile, scopes: reading.scopes ?? scopeDigestsOf(reading.observations) });
    files.push(addReading(file, reading, store, problems, dropped));
  }
  options.cache?.finish();

  for (const table of wideTables) {
    files.push(await readWideTable(table, catalog, catalogFiles, store, problems));
  }

  const narratives: Narrative[] = [];
  if (existsSync(options.contentDir)) {
    for (const provinceDir of readdirSync(options.contentDir).sort()) {
      const dir = join(options.contentDir, provinceDir);
      if (!statSync(dir).isDirectory()) continue;
      for (const mdPath of listFiles(dir, '.md')) {
        const name = mdPath.slice(dir.length + 1, -'.md'.length);
        const text = readFileSync(mdPath, 'utf8');
        const narrative = readNarrative({ file: shown(mdPath), provinceDir, periodName: name, text }, catalog, catalogFiles.sources, problems);
        if (narrative) narratives.push(narrative);
      }
    }
  }

  const settingsPath = join(options.contentDir, 'site.md');
  const site = existsSync(settingsPath) ? readSiteSettings(shown(settingsPath), readFileSync(settingsPath, 'utf8'), problems) : undefined;
  options.afterReading?.();
  const { dataSet, problems: dataSetProblems } = assembleDataSet(catalog, store.values(), narratives, site);
  problems.push(...dataSetProblems);
  return { dataSet, problems, files, ...(digests ? { digests } : {}) };
}
