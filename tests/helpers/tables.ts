/** Builds catalog tables and records from inline CSV text, for tests. */
import Papa from 'papaparse';
import { buildCatalog, type Catalog, type Table } from '../../src/lib/ingest/catalog.ts';
import type { CsvRecord } from '../../src/lib/ingest/csvRecord.ts';
import type { CatalogFiles } from '../../src/lib/ingest/observations.ts';

export function table(file: string, csv: string): Table {
  const rows = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
  const [header = [], ...data] = rows;
  return {
    file,
    header,
    records: data.map((fields, i) => ({
      file,
      line: i + 2,
      header,
      fields: Object.fromEntries(header.map((h, j) => [h, (fields[j] ?? '').trim()])),
    })),
  };
}

export function record(file: string, header: string, row: string, line = 2): CsvRecord {
  return table(file, `${header}\n${row}`).records.map((r) => ({ ...r, line }))[0] as CsvRecord;
}

export const files: CatalogFiles = {
  provinces: 'data/provinces.csv',
  units: 'data/units.csv',
  metrics: 'data/metrics.csv',
  sources: 'data/sources.csv',
};

export const provincesCsv = `id,name,name_hant,kind
hainan,海南,海南,省
jiangsu,江苏,江蘇,省
qinghai,青海,青海,省`;

export const unitsCsv = `id,province,name,aliases,kind
gaoyuan,hainan,省高级人民法院,省高院|海南省高级人民法院,党政机关
gonganting,hainan,省公安厅,,党政机关
jianchayuan,hainan,省人民检察院,省检察院,党政机关`;

export const metricsCsv = `id,name,name_hant,category,unit,kind,numerator,denominator,definition,aliases
branches-total,党支部数,黨支部數,branches,个,stock,,,党支部总数,在职党支部
branches-compliant,达标党支部数,達標黨支部數,branches,个,stock,,,达标的党支部,达标党支部
branch-compliance-rate,党支部达标率,黨支部達標率,branches,%,ratio,branches-compliant,branches-total,达标数除以总数,达标率
training-attendance,培训人次,培訓人次,training,人次,flow,,,参训人次,
cases-filed,立案,立案,cases,件,flow,,,立案件数,
relief-funds,走访慰问资金,走訪慰問資金,funds,万元,flow,,,慰问资金,
model-organs,模范机关,模範機關,honours,个,flow,,,命名的模范机关,`;

export const sourcesCsv = `id,province,title,publisher,published,url,period
hainan-2020,hainan,2020年省直机关党建工作综述,南海先锋网,2022-06-24,https://example.org/a,2020
jiangsu-2022,jiangsu,江苏综述,,2022,,2021-2022`;

export function testCatalog(overrides: Partial<Record<'provinces' | 'units' | 'metrics' | 'sources', string>> = {}): Catalog {
  const { catalog, problems } = buildCatalog({
    provinces: table(files.provinces, overrides.provinces ?? provincesCsv),
    units: table(files.units, overrides.units ?? unitsCsv),
    metrics: table(files.metrics, overrides.metrics ?? metricsCsv),
    sources: table(files.sources, overrides.sources ?? sourcesCsv),
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 && Object.keys(overrides).length === 0) throw new Error(JSON.stringify(errors));
  return catalog;
}

export const observationHeader = 'province,unit,period,metric,value,qualifier,source,quote,note';
