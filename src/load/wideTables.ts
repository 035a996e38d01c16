/**
 * Finds and reads the unit-return tables, data/tables/<province>/<period>.csv.
 * A row is taken whole or not at all: if one of its cells has an error, none
 * of its figures is kept.
 */
import type { Catalog } from '../lib/ingest/catalog.ts';
import type { ObservationStore } from '../lib/ingest/observationStore.ts';
import type { CatalogFiles } from '../lib/ingest/observations.ts';
import { tableSource } from '../lib/ingest/tableSource.ts';
import type { CellValues } from '../lib/ingest/tableCell.ts';
import { readTableLine, tableReading, type TableReading } from '../lib/ingest/tableLine.ts';
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
import { scopeKey, tableDigest, type FileDigest } from './scopeDigests.ts';
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
    const folder = folderPath.slice(dir.length + 1);
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

/**
 * Reads a table into the store; the cells the store turns away (an earlier file gave the same
 * figure) go to `dropped`.
 */
export async function readWideTable(table: WideTableFile, catalog: Catalog, files: CatalogFiles, store: ObservationStore, problems: Problem[], dropped: Observation[]): Promise<WideTableReading> {
  const tally: FileTally = { file: table.file, rows: 0, accepted: 0, rejected: 0 };
  // The page scopes of the cells the store keeps: the table's province, and the sources its lines name.
  const scopes = new Set<string>();
  // The cells of a line, and the lines of a table, nearly all share them: a key is made when one changes, not for each of a million cells.
  let lastProvince: string | undefined;
  let lastSource: string | undefined;
  const defaultSource = tableSource(table.province, table.period).id;
  // The first few problems of each kind are listed, the rest counted (src/lib/ingest/problemCap.ts).
  const cap = new ProblemCap();
  const report = (found: readonly Problem[]) => {
    for (const problem of found) if (cap.admit(problem)) problems.push(problem);
  };
  let reading: TableReading | undefined;
  const values = entryOf(loadValues, catalog, (): CellValues => new Map());
  const result = await streamCsv(table.path, table.file, (record) => {
    if (!reading) {
      const header = readWideHeader(table.file, record.header, catalog, files.metrics);
      report(header.problems);
      reading = tableReading(table.province, table.period, defaultSource, header.layout, catalog, values);
    }
    const found: Problem[] = [];
    const observations = readTableLine(record, reading, catalog, files, found);
    // A fault of the row itself (its unit) is found again in each of its filled cells: it is said once.
    report(withoutRepeats(found));
    if (found.some((p) => p.severity === 'error')) return;
    const stored: Problem[] = [];
    let whole = true;
    for (const o of observations) {
      if (store.add(o, stored)) {
        if (o.province !== lastProvince) scopes.add(scopeKey({ province: (lastProvince = o.province) }));
        if (o.source !== lastSource) scopes.add(scopeKey({ source: (lastSource = o.source) }));
      } else {
        whole = false;
        dropped.push(o);
      }
    }
    if (whole) tally.accepted++;
    report(stored);
  }, table.dataFile);
  report(result.problems);
  addProblems(problems, cap.summaries());
  tally.rows = result.rows;
  tally.rejected = result.rows - tally.accepted;
  return { tally, digest: tableDigest(table.dataFile, result.bytesDigest ?? '', scopes) };
}
