/**
 * The whole data set as a Frictionless Data Package: datapackage.json with a
 * Table Schema per file (types, constraints, primary and foreign keys),
 * measure words as custom field properties and columns since Table Schema has
 * no units, plus a README with the licence line, as Our World in Data ships
 * its downloads. Every resource is one file, so every Frictionless tool reads
 * it (datapackage-js reads no resource whose `path` is a list). Observations,
 * figures and unit returns, a million figures at national scale, are one
 * resource per province (`observations-hainan`, `figures-hainan`,
 * `unit-returns-hainan`, one file each): a build writes again only the files
 * of the provinces whose rows changed (src/build/publish.ts). A cell of a unit
 * return is written once: as a number in unit-returns/ when that says all of
 * it, else as a row of observations/ (src/lib/openData/unitReturns.ts).
 */
import { observationOf } from '../aggregate/reportedFigure.ts';
import { slotOf } from '../aggregate/slot.ts';
import { countingBases, metricCategories, metricUnits, type Metric } from '../schema/metric.ts';
import { QualifierSchema } from '../schema/qualifier.ts';
import type { DataSet } from '../schema/dataSet.ts';
import type { Figure } from '../schema/figure.ts';
import { TimeSchema, type Observation } from '../schema/observation.ts';
import { groupBy } from '../maps.ts';
import { rowLabel } from '../site/paths.ts';
import { inUnitReturns, isUnitReturnCell, unitReturnColumns, unitReturnRows, type UnitReturnColumns } from './unitReturns.ts';

type Cell = string | number | boolean | null;

interface Field {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
  constraints?: Record<string, unknown>;
  /** Boolean fields: the words written for true and false (only these). */
  trueValues?: string[];
  falseValues?: string[];
  /** Custom property: the unit of the field's values. */
  unit?: string;
}

interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

interface TableBase {
  name: string;
  /** What the table holds, in Chinese; a province's resource adds the province's name. */
  title: string;
  /** What a reader must know to read it right, in English: which rows it leaves to another table. */
  description?: string;
  fields: Field[];
  primaryKey: string | string[];
  foreignKeys?: ForeignKey[];
}

/** A table in one file, one resource. */
interface WholeTable extends TableBase {
  rows: () => Iterable<Cell[]>;
}

/**
 * A table in one file per province, each file a resource of its own (`observations-hainan`,
 * path `observations/hainan.csv`) with the table's schema. A province's rows are made one at a
 * time as its file is written: observations and figures run to about a million rows each at
 * national scale.
 */
interface ProvinceTable extends TableBase {
  /** The provinces that have a file of this table, in the order of provinces.csv; every province when absent. */
  provinces?: readonly string[];
  /** A province's columns where they depend on its rows (unit-returns: one per metric its cells fill); `fields` when absent. */
  fieldsOf?: (province: string) => Field[];
  rowsOf: (province: string) => Iterable<Cell[]>;
}

type Table = WholeTable | ProvinceTable;

const idPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
const periodPattern = '^\\d{4}(-\\d{4})?$';
const id = (name: string, title: string, required = true): Field => ({ name, type: 'string', title, constraints: { ...(required ? { required: true } : {}), pattern: idPattern } });
const text = (name: string, title: string, required = false): Field => ({ name, type: 'string', title, ...(required ? { constraints: { required: true } } : {}) });
/** A yes-or-no column, written `true` or `false` and never empty. */
const flag = (name: string, title: string): Field => ({ name, type: 'boolean', title, trueValues: ['true'], falseValues: ['false'], constraints: { required: true } });
const fk = (fields: string, resource: string) => ({ fields, reference: { resource, fields: 'id' } });
/**
 * A row's unit among the units of its province (units.csv is keyed by province and id). A
 * committee's own row has no unit: both columns are empty then, as a composite foreign key
 * must be to be skipped (a key with one empty column is checked, and matches no unit).
 */
const unitKey: ForeignKey = { fields: ['unit_province', 'unit'], reference: { resource: 'units', fields: ['province', 'id'] } };
/** The last column of observations and figures, so that the columns before it keep their places; in unit-returns, before the metrics' columns, which differ by province. */
const unitProvince = id('unit_province', '单位所属省份id：有单位时同province，空为工委（供单位外键用）', false);

/** Rows per chunk of CSV text: under a megabyte at national scale (about 180 bytes a row of observations, 210 of unit-returns), so the writer neither waits on tiny writes nor holds a whole file. */
const rowsPerChunk = 4096;

/** Characters that make a CSV field need quotes; all ASCII, so the pattern needs no `u` flag. */
const needsQuotes = /[",\n\r]/;

function cell(value: Cell): string {
  if (value === null) return '';
  // Numbers never need quoting.
  if (typeof value !== 'string') return String(value);
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A table as CSV text in chunks of whole lines: the header, then the rows, every line ending in a newline. */
function* csv(fields: readonly Field[], table: Iterable<Cell[]>): Generator<string> {
  let chunk = `${fields.map((f) => cell(f.name)).join(',')}\n`;
  let rows = 0;
  for (const row of table) {
    // A loop rather than map and join: two arrays fewer for each of a million rows.
    let line = cell(row[0] ?? null);
    for (let i = 1; i < row.length; i++) line += `,${cell(row[i] ?? null)}`;
    chunk += `${line}\n`;
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

/**
 * Items by province, in their order. A build that writes no province's file never pays for them; one
 * that writes one province's (an incremental build after that province's figures changed) takes them
 * in one pass, not grouping a million items by province (0.2 s of it); a second province's groups all.
 */
function byProvince<T extends { province: string }>(items: readonly T[]): (province: string) => readonly T[] {
  let first: { province: string; items: T[] } | undefined;
  let groups: Map<string, T[]> | undefined;
  return (province) => {
    if (groups === undefined && (first === undefined || first.province === province)) {
      first ??= { province, items: items.filter((item) => item.province === province) };
      return first.items;
    }
    return (groups ??= groupBy(items, (item) => item.province)).get(province) ?? [];
  };
}

/** A metric's column of unit-returns/: its values in the metric's unit, as `value` of observations has them. */
const metricField = (m: Metric): Field => ({ name: m.id, type: 'number', title: m.name, constraints: { minimum: 0 }, unit: m.kind === 'ratio' ? 'share (0-1)' : m.unit });

function tables(dataSet: DataSet, unitReturns: UnitReturnColumns): Table[] {
  const metricUnit = new Map(dataSet.metrics.map((m) => [m.id, m.kind === 'ratio' ? 'share' : m.unit]));
  const metricById = new Map(dataSet.metrics.map((m) => [m.id, m]));
  const observationsOf = byProvince<Observation>(dataSet.observations);
  const figuresOf = byProvince<Figure>(dataSet.figures);
  const unitReturnKeyFields: Field[] = [
    text('row', '报表行：报表文件与行号', true),
    id('province', '省份id'),
    { ...text('period', '期间'), constraints: { required: true, pattern: periodPattern } },
    id('unit', '单位id；空为工委汇总数', false),
    unitProvince,
    id('source', '来源id'),
  ];
  return [
    {
      name: 'provinces',
      title: '省级机关工委所在省份',
      fields: [id('id', '省份id'), text('name', '简称', true), text('name_hant', '繁体简称', true), { ...text('kind', '类型', true), constraints: { required: true, enum: ['省', '自治区', '直辖市', '市', '中央'] } }],
      primaryKey: 'id',
      rows: () => lazyMap(dataSet.provinces, (p) => [p.id, p.name, p.name_hant, p.kind]),
    },
    {
      name: 'units',
      title: '单位（按省份和id区分）',
      fields: [id('id', '单位id'), id('province', '省份id'), text('name', '名称', true), text('aliases', '别名，以|分隔'), text('kind', '类型')],
      primaryKey: ['province', 'id'],
      foreignKeys: [fk('province', 'provinces')],
      rows: () => lazyMap(dataSet.units, (u) => [u.id, u.province, u.name, u.aliases.join('|') || null, u.kind || null]),
    },
    {
      name: 'metrics',
      title: '指标及其解释',
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
        { ...text('counts', '计量：people 人，attendances 人次，organisations 组织/单位，cases 件，events 场次，items 项/个，documents 篇/份，money 万元，share 比率'), constraints: { required: true, enum: [...countingBases] } },
        text('family', '可同轴比较的指标组'),
        flag('per_branch', '每百个党支部的数值有意义'),
      ],
      primaryKey: 'id',
      foreignKeys: [
        { fields: 'numerator', reference: { resource: '', fields: 'id' } },
        { fields: 'denominator', reference: { resource: '', fields: 'id' } },
      ],
      rows: () => lazyMap(dataSet.metrics, (m) => [m.id, m.name, m.name_hant, m.category, m.unit, m.kind, m.numerator || null, m.denominator || null, m.definition, m.aliases.join('|') || null, m.counts, m.family || null, m.per_branch]),
    },
    {
      name: 'sources',
      title: '来源文章',
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
      title: '原文数据行',
      description: 'Every figure as its source gives it, except the cells of unit returns (data/tables/) that their number says in full, which are in unit-returns-<province>: a cell stays here, under the label tables/<province>/<period>.csv:<line>:<column>, when it is approximate (qualifier other than exact, the table\'s words in `written`) or has a note, a scope, an id or part_of, a running total or no date.',
      fields: [
        text('row', '数据行：数据文件与行号；单位报表（tables/）的一格另加列号', true),
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
        text('id', '行id（供part_of引用）'),
        text('part_of', '所属整体的行id（其中、分项）'),
        text('scope', '口径：空为工委通常口径'),
        { ...text('time', '时间：flow 期内，stock 期末，cumulative 累计'), constraints: { required: true, enum: [...TimeSchema.options] } },
        flag('undated', '原文未给出时间'),
        unitProvince,
      ],
      primaryKey: 'row',
      foreignKeys: [fk('province', 'provinces'), unitKey, fk('metric', 'metrics'), fk('source', 'sources')],
      rowsOf: (province) => lazyMap(observationsOf(province).filter((o) => !inUnitReturns(o)), (o) => [rowLabel(o.at), o.province, o.unit, o.period.id, o.metric, o.value, metricUnit.get(o.metric) ?? '', o.qualifier, o.written, o.source, o.quote, o.note || null, o.rowId, o.partOf, o.scope || null, o.time, o.undated, o.unit === null ? null : o.province]),
    },
    {
      name: 'unit-returns',
      title: '单位报表（每行一个单位的一期报表，每列一个指标）',
      description: 'The unit returns (data/tables/<province>/<period>.csv): one row per line of a table, keyed by its label tables/<province>/<period>.csv:<line>, with a unit\'s figures for the period (the committee\'s where unit is empty), one number column per metric its cells fill, named by metric id, in the metric\'s unit (a share 0-1 for ratios). Every number here is exact, in the committee\'s usual scope, dated and counted as its metric\'s kind says, with no note; it is also the figure the site shows for that unit, period and metric. An empty cell was not reported, or is a row of observations-<province> (see there) because its number alone cannot say it.',
      fields: unitReturnKeyFields,
      primaryKey: 'row',
      foreignKeys: [fk('province', 'provinces'), unitKey, fk('source', 'sources')],
      provinces: dataSet.provinces.map((p) => p.id).filter((p) => unitReturns.metricsOf.has(p)),
      fieldsOf: (province) => [...unitReturnKeyFields, ...(unitReturns.metricsOf.get(province) ?? []).map((m) => metricField(metricById.get(m) as Metric))],
      rowsOf: (province) => unitReturnRows(observationsOf(province).filter(inUnitReturns), unitReturns.metricsOf.get(province) ?? []),
    },
    {
      name: 'figures',
      title: '网站所示数字',
      description: 'The figures the site shows, except a figure read from one cell of a unit return as is (reported, resting on that cell alone, no computed_value): that figure is the cell in unit-returns-<province>. In rows, tables/<province>/<period>.csv:<line>:<column> is a cell of a unit return: the row tables/<province>/<period>.csv:<line> of unit-returns-<province>, in the column of its metric (the figure\'s, or a computed rate\'s numerator\'s or denominator\'s), or the row of observations-<province> of that very label.',
      fields: [
        text('key', '省份|单位|期间|指标（口径、累计、未注明时间的数字另加标记）', true),
        id('province', '省份id'),
        id('unit', '单位id；空为工委', false),
        { ...text('period', '期间'), constraints: { required: true, pattern: periodPattern } },
        id('metric', '指标id'),
        text('scope', '口径：空为工委通常口径'),
        { ...text('time', '时间：flow 期内，stock 期末，cumulative 累计'), constraints: { required: true, enum: [...TimeSchema.options] } },
        flag('undated', '原文未给出时间'),
        { name: 'value', type: 'number', title: '原文数字（原文未报告时为合计或计算值）', constraints: { required: true }, unit: 'per row, in column measure' },
        { ...text('measure', '数值的单位'), constraints: { required: true } },
        { ...text('qualifier', '限定'), constraints: { required: true, enum: [...QualifierSchema.options] } },
        { ...text('basis', '来历：reported 原文，sum_of_units 各单位合计，ratio_of_parts 分子÷分母'), constraints: { required: true, enum: ['reported', 'sum_of_units', 'ratio_of_parts'] } },
        text('rows', '依据的数据行，以;分隔', true),
        { name: 'computed_value', type: 'number', title: '按分子分母计算的比率（原文另有比率时）', unit: 'share (0-1)' },
        { name: 'difference_points', type: 'number', title: '原文比率减计算值', unit: '个百分点 (percentage points)' },
        unitProvince,
      ],
      primaryKey: 'key',
      foreignKeys: [fk('province', 'provinces'), unitKey, fk('metric', 'metrics')],
      rowsOf: (province) => {
        // A figure rests on rows of its own province only (src/lib/aggregate/figures.ts). Most figures hold
        // their one row (reportedFigure.ts): the rows by id are made only for one that does not.
        let byId: Map<string, Observation> | undefined;
        const rowOf = (id: string) => (byId ??= new Map(observationsOf(province).map((o) => [o.id, o]))).get(id);
        // A label is made only for the rows of the figures written: most cells of a unit return have none here.
        const labelOf = (id: string) => {
          const o = rowOf(id);
          return o ? rowLabel(o.at) : '';
        };
        const rowLabels = (f: Figure) => {
          const held = observationOf(f);
          return held ? rowLabel(held.at) : f.observations.map(labelOf).join(';');
        };
        return lazyMap(figuresOf(province).filter((f) => !isUnitReturnCell(f, rowOf)), (f) => {
          // Read once: a stated ratio works out `computed` at each reading.
          const computed = f.computed;
          return [
            `${f.province}|${f.unit ?? ''}|${f.period.id}|${slotOf(f)}`,
            f.province,
            f.unit,
            f.period.id,
            f.metric,
            f.scope || null,
            f.time,
            f.undated,
            f.value,
            metricUnit.get(f.metric) ?? '',
            f.qualifier,
            f.basis,
            rowLabels(f),
            computed?.value ?? null,
            computed ? Number(computed.differencePoints.toFixed(4)) : null,
            f.unit === null ? null : f.province,
          ];
        });
      },
    },
  ];
}

const readme = (dataSet: DataSet, unitReturns: UnitReturnColumns) => `# 机关党建工作综述数据

Year-end figures of the party-building reviews (机关党建工作综述) of China's provincial
organ work committees, as published by the zongshu site this package comes with.

- provinces.csv: ${dataSet.provinces.length} provincial-level bodies; units.csv: ${dataSet.units.length} units, keyed by province and id.
- metrics.csv: the dictionary of ${dataSet.metrics.length} metrics, with definitions (指标解释).
- sources.csv: ${dataSet.sources.length} articles the figures come from.
- observations/<province>.csv: ${dataSet.observations.length - unitReturns.cells} figures as the articles give them, each with its
  verbatim quote; \`value\` is in the unit named in \`measure\` (a share 0-1 for ratios).
- unit-returns/<province>.csv: ${unitReturns.cells} figures more, the cells of the unit returns (单位报表,
  data/tables/<province>/<period>.csv) that their number says in full, each written once, here
  only. One row per line of a table, keyed by its label \`tables/<province>/<period>.csv:<line>\`:
  a unit's figures for the period (the committee's own where \`unit\` is empty), then one column
  per metric the province's cells fill, named by metric id and titled with its name, in the
  metric's unit (a share 0-1 for ratios). Every number here is exact, in the committee's usual
  scope, dated, and counts as its metric's kind says (a flow within the period, a stock at its
  end). A cell its number alone cannot say stays a row of observations/ under the label
  \`tables/<province>/<period>.csv:<line>:<column>\` and is empty here: an approximate one (a
  qualifier other than exact, with the table's words in \`written\`, 约40), or one with a note, a
  scope, an id or part_of, a running total or no date. An empty cell is otherwise "not reported".
  Only provinces with such cells have a file.
- figures/<province>.csv: the figures the site shows: reported ones, totals summed from units, and
  rates computed from their parts. Where a review states a rate, \`value\` is the stated rate and
  the rate its parts give is beside it in \`computed_value\`. A figure whose \`scope\` is not empty
  covers another scope than the committee's usual one, \`time\` says whether it counts a period
  (flow), stands at its end (stock) or is a running total (cumulative), and \`undated\` marks a
  figure whose text gives no time: compare figures only where all three agree. A unit's figure
  read from one cell of its unit return, as is (or the committee's, from its own line), is that
  cell in unit-returns/ and has no row here. In \`rows\`, \`tables/<province>/<period>.csv:<line>:<column>\` is a cell of a unit return:
  the row \`tables/<province>/<period>.csv:<line>\` of unit-returns/ in the column of its metric
  (the figure's, or a computed rate's numerator's or denominator's), or the row of
  observations/ of that very label.

Every file is one resource of datapackage.json, so any Frictionless tool reads each on its
own, with its schema, primary key and foreign keys checked. Observations, figures and unit
returns are one file per province (the province ids of provinces.csv), each its own resource:
\`observations-<province>\` and \`figures-<province>\`, with the same schema, and
\`unit-returns-<province>\`, whose metric columns are the province's own. To have one table of
all provinces, read them in turn, or join the files of observations or of figures keeping the
header row of the first only.

A row of a unit names it in \`unit\` and its province again in \`unit_province\` (the last
column, but in unit-returns, where the metrics come last), the foreign key into units.csv
(keyed by province and id); a committee's own row leaves both empty.
\`undated\` and \`per_branch\` are written \`true\` or \`false\`; an empty field is a missing value.
Approximate figures carry their qualifier (more_than for 余/多/以上, nearly for 近, about
for 约); a missing figure means "not reported", never zero.

Licence: the compilation is published under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/); the quoted articles remain their authors'.
Cite as: 机关党建工作综述数据 (zongshu), with the source of each figure from sources.csv.
`;

/** A file of the package. */
export interface PackageFile {
  /** Where it goes in the package folder: `datapackage.json`, `observations/beijing.csv`. */
  path: string;
  /** For a province's file of observations, figures or unit returns: that province. The file is made from the catalog (provinces, units, metrics, sources) and the province's observations alone, so it is unchanged while they and the code are. */
  province?: string;
  /** Its text in chunks of whole lines to write in turn, made as they are asked for, so no CSV is ever whole in memory. */
  chunks: () => Iterable<string>;
}

/** The file of a province's part of a table, and the resource it is. */
const provincePath = (table: string, province: string) => `${table}/${province}.csv`;
export const provinceResourceName = (table: string, province: string) => `${table}-${province}`;

/**
 * The files of the package: datapackage.json, README.md, one CSV per small
 * table and one per province for observations, unit returns and figures, each
 * CSV a resource of its own. Nothing of a CSV is made until its chunks are
 * asked for; only the metric columns of the unit returns are found first, in
 * one pass over the observations, as the descriptor names them.
 */
export function dataPackageFiles(dataSet: DataSet, created?: string): PackageFile[] {
  const unitReturns = unitReturnColumns(dataSet.observations, dataSet.metrics.map((m) => m.id));
  const all = tables(dataSet, unitReturns);
  const provincesOf = (table: ProvinceTable) => table.provinces ?? dataSet.provinces.map((p) => p.id);
  const fieldsOf = (table: ProvinceTable, province: string) => table.fieldsOf?.(province) ?? table.fields;
  const provinceName = new Map(dataSet.provinces.map((p) => [p.id, p.name]));
  const resource = (table: Table, fields: Field[], name: string, title: string, path: string, description?: string) => ({
    name,
    title,
    ...(description ? { description } : {}),
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: {
      fields,
      missingValues: [''],
      primaryKey: table.primaryKey,
      ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
    },
  });
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'zongshu-party-building-reviews',
    title: '机关党建工作综述数据',
    description: 'Figures of the annual party-building reviews of provincial organ work committees, with their sources and quotes. Observations, figures and unit returns are one resource per province (observations-<province>, figures-<province>, unit-returns-<province>); a cell of a unit return is written once, in unit-returns-<province> when its number says all of it, else in observations-<province>.',
    ...(created ? { created } : {}),
    licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: all.flatMap((table) =>
      'rowsOf' in table
        ? provincesOf(table).map((province) =>
            resource(
              table,
              fieldsOf(table, province),
              provinceResourceName(table.name, province),
              `${table.title}：${provinceName.get(province) ?? province}`,
              provincePath(table.name, province),
              `${table.description ? `${table.description} ` : ''}The ${table.name} of ${province}: one of ${provincesOf(table).length} resources ${table.name}-<province>, one file per province, ${table.fieldsOf ? 'each with the columns of its own rows' : 'all of one schema'}; read them in turn for the whole table.`,
            ),
          )
        : [resource(table, table.fields, table.name, table.title, `${table.name}.csv`, table.description)],
    ),
  };
  return [
    { path: 'datapackage.json', chunks: () => [`${JSON.stringify(descriptor, null, 2)}\n`] },
    { path: 'README.md', chunks: () => [readme(dataSet, unitReturns)] },
    ...all.flatMap((table): PackageFile[] =>
      'rowsOf' in table
        ? provincesOf(table).map((province) => ({ path: provincePath(table.name, province), province, chunks: () => csv(fieldsOf(table, province), table.rowsOf(province)) }))
        : [{ path: `${table.name}.csv`, chunks: () => csv(table.fields, table.rows()) }],
    ),
  ];
}
