/**
 * The whole data set as a Frictionless Data Package: datapackage.json with a
 * Table Schema per file (types, constraints, primary and foreign keys),
 * measure words as custom field properties and columns since Table Schema has
 * no units, plus a README with the licence line, as Our World in Data ships
 * its downloads.
 */
import { metricCategories, metricUnits } from '../schema/metric.ts';
import { QualifierSchema } from '../schema/qualifier.ts';
import type { DataSet } from '../schema/dataSet.ts';
import { rowLabel } from '../site/paths.ts';

type Cell = string | number | null;

interface Field {
  name: string;
  type: 'string' | 'number' | 'integer';
  title: string;
  description?: string;
  constraints?: Record<string, unknown>;
  /** Custom property: the unit of the field's values. */
  unit?: string;
}

interface Resource {
  name: string;
  fields: Field[];
  primaryKey: string | string[];
  foreignKeys?: Array<{ fields: string | string[]; reference: { resource: string; fields: string | string[] } }>;
  /** Made one at a time as the CSV is written: observations and figures run to about a million rows each at national scale. */
  rows: () => Iterable<Cell[]>;
}

const idPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
const periodPattern = '^\\d{4}(-\\d{4})?$';
const id = (name: string, title: string, required = true): Field => ({ name, type: 'string', title, constraints: { ...(required ? { required: true } : {}), pattern: idPattern } });
const text = (name: string, title: string, required = false): Field => ({ name, type: 'string', title, ...(required ? { constraints: { required: true } } : {}) });
const fk = (fields: string, resource: string) => ({ fields, reference: { resource, fields: 'id' } });

/** Rows per chunk of CSV text: under a megabyte at national scale (about 180 bytes a row), so the writer neither waits on tiny writes nor holds a whole file. */
const rowsPerChunk = 4096;

function cell(value: Cell): string {
  if (value === null) return '';
  // Numbers never need quoting.
  if (typeof value !== 'string') return String(value);
  return /[",\n\r]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The resource as CSV text in chunks of whole lines: the header, then the rows, every line ending in a newline. */
function* csv(resource: Resource): Generator<string> {
  let chunk = `${resource.fields.map((f) => cell(f.name)).join(',')}\n`;
  let rows = 0;
  for (const row of resource.rows()) {
    chunk += `${row.map(cell).join(',')}\n`;
    if (++rows === rowsPerChunk) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk) yield chunk;
}

/** Each item's row, made only when the CSV writer asks for it. */
function* lazyMap<T>(items: readonly T[], row: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield row(item);
}

function resources(dataSet: DataSet): Resource[] {
  const metricUnit = new Map(dataSet.metrics.map((m) => [m.id, m.kind === 'ratio' ? 'share' : m.unit]));
  // Observations by id, and each row's label made as its figure is written: a map of a million labels would be live through the whole package.
  const observationById = new Map(dataSet.observations.map((o) => [o.id, o]));
  const rowOf = (id: string) => {
    const observation = observationById.get(id);
    return observation ? rowLabel(observation.at) : '';
  };
  return [
    {
      name: 'provinces',
      fields: [id('id', '省份id'), text('name', '简称', true), text('name_hant', '繁体简称', true), { ...text('kind', '类型', true), constraints: { required: true, enum: ['省', '自治区', '直辖市', '市', '中央'] } }],
      primaryKey: 'id',
      rows: () => lazyMap(dataSet.provinces, (p) => [p.id, p.name, p.name_hant, p.kind]),
    },
    {
      name: 'units',
      fields: [id('id', '单位id'), id('province', '省份id'), text('name', '名称', true), text('aliases', '别名，以|分隔'), text('kind', '类型')],
      primaryKey: ['province', 'id'],
      foreignKeys: [fk('province', 'provinces')],
      rows: () => lazyMap(dataSet.units, (u) => [u.id, u.province, u.name, u.aliases.join('|') || null, u.kind || null]),
    },
    {
      name: 'metrics',
      fields: [
        id('id', '指标id'),
        text('name', '名称', true),
        text('name_hant', '繁体名称', true),
        { ...text('category', '类别'), constraints: { required: true, enum: [...metricCategories] } },
        { ...text('unit', '量词'), constraints: { required: true, enum: [...metricUnits] } },
        { ...text('kind', '类型：flow 流量，stock 存量，ratio 比率'), constraints: { required: true, enum: ['flow', 'stock', 'ratio'] } },
        id('numerator', '分子（比率）', false),
        id('denominator', '分母（比率）', false),
        text('definition', '指标解释', true),
        text('aliases', '别名，以|分隔'),
      ],
      primaryKey: 'id',
      foreignKeys: [
        { fields: 'numerator', reference: { resource: '', fields: 'id' } },
        { fields: 'denominator', reference: { resource: '', fields: 'id' } },
      ],
      rows: () => lazyMap(dataSet.metrics, (m) => [m.id, m.name, m.name_hant, m.category, m.unit, m.kind, m.numerator || null, m.denominator || null, m.definition, m.aliases.join('|') || null]),
    },
    {
      name: 'sources',
      fields: [
        id('id', '来源id'),
        id('province', '省份id'),
        text('title', '标题', true),
        text('publisher', '发布者'),
        { ...text('published', '发布日期'), constraints: { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } },
        text('url', '原文链接'),
        { ...text('period', '覆盖期间'), constraints: { required: true, pattern: periodPattern } },
      ],
      primaryKey: 'id',
      foreignKeys: [fk('province', 'provinces')],
      rows: () => lazyMap(dataSet.sources, (s) => [s.id, s.province, s.title, s.publisher || null, s.published || null, s.url || null, s.period.id]),
    },
    {
      name: 'observations',
      fields: [
        text('row', '数据行：数据文件与行号', true),
        id('province', '省份id'),
        id('unit', '单位id；空为工委汇总数', false),
        { ...text('period', '期间'), constraints: { required: true, pattern: periodPattern } },
        id('metric', '指标id'),
        { name: 'value', type: 'number', title: '数值', constraints: { required: true, minimum: 0 }, unit: 'per row, in column measure' },
        { ...text('measure', '数值的单位：指标量词；比率为 share（0-1）'), constraints: { required: true } },
        { ...text('qualifier', '限定：exact 确数，more_than 余/多/以上，nearly 近，about 约'), constraints: { required: true, enum: [...QualifierSchema.options] } },
        text('written', '原文写法', true),
        id('source', '来源id'),
        text('quote', '原文引语', true),
        text('note', '注'),
      ],
      primaryKey: 'row',
      foreignKeys: [fk('province', 'provinces'), fk('metric', 'metrics'), fk('source', 'sources')],
      rows: () => lazyMap(dataSet.observations, (o) => [rowLabel(o.at), o.province, o.unit, o.period.id, o.metric, o.value, metricUnit.get(o.metric) ?? '', o.qualifier, o.written, o.source, o.quote, o.note || null]),
    },
    {
      name: 'figures',
      fields: [
        text('key', '省份|单位|期间|指标', true),
        id('province', '省份id'),
        id('unit', '单位id；空为工委', false),
        { ...text('period', '期间'), constraints: { required: true, pattern: periodPattern } },
        id('metric', '指标id'),
        { name: 'value', type: 'number', title: '采用值', constraints: { required: true }, unit: 'per row, in column measure' },
        { ...text('measure', '数值的单位'), constraints: { required: true } },
        { ...text('qualifier', '限定'), constraints: { required: true, enum: [...QualifierSchema.options] } },
        { ...text('basis', '来历：reported 原文，sum_of_units 各单位合计，ratio_of_parts 分子÷分母'), constraints: { required: true, enum: ['reported', 'sum_of_units', 'ratio_of_parts'] } },
        text('rows', '依据的数据行，以;分隔', true),
        { name: 'stated_value', type: 'number', title: '原文比率（与计算值并存时）', unit: 'share (0-1)' },
        { name: 'difference_points', type: 'number', title: '原文比率减计算值', unit: '个百分点 (percentage points)' },
      ],
      primaryKey: 'key',
      foreignKeys: [fk('province', 'provinces'), fk('metric', 'metrics')],
      rows: () => lazyMap(dataSet.figures, (f) => [
        `${f.province}|${f.unit ?? ''}|${f.period.id}|${f.metric}`,
        f.province,
        f.unit,
        f.period.id,
        f.metric,
        f.value,
        metricUnit.get(f.metric) ?? '',
        f.qualifier,
        f.basis,
        f.observations.map(rowOf).join(';'),
        f.stated?.value ?? null,
        f.stated ? Number(f.stated.differencePoints.toFixed(4)) : null,
      ]),
    },
  ];
}

const readme = (dataSet: DataSet) => `# 机关党建工作综述数据

Year-end figures of the party-building reviews (机关党建工作综述) of China's provincial
organ work committees, as published by the zongshu site this package comes with.

- provinces.csv: ${dataSet.provinces.length} provincial-level bodies; units.csv: ${dataSet.units.length} units.
- metrics.csv: the dictionary of ${dataSet.metrics.length} metrics, with definitions (指标解释).
- sources.csv: ${dataSet.sources.length} articles the figures come from.
- observations.csv: ${dataSet.observations.length} figures as the articles give them, each with its
  verbatim quote; \`value\` is in the unit named in \`measure\` (a share 0-1 for ratios).
- figures.csv: the figures the site shows: reported ones, totals summed from units, and
  rates computed from their parts (a stated rate that differs is kept in \`stated_value\`).

Approximate figures carry their qualifier (more_than for 余/多/以上, nearly for 近, about
for 约); a missing figure means "not reported", never zero.

Licence: the compilation is published under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/); the quoted articles remain their authors'.
Cite as: 机关党建工作综述数据 (zongshu), with the source of each figure from sources.csv.
`;

/**
 * The files of the package, by name: datapackage.json, README.md and one CSV
 * per resource, each as chunks of text to write in turn. The CSVs are made as
 * they are written, so no file is ever whole in memory; each can be read once.
 */
export function dataPackageFiles(dataSet: DataSet, created?: string): Map<string, Iterable<string>> {
  const all = resources(dataSet);
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'zongshu-party-building-reviews',
    title: '机关党建工作综述数据',
    description: 'Figures of the annual party-building reviews of provincial organ work committees, with their sources and quotes.',
    ...(created ? { created } : {}),
    licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: all.map((r) => ({
      name: r.name,
      path: `${r.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: r.fields,
        missingValues: [''],
        primaryKey: r.primaryKey,
        ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}),
      },
    })),
  };
  return new Map([
    ['datapackage.json', [`${JSON.stringify(descriptor, null, 2)}\n`]],
    ['README.md', [readme(dataSet)]],
    ...all.map((r): [string, Iterable<string>] => [`${r.name}.csv`, csv(r)]),
  ]);
}
