/**
 * Readings of data files kept in the cache folder between builds (readings/):
 * one file per observation file (JSON) and per unit return (JSON and binary
 * numbers: src/lib/ingest/tableFileReading.ts), named by a hash of its
 * bytes, of the catalog it was read against, of how it was named, and of the
 * code. Beside them (checks/), the problems the checks found in each
 * province's rows (src/lib/checks/groupChecks.ts), named by a hash of those
 * rows' digests, the catalog and the code. A file, catalog or code that
 * changed is simply not found and read again. Each data folder keeps its
 * readings apart, and a load drops those of files it no longer has, and the
 * problems it no longer asks for. Deleting the folder only makes the next load
 * read every file. A reading is sealed (sealed.ts): one changed, cut short, emptied,
 * moved under another name or of another shape is not taken, and the file is
 * read again (counted as `rejected`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeReading, encodeReading } from '../../lib/ingest/fileReading.ts';
import { decodeTableReading, encodeTableReading } from '../../lib/ingest/tableFileReading.ts';
import type { ReadingCache } from '../../load/loadDataSet.ts';
import { codeVersion } from './codeVersion.ts';
import { seal, sealBytes, unseal, unsealBytes } from './sealed.ts';
import type { FileReading } from '../../lib/ingest/fileReading.ts';
import type { TableFileReading } from '../../lib/ingest/tableFileReading.ts';
import { checkCount, type GroupProblems } from '../../lib/checks/groupChecks.ts';
import { ProblemSchema } from '../../lib/schema/problem.ts';

const sha256 = (...parts: Array<string | Uint8Array>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
};

export interface FolderReadingCache extends ReadingCache {
  /** Files (observation files and unit returns) whose kept reading was used, files read, and entries (readings and kept problems) found but refused, in this load. */
  stats(): { kept: number; read: number; rejected: number };
  /** Groups of provinces whose kept problems were taken, and groups checked, in this load. */
  checkStats(): { kept: number; checked: number };
}

/**
 * The reading kept, when it decodes to one of the shape a load expects: a count of rows no smaller
 * than its observations, each with the fields a page reads. The seal guards against changes; this
 * against a reading of an older code that wrote another shape under the same format number.
 */
function decodeWhole(text: string, file: string, dataFile: string): FileReading | undefined {
  let reading: FileReading | undefined;
  try {
    reading = decodeReading(text, file, dataFile);
  } catch {
    return undefined;
  }
  if (!reading || !Number.isInteger(reading.rows) || reading.rows < reading.observations.length || !Array.isArray(reading.problems)) return undefined;
  const whole = reading.observations.every(
    (o) => typeof o.province === 'string' && typeof o.metric === 'string' && typeof o.source === 'string' && typeof o.quote === 'string' && Number.isFinite(o.value) && o.period !== undefined && Number.isInteger(o.at.line),
  );
  return whole ? reading : undefined;
}

/** A kept table reading, when it decodes (decodeTableReading checks its shape as it does). */
function decodeTable(entry: Uint8Array, file: string, dataFile: string): TableFileReading | undefined {
  try {
    return decodeTableReading(entry, file, dataFile);
  } catch {
    return undefined;
  }
}

/** Kept problems of a group's checks, when they are of the shape the checks give: a list of problems per check. */
const GroupProblemsSchema = z.array(z.array(ProblemSchema)).length(checkCount);

function decodeChecks(text: string): GroupProblems | undefined {
  try {
    const value: unknown = JSON.parse(text);
    // The problems as kept, fields the schema does not name included (a row's `dataFile`): as the checks gave them.
    return GroupProblemsSchema.safeParse(value).success ? (value as GroupProblems) : undefined;
  } catch {
    return undefined;
  }
}

/** `cacheDir`: the build's cache folder; `dataDir`: the data folder being loaded. */
export function folderReadingCache(cacheDir: string, dataDir: string): FolderReadingCache {
  const folder = join(cacheDir, 'readings', sha256(resolve(dataDir)).slice(0, 16));
  const checksFolder = join(cacheDir, 'checks', sha256(resolve(dataDir)).slice(0, 16));
  const version = codeVersion();
  const used = new Set<string>();
  const stats = { kept: 0, read: 0, rejected: 0 };
  /** The same of kept problems, told apart: `stats` counts data files. */
  const checkStats = { kept: 0, read: 0, rejected: 0 };
  // The name of each file's reading, from its bytes as `get` read them: `set` keeps the reading under the same name.
  // (A file saved again between the two is read as it then is: its reading is kept under the older bytes' name,
  // which the next load, seeing the newer bytes, does not ask for, and drops.)
  const names = new Map<string, string>();
  /** Names what `path` stands for by `name`, for `keep`, and keeps that entry from `finish`. */
  const named = (path: string, name: string) => {
    names.set(path, name);
    used.add(name);
    return name;
  };
  const nameOf = (path: string, file: string, dataFile: string, catalogDigest: string) => named(path, `${sha256(version, catalogDigest, file, dataFile, readFileSync(path))}.json`);
  /** The kept entry of a file as read by `read`, or undefined (counted as read) when there is none or it is not one (counted as refused too). */
  const take = <E, T>(name: string, read: (path: string) => E, open: (entry: E) => T | undefined, counts = stats, from = folder): T | undefined => {
    let entry: E;
    try {
      entry = read(join(from, name));
    } catch {
      counts.read++;
      return undefined;
    }
    const reading = open(entry);
    if (reading) {
      counts.kept++;
    } else {
      counts.read++;
      counts.rejected++;
    }
    return reading;
  };
  const keep = (path: string, entry: (name: string) => string | Uint8Array, into = folder) => {
    const name = names.get(path);
    if (!name) return;
    mkdirSync(into, { recursive: true });
    // Written whole under another name first: a build stopped halfway leaves no half reading behind.
    const partial = join(into, `${name}.${process.pid}.partial`);
    writeFileSync(partial, entry(name));
    renameSync(partial, join(into, name));
  };
  const text = (path: string) => readFileSync(path, 'utf8');
  const bytes = (path: string) => readFileSync(path);
  return {
    get(path, file, dataFile, catalogDigest) {
      const name = nameOf(path, file, dataFile, catalogDigest);
      return take(name, text, (entry) => {
        const content = unseal(name, entry);
        return content === undefined ? undefined : decodeWhole(content, file, dataFile);
      });
    },
    set: (path, reading) => keep(path, (name) => seal(name, encodeReading(reading))),
    getTable(path, file, dataFile, catalogDigest) {
      const name = nameOf(path, file, dataFile, catalogDigest);
      return take(name, bytes, (entry) => {
        const content = unsealBytes(name, entry);
        return content === undefined ? undefined : decodeTable(content, file, dataFile);
      });
    },
    setTable: (path, reading) => keep(path, (name) => sealBytes(name, encodeTableReading(reading))),
    getChecks(key) {
      const name = named(`checks:${key}`, `${sha256(version, 'checks', key)}.json`);
      return take(
        name,
        text,
        (entry) => {
          const content = unseal(name, entry);
          return content === undefined ? undefined : decodeChecks(content);
        },
        checkStats,
        checksFolder,
      );
    },
    setChecks: (key, problems) => keep(`checks:${key}`, (name) => seal(name, JSON.stringify(problems)), checksFolder),
    finish() {
      for (const from of [folder, checksFolder]) {
        let entries: string[];
        try {
          entries = readdirSync(from);
        } catch {
          continue;
        }
        for (const entry of entries) if (!used.has(entry)) rmSync(join(from, entry), { force: true });
      }
    },
    stats: () => ({ ...stats, rejected: stats.rejected + checkStats.rejected }),
    checkStats: () => ({ kept: checkStats.kept, checked: checkStats.read }),
  };
}
