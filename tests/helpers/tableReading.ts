import { cellOf, forEachLine, type TableFileReading } from '../../src/lib/ingest/tableFileReading.ts';
import { tableCell } from '../../src/lib/ingest/tableCell.ts';
import type { CellSink } from '../../src/lib/ingest/tableLine.ts';
import type { Observation } from '../../src/lib/schema/observation.ts';
import type { Problem } from '../../src/lib/schema/problem.ts';

/** A table reading line by line, as a load files it: each line's problems, and its cells' observations (undefined when refused). */
export function linesOf(reading: TableFileReading): Array<{ problems: readonly Problem[]; observations: Observation[] | undefined }> {
  const lines: Array<{ problems: readonly Problem[]; observations: Observation[] | undefined }> = [];
  forEachLine(reading, (problems, refused, first, count) => {
    const cells = Array.from({ length: count }, (_, k) => cellOf(reading, first + 3 * k));
    lines.push({ problems, observations: refused ? undefined : cells });
  });
  return lines;
}

/** The observations of a line's cells as its reader gives them (readTableLine's CellSink), each compact cell made into its observation. */
export function observationsRead(read: (into: CellSink) => void): Observation[] {
  const observations: Observation[] = [];
  read({ compact: (line, column, value) => observations.push(tableCell(line, column, value)), full: (o) => observations.push(o) });
  return observations;
}
