/**
 * The reference tables of data format v1 (provinces, units, metrics, sources)
 * read into typed lists with name indexes, and checked against each other.
 */
import { countsLabel } from '../aggregate/comparability.ts';
import { didYouMean, NameIndex } from '../names.ts';
import { addProblems, quoted } from '../problems.ts';
import { provinceIndexOf } from '../provinceNames.ts';
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
      problems.push(fieldProblem(record, 'id', 'duplicate-id', {
        message: `id ${quoted(item.id)} is already used on line ${earlier}`,
        hint: 'give each entry its own id',
        zh: { message: `id ${quoted(item.id, 'zh')}在第${earlier}行已经用过`, hint: '每一条的 id 都要不同' },
      }));
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
  // By id, short name and full name (海南省, 广西壮族自治区) in either script.
  const provinceIndex = provinceIndexOf(provinces);

  const checkProvince = (record: CsvRecord, id: string): boolean => {
    if (provinceIndex.resolve(id)?.id === id) return true;
    problems.push(fieldProblem(record, 'province', 'unknown-province', {
      message: `unknown province ${quoted(id)}`,
      hint: didYouMean(provinceIndex, id, tables.provinces.file),
      zh: { message: `找不到省份${quoted(id, 'zh')}`, hint: didYouMean(provinceIndex, id, tables.provinces.file, 'zh') },
    }));
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
            const ids = sharing.map((s) => s.id);
            problems.push(fieldProblem(record, 'aliases', 'ambiguous-name', {
              message: `name ${quoted(name)} is used by ${ids.join(' and ')}`,
              hint: 'a name must lead to one unit; remove it from all but one',
              zh: { message: `名称${quoted(name, 'zh')}同时用于 ${ids.join(' 和 ')}`, hint: '一个名称只能指一个单位：只在其中一个单位保留它' },
            }, 'warning'));
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
      const partZh = part === 'numerator' ? '分子' : '分母';
      if (!target) {
        problems.push(fieldProblem(record, part, 'unknown-metric', {
          message: `unknown ${part} metric ${quoted(metric[part])}`,
          hint: didYouMean(metricIndex, metric[part], tables.metrics.file),
          zh: { message: `找不到${partZh}指标${quoted(metric[part], 'zh')}`, hint: didYouMean(metricIndex, metric[part], tables.metrics.file, 'zh') },
        }));
      } else if (target.kind === 'ratio') {
        problems.push(fieldProblem(record, part, 'invalid-field', {
          message: `${part} '${target.id}' is itself a ratio`,
          hint: 'a ratio divides two counts (flows or stocks)',
          zh: { message: `${partZh}“${target.id}”本身就是比率指标`, hint: '比率是两个计数（流量或存量）相除' },
        }));
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

const kindZh: Record<Metric['kind'], string> = { flow: '流量', stock: '存量', ratio: '比率' };

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
      const zhOf = (m: Metric) => `以“${m.unit}”计${countsLabel[m.counts]}（${kindZh[m.kind]}）`;
      problems.push(fieldProblem(record, 'family', 'family-mismatch', {
        message: `${metric.id} counts ${metric.counts} in ${metric.unit} (${metric.kind}), but ${head.id} of the family ${quoted(metric.family)} counts ${head.counts} in ${head.unit} (${head.kind})`,
        hint: 'metrics of one family are drawn on one axis: they must count the same thing in the same measure word; leave family empty or give it another id',
        zh: {
          message: `${metric.id} ${zhOf(metric)}，但同一组（family ${quoted(metric.family, 'zh')}）的 ${head.id} ${zhOf(head)}`,
          hint: '同一组的指标画在同一条坐标轴上，计的东西和量词必须相同：把 family 留空，或换一个组 id',
        },
      }));
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
