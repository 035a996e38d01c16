/**
 * Reads a data package as the Frictionless JavaScript reference library (datapackage-js)
 * does: the descriptor against its profile, then every row of every resource, cast to its
 * field's type with every constraint, primary key and foreign key checked. Each problem is
 * collected, not thrown, so a test names them all.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PackageFile } from '../../../src/lib/openData/dataPackage.ts';

interface LibraryError extends Error {
  rowNumber?: number;
  errors?: LibraryError[];
}

interface Resource {
  name: string;
  tabular: boolean;
  descriptor: { path: unknown };
  read(options: { keyed: boolean; relations: boolean; forceCast: boolean }): Promise<Array<Record<string, unknown> | LibraryError>>;
}

interface Package {
  valid: boolean;
  errors: LibraryError[];
  resources: Resource[];
}

const { Package } = createRequire(import.meta.url)('datapackage') as { Package: { load: (descriptor: string) => Promise<Package> } };

export interface PackageReading {
  /** Every problem, as `resource: message (row n): details`; none for a valid package. */
  errors: string[];
  /** The rows read of each resource, by name. */
  rows: Record<string, number>;
  /** The path of each resource, by name. */
  paths: Record<string, unknown>;
  /** Each resource's rows, keyed by field name and cast, by name. */
  data: Record<string, Array<Record<string, unknown>>>;
}

/** The library's message, with its row where the message does not say it, and the details of a row's type errors. */
function described(error: LibraryError): string {
  const row = error.rowNumber === undefined || /\brow \d/iu.test(error.message) ? '' : ` (row ${error.rowNumber})`;
  return `${error.message}${row}${error.errors?.length ? `: ${error.errors.map((e) => e.message).join('; ')}` : ''}`;
}

export async function readDataPackage(folder: string): Promise<PackageReading> {
  const dataPackage = await Package.load(join(folder, 'datapackage.json'));
  const reading: PackageReading = { errors: dataPackage.errors.map((e) => `datapackage.json: ${described(e)}`), rows: {}, paths: {}, data: {} };
  if (!dataPackage.valid) reading.errors.push('datapackage.json: not valid');
  for (const resource of dataPackage.resources) {
    reading.paths[resource.name] = resource.descriptor.path;
    if (!resource.tabular) {
      reading.errors.push(`${resource.name}: not tabular`);
      continue;
    }
    try {
      // forceCast: a row that fails comes back as its error, and reading goes on.
      const rows = await resource.read({ keyed: true, relations: true, forceCast: true });
      const good = rows.filter((row): row is Record<string, unknown> => !(row instanceof Error));
      for (const row of rows) if (row instanceof Error) reading.errors.push(`${resource.name}: ${described(row)}`);
      reading.rows[resource.name] = good.length;
      reading.data[resource.name] = good;
    } catch (error) {
      reading.errors.push(`${resource.name}: ${described(error as LibraryError)}`);
    }
  }
  return reading;
}

/** Writes the files of a package into a folder, as the build does. */
export function writePackageFiles(folder: string, files: readonly PackageFile[]): void {
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, [...file.chunks()].join(''));
  }
}
