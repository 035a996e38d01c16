/**
 * Finds and reads the unit-return tables, data/tables/<province>/<period>.csv.
 * A row is taken whole or not at all: if one of its cells has an error, none
 * of its figures is kept.
 */
import { basename } from 'node:path';
import type { Catalog } from '../lib/ingest/catalog.ts';
import type { ObservationStore } from '../lib/ingest/observationStore.ts';
import type { CatalogFiles } from '../lib/ingest/observations.ts';
import { tableSource } from '../lib/ingest/tableSource.ts';
import type { CellValues } from '../lib/ingest/tableCell.ts';
import { readTableLine, tableReading, type TableReading } from '../lib/ingest/tableLine.ts';
import { forEachLine, TableReadingBuilder, type TableFileReading } from '../lib/ingest/tableFileReading.ts';
import { readWideHeader } from '../lib/ingest/wideTable.ts';
import { didYouMean } from '../lib/names.ts';
import { PeriodSchema, type Period } from '../lib/schema/period.ts';
import type { Problem } from '../lib/schema/problem.ts';
import { entryOf } from '../lib/maps.ts';
import { ProblemCap } from '../lib/ingest/problemCap.ts';
import { addProblems, quoted, withoutRepeats } from '../lib/problems.ts';
import type { Observation } from '../lib/schema/observation.ts';
import type { Province } from '../lib/schema/province.ts';
import { streamCsv } from './csvStream.ts';
import { metricRowsKey, scopeKey, tableDigest, unitRowsKey, type FileDigest } from './scopeDigests.ts';
import { fileFault, listFiles, listFolders, shown, unreadableFile, type FileTally } from './files.ts';

export interface WideTableFile {
  path: string;
  file: string;
  /** Path within the data folder: tables/<province>/<period>.csv. */
  dataFile: string;
  province: Province;
  period: Period;
}

export function findWideTables(dir: string, catalog: Catalog, problems: Problem[]): WideTableFile[] {
  const found: WideTableFile[] = [];
  for (const folderPath of listFolders(dir, problems)) {
    const folder = basename(folderPath);
    const province = catalog.provinceIndex.resolve(folder)?.item;
    for (const path of listFiles(folderPath, '.csv')) {
      const file = shown(path);
      const name = path.slice(folderPath.length + 1, -'.csv'.length);
      const period = PeriodSchema.safeParse(name);
      const fault = fileFault(path);
      if (fault) {
        problems.push(unreadableFile(file, fault));
      } else if (!province) {
        problems.push({
          severity: 'error',
          code: 'unknown-province',
          file,
          message: `folder ${quoted(folder)} is not a province`,
          hint: `name the folder after a province: ${didYouMean(catalog.provinceIndex, folder, 'data/provinces.csv')}`,
          zh: { message: `文件夹${quoted(folder, 'zh')}不是省份`, hint: `文件夹以省份命名：${didYouMean(catalog.provinceIndex, folder, 'data/provinces.csv', 'zh')}` },
        });
      } else if (!period.success) {
        problems.push({
          severity: 'error',
          code: 'invalid-period',
          file,
          message: `file name ${quoted(`${name}.csv`)} is not a period`,
          hint: 'name a table after its period: 2020.csv or 2019-2020.csv',
          zh: { message: `文件名${quoted(`${name}.csv`, 'zh')}不是期间`, hint: '报表按期间命名：2020.csv 或 2019-2020.csv' },
        });
      } else {
        found.push({ path, file, dataFile: `tables/${folder}/${name}.csv`, province, period: period.data });
      }
    }
  }
  return found;
}

/** The cell values of a load, one set per catalog. */
const loadValues = new WeakMap<Catalog, CellValues>();

/** A table as read: its tally, and the digest its page scopes take of it (src/load/scopeDigests.ts). */
export interface WideTableReading {
  tally: FileTally;
  digest: FileDigest;
}

/** The cell values of the load that reads against `catalog`: a figure written alike in many cells of a table read is one value, held once in its reading. */
export const cellValuesOf = (catalog: Catalog): CellValues => entryOf(loadValues, catalog, (): CellValues => new Map());

/**
 * Reads a table line by line, without yet looking at other files' rows. Its problems are capped as
 * they arise (the first few of each kind, then a count: src/lib/ingest/problemCap.ts), so a table
 * of bad lines keeps no problem per line, here or in the cache; the counts end its reading.
 */
export async function readTableFile(table: WideTableFile, catalog: Catalog, files: CatalogFiles): Promise<TableFileReading> {
  const builder = new TableReadingBuilder();
  let header: Problem[] = [];
  let layout: TableReading | undefined;
  const defaultSource = tableSource(table.province, table.period).id;
  const values = cellValuesOf(catalog);
  const cap = new ProblemCap();
  const listed = (found: readonly Problem[]) => found.filter((problem) => cap.admit(problem));
  const result = await streamCsv(table.path, table.file, (record) => {
    if (!layout) {
      const read = readWideHeader(table.file, record.header, catalog, files.metrics);
      header = listed(read.problems);
      layout = tableReading(table.province, table.period, defaultSource, read.layout, catalog, values);
    }
    const found: Problem[] = [];
    readTableLine(record, layout, catalog, files, found, builder);
    // A fault of the row itself (its unit) is found again in each of its filled cells: it is said once.
    builder.endLine(listed(withoutRepeats(found)), found.some((p) => p.severity === 'error'));
  }, table.dataFile);
  const trailing = [...listed(result.problems), ...cap.summaries()];
  return builder.finish({ rows: result.rows, bytesDigest: result.bytesDigest ?? '', header, trailing });
}

/**
 * Adds a table's cells to the store, and its problems in the order they arose, with the store's;
 * the cells the store turns away (an earlier file gave the same figure) go to `dropped`. A line
 * counts as accepted when every one of its cells was kept. The reading's problems are capped
 * already; the store's are capped with them, and the reading's counts add up with theirs.
 */
export function addTableReading(table: WideTableFile, reading: TableFileReading, store: ObservationStore, problems: Problem[], dropped: Observation[]): WideTableReading {
  const tally: FileTally = { file: table.file, rows: reading.rows, accepted: 0, rejected: 0 };
  // The page scopes of the cells the store keeps: the table's province, its unit rows, the sources its lines name, and the metrics of its columns.
  const scopes = new Set<string>();
  // The metrics of the cells kept: of a cell read in full, told by `kept`; of a compact cell, its column's (compactValue).
  const metrics = new Set<string>();
  // The cells of a line, and the lines of a table, nearly all share them: a key is made when one changes, not for each of a million cells.
  let lastProvince: string | undefined;
  let lastSource: string | undefined;
  let lastUnitsProvince: string | undefined;
  // The first few problems of each kind are listed, the rest counted (src/lib/ingest/problemCap.ts).
  const cap = new ProblemCap();
  const report = (found: readonly Problem[]) => {
    for (const problem of found) if (cap.admit(problem)) problems.push(problem);
  };
  report(reading.header);
  const stored: Problem[] = [];
  const slots = store.columnSlots(reading.columns);
  const keptColumns = new Uint8Array(reading.columns.length);
  let whole = true;
  const kept = (o: Observation) => {
    if (o.province !== lastProvince) scopes.add(scopeKey({ province: (lastProvince = o.province) }));
    if (o.source !== lastSource) scopes.add(scopeKey({ source: (lastSource = o.source) }));
    if (o.unit !== null && o.province !== lastUnitsProvince) scopes.add(unitRowsKey((lastUnitsProvince = o.province)));
    metrics.add(o.metric);
  };
  const turnedAway = (o: Observation) => {
    whole = false;
    dropped.push(o);
  };
  forEachLine(reading, (lineProblems, refused, first, count) => {
    report(lineProblems);
    if (refused) return;
    whole = true;
    store.addTableLine(reading, first, count, slots, keptColumns, stored, kept, turnedAway);
    if (whole) tally.accepted++;
    report(stored);
    stored.length = 0;
  });
  report(reading.trailing);
  addProblems(problems, cap.summaries());
  tally.rejected = reading.rows - tally.accepted;
  reading.columns.forEach((column, at) => {
    if (keptColumns[at] === 1) metrics.add(column.metric);
  });
  for (const metric of metrics) scopes.add(metricRowsKey(metric));
  return { tally, digest: tableDigest(table.dataFile, reading.bytesDigest, scopes) };
}
