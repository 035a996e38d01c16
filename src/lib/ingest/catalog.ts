/**
 * The reference tables of data format v1 (provinces, units, metrics, sources)
 * read into typed lists with name indexes, and checked against each other.
 */
import { didYouMean, NameIndex } from '../names.ts';
import { addProblems, quoted } from '../problems.ts';
import { hasParts, MetricSchema, type Metric } from '../schema/metric.ts';
import type { Problem } from '../schema/problem.ts';
import { ProvinceSchema, type Province } from '../schema/province.ts';
import { SourceSchema, type Source } from '../schema/source.ts';
import { UnitSchema, type Unit } from '../schema/unit.ts';
import { checkHeader, fieldProblem, parseRecord, type CsvRecord } from './csvRecord.ts';

export interface Table {
  file: string;
  header: readonly string[];
  records: readonly CsvRecord[];
}

export interface CatalogTables {
  provinces: Table;
  units: Table;
  metrics: Table;
  sources: Table;
}

export interface Catalog {
  provinces: Province[];
  units: Unit[];
  metrics: Metric[];
  sources: Source[];
  provinceIndex: NameIndex<Province>;
  /** Units of each province by province id. */
  unitIndexes: Map<string, NameIndex<Unit>>;
  metricIndex: NameIndex<Metric>;
  sourceIndex: NameIndex<Source>;
}

export const catalogColumns = {
  provinces: { required: ['id', 'name', 'name_hant', 'kind'], optional: [] },
  units: { required: ['id', 'province', 'name'], optional: ['aliases', 'kind'] },
  metrics: {
    required: ['id', 'name', 'name_hant', 'category', 'unit', 'kind', 'definition'],
    optional: ['numerator', 'denominator', 'aliases', 'counts', 'family', 'per_branch'],
  },
  sources: { required: ['id', 'province', 'title', 'period'], optional: ['publisher', 'published', 'url'] },
} as const;

function readTable<T extends { id: string }>(
  table: Table,
  columns: { required: readonly string[]; optional: readonly string[] },
  parse: (record: CsvRecord, problems: Problem[]) => T | undefined,
  scopeOf: (item: T) => string,
  problems: Problem[],
): T[] {
  // A missing or empty file has been reported as such; its header is not reported again.
  if (table.header.length === 0) return [];
  const headerProblems = checkHeader(table.file, table.header, columns.required, columns.optional);
  addProblems(problems, headerProblems);
  if (headerProblems.some((p) => p.severity === 'error')) return [];
  const items: T[] = [];
  const firstLine = new Map<string, number>();
  for (const record of table.records) {
    const item = parse(record, problems);
    if (!item) continue;
    const key = `${scopeOf(item)}/${item.id}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push(fieldProblem(record, 'id', 'duplicate-id', `id ${quoted(item.id)} is already used on line ${earlier}`, 'give each entry its own id'));
      continue;
    }
    firstLine.set(key, record.line);
    items.push(item);
  }
  return items;
}

export function buildCatalog(tables: CatalogTables): { catalog: Catalog; problems: Problem[] } {
  const problems: Problem[] = [];
  const whole = () => '';
  const provinces = readTable(tables.provinces, catalogColumns.provinces, (r, p) => parseRecord(ProvinceSchema, r, p), whole, problems);
  const provinceIndex = new NameIndex(provinces.map((p) => ({ id: p.id, label: p.name, names: [p.name, p.name_hant], item: p })));

  const checkProvince = (record: CsvRecord, id: string): boolean => {
    if (provinceIndex.resolve(id)?.id === id) return true;
    problems.push(fieldProblem(record, 'province', 'unknown-province', `unknown province ${quoted(id)}`, didYouMean(provinceIndex, id, tables.provinces.file)));
    return false;
  };

  const unitRecords = new Map<Unit, CsvRecord>();
  const units = readTable(
    tables.units,
    catalogColumns.units,
    (record, p) => {
      const unit = parseRecord(UnitSchema, record, p);
      if (!unit || !checkProvince(record, unit.province)) return undefined;
      unitRecords.set(unit, record);
      return unit;
    },
    (unit) => unit.province,
    problems,
  );
  const unitIndexes = new Map<string, NameIndex<Unit>>();
  for (const province of provinces) {
    const own = units.filter((u) => u.province === province.id);
    const index = new NameIndex(own.map((u) => ({ id: u.id, label: u.name, names: [u.name, ...u.aliases], item: u })));
    unitIndexes.set(province.id, index);
    for (const unit of own) {
      for (const name of [unit.name, ...unit.aliases]) {
        const sharing = index.ambiguity(name);
        if (sharing.length > 0 && sharing[0]?.id !== unit.id) {
          const record = unitRecords.get(unit);
          if (record) {
            problems.push(fieldProblem(record, 'aliases', 'ambiguous-name', `name ${quoted(name)} is used by ${sharing.map((s) => s.id).join(' and ')}`, 'a name must lead to one unit; remove it from all but one', 'warning'));
          }
        }
      }
    }
  }

  const metricRecords = new Map<string, CsvRecord>();
  const metrics = readTable(
    tables.metrics,
    catalogColumns.metrics,
    (record, p) => {
      const metric = parseRecord(MetricSchema, record, p);
      if (metric) metricRecords.set(metric.id, record);
      return metric;
    },
    whole,
    problems,
  );
  const metricIndex = new NameIndex(metrics.map((m) => ({ id: m.id, label: m.name, names: [m.name, m.name_hant, ...m.aliases], item: m })));
  addProblems(problems, familyProblems(metrics, metricRecords));
  for (const metric of metrics) {
    if (!hasParts(metric)) continue;
    const record = metricRecords.get(metric.id);
    if (!record) continue;
    for (const part of ['numerator', 'denominator'] as const) {
      const target = metrics.find((m) => m.id === metric[part]);
      if (!target) {
        problems.push(fieldProblem(record, part, 'unknown-metric', `unknown ${part} metric ${quoted(metric[part])}`, didYouMean(metricIndex, metric[part], tables.metrics.file)));
      } else if (target.kind === 'ratio') {
        problems.push(fieldProblem(record, part, 'invalid-field', `${part} '${target.id}' is itself a ratio`, 'a ratio divides two counts (flows or stocks)'));
      }
    }
  }

  const sources = readTable(
    tables.sources,
    catalogColumns.sources,
    (record, p) => {
      const source = parseRecord(SourceSchema, record, p);
      return source && checkProvince(record, source.province) ? source : undefined;
    },
    whole,
    problems,
  );
  const sourceIndex = sourceIndexOf(sources);

  return {
    catalog: { provinces, units, metrics, sources, provinceIndex, unitIndexes, metricIndex, sourceIndex },
    problems,
  };
}

/** Metrics of one family share an axis, so they must count the same thing in the same measure word. */
function familyProblems(metrics: readonly Metric[], records: ReadonlyMap<string, CsvRecord>): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, Metric>();
  for (const metric of metrics) {
    if (metric.family === '') continue;
    const head = first.get(metric.family);
    if (!head) {
      first.set(metric.family, metric);
      continue;
    }
    const record = records.get(metric.id);
    if (record && (head.counts !== metric.counts || head.unit !== metric.unit || head.kind !== metric.kind)) {
      problems.push(fieldProblem(record, 'family', 'family-mismatch', `${metric.id} counts ${metric.counts} in ${metric.unit} (${metric.kind}), but ${head.id} of the family ${quoted(metric.family)} counts ${head.counts} in ${head.unit} (${head.kind})`, 'metrics of one family are drawn on one axis: they must count the same thing in the same measure word; leave family empty or give it another id'));
    }
  }
  return problems;
}

function sourceIndexOf(sources: readonly Source[]): NameIndex<Source> {
  return new NameIndex(sources.map((s) => ({ id: s.id, label: s.title, names: [], item: s })));
}

/** The catalog with sources that are not in sources.csv, such as one per unit-return table; ids already taken are kept as they are. */
export function withSources(catalog: Catalog, extra: readonly Source[]): Catalog {
  const sources = [...catalog.sources, ...extra.filter((e) => !catalog.sources.some((s) => s.id === e.id))];
  return { ...catalog, sources, sourceIndex: sourceIndexOf(sources) };
}
