/**
 * Reads a data folder and a content folder in data format v1 into a checked
 * DataSet. Every problem is collected and returned; nothing is thrown for bad
 * input, so one run reports everything.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assembleDataSet } from '../lib/dataSet.ts';
import { buildCatalog, withSources, type CatalogTables, type Table } from '../lib/ingest/catalog.ts';
import { checkHeader, type CsvRecord } from '../lib/ingest/csvRecord.ts';
import { readNarrative } from '../lib/ingest/narrative.ts';
import { readSiteSettings } from '../lib/ingest/siteSettings.ts';
import { ObservationStore } from '../lib/ingest/observationStore.ts';
import { observationColumns, readObservation, type CatalogFiles } from '../lib/ingest/observations.ts';
import type { DataSet } from '../lib/schema/dataSet.ts';
import type { Narrative } from '../lib/schema/narrative.ts';
import type { Problem } from '../lib/schema/problem.ts';
import { streamCsv } from './csvStream.ts';
import { listFiles, shown, type FileTally } from './files.ts';
import { findWideTables, readWideTable } from './wideTables.ts';
import { tableSource } from '../lib/ingest/tableSource.ts';

export interface LoadOptions {
  dataDir: string;
  contentDir: string;
  /** Called once every file is read, before the figures are derived: where a build can free what reading left behind (src/cli/garbage.ts). */
  afterReading?: () => void;
}

export type { FileTally };

export interface LoadResult {
  dataSet: DataSet;
  problems: Problem[];
  files: FileTally[];
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
  for (const observationFile of observationFiles) {
    const file = shown(observationFile);
    const tally: FileTally = { file, rows: 0, accepted: 0, rejected: 0 };
    let headerChecked = false;
    let headerOk = true;
    const result = await streamCsv(observationFile, file, (record) => {
      if (!headerChecked) {
        headerChecked = true;
        const headerProblems = checkHeader(file, record.header, observationColumns.required, observationColumns.optional);
        problems.push(...headerProblems);
        headerOk = !headerProblems.some((p) => p.severity === 'error');
      }
      const observation = headerOk ? readObservation(record, catalog, catalogFiles, problems) : undefined;
      if (observation && store.add(observation, record, problems)) tally.accepted++;
    }, relative(options.dataDir, observationFile).replaceAll('\\', '/'));
    problems.push(...result.problems);
    tally.rows = result.rows;
    // Rows with the wrong number of fields never reach the callback; they are rejected too.
    tally.rejected = result.rows - tally.accepted;
    files.push(tally);
  }

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
  return { dataSet, problems, files };
}
