/** Writes the synthetic national data set to a folder: the file-system side of src/lib/synth. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataSet } from '../load/loadDataSet.ts';
import { sourceId, synthProvinceRows, synthUnits, syntheticNotice, type SynthOptions, type SynthRow } from '../lib/synth/national.ts';
import { synthNarrative } from '../lib/synth/narrative.ts';
import { OptionError } from './options.ts';

const bundledData = fileURLToPath(new URL('../../data', import.meta.url));

function csvLine(cells: ReadonlyArray<string | number>): string {
  return `${cells.map((c) => (/[",\n\r]/u.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',')}\n`;
}

/** What a synthetic data set's folder holds: what this writes, and the bench's note of the options it was made with. */
const synthEntries = new Set(['data', 'content', 'synth-options.json']);

/**
 * The folder is written anew, everything in it deleted first: so it must be missing, empty, or a
 * synthetic data set written before (only data/, content/ and the bench's note, and content/site.md
 * saying synthetic: true). Anything else (the project, a home folder, real data) is refused.
 */
function refuseUnlessSynthetic(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new OptionError(`${out} 是一个文件，不是文件夹：请用 --out 指定一个新的或空的文件夹`, `${out} is a file, not a folder: give --out a new or empty folder`);
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  const siteFile = join(out, 'content/site.md');
  const synthetic = entries.every((e) => synthEntries.has(e)) && existsSync(siteFile) && /^synthetic: true$/mu.test(readFileSync(siteFile, 'utf8'));
  if (!synthetic) {
    throw new OptionError(
      `${out} 里已有文件，但不是以前生成的示例数据集。生成示例数据会先清空这个文件夹，为免删掉这些文件，没有动它：请用 --out 指定新的或空的文件夹`,
      `${out} holds files but is not a synthetic data set written before; writing one empties the folder first, so nothing was touched: give --out a new or empty folder`,
    );
  }
}

export async function writeSyntheticDataSet(out: string, options: SynthOptions): Promise<{ rows: number; tables: number; tableRows: number }> {
  refuseUnlessSynthetic(out);
  // The dictionary and the provinces are the product's own.
  const { dataSet } = await loadDataSet({ dataDir: bundledData, contentDir: join(out, 'no-content') });
  const provinces = dataSet.provinces.slice(0, options.provinces);
  const metrics = dataSet.metrics;
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'data/observations'), { recursive: true });
  const firstYear = options.lastYear - options.years + 1;

  const header = ['id', 'name', 'name_hant', 'category', 'unit', 'kind', 'numerator', 'denominator', 'definition', 'aliases', 'counts', 'family', 'per_branch'] as const;
  const cellOf = (m: (typeof metrics)[number], h: (typeof header)[number]): string => (h === 'aliases' ? m.aliases.join('|') : h === 'per_branch' ? (m.per_branch ? 'yes' : '') : m[h]);
  await writeFile(join(out, 'data/metrics.csv'), header.join(',') + '\n' + metrics.map((m) => csvLine(header.map((h) => cellOf(m, h)))).join(''));
  await writeFile(join(out, 'data/provinces.csv'), 'id,name,name_hant,kind\n' + provinces.map((p) => csvLine([p.id, p.name, p.name_hant, p.kind])).join(''));
  let units = 'id,province,name,aliases,kind\n';
  let sources = 'id,province,title,publisher,published,url,period\n';
  let rows = 0;
  let tables = 0;
  let tableRows = 0;
  for (const [index, province] of provinces.entries()) {
    const provinceUnits = synthUnits(options, province);
    units += provinceUnits.map((u) => csvLine([u.id, province.id, u.name, `${province.name}${u.name.replace(/^[省区市]/u, '')}`, u.kind])).join('');
    for (let year = firstYear; year <= options.lastYear; year++) {
      sources += csvLine([sourceId(province.id, year), province.id, `${province.name}${year}年机关党建工作综述（${syntheticNotice}）`, syntheticNotice, '', '', String(year)]);
    }
    const all = synthProvinceRows(options, province, index, metrics, provinceUnits);
    rows += all.length;
    // The committee's figures, quoted from the review, go to the province's observations file; its
    // units' figures to a unit-return table for each year, as units fill them in.
    const long: SynthRow[] = [];
    const byTable = new Map<number, SynthRow[]>();
    for (const row of all) {
      if (row.unit === '') {
        long.push(row);
        continue;
      }
      const year = Number(row.period);
      const table = byTable.get(year);
      if (table) table.push(row);
      else byTable.set(year, [row]);
    }
    await writeFile(
      join(out, 'data/observations', `${province.id}.csv`),
      'province,unit,period,metric,value,qualifier,source,quote,note\n' + long.map((r) => csvLine([r.province, r.unit, r.period, r.metric, r.value, '', r.source, r.quote, ''])).join(''),
    );
    for (const [year, tableRowsOfYear] of byTable) {
      tables++;
      tableRows += tableRowsOfYear.length;
      const columns = metrics.filter((m) => tableRowsOfYear.some((r) => r.metric === m.id));
      const cells = new Map(tableRowsOfYear.map((r) => [`${r.unit}|${r.metric}`, r.value]));
      const source = sourceId(province.id, year);
      const body = provinceUnits.map((u) => csvLine([u.name, ...columns.map((m) => cells.get(`${u.id}|${m.id}`) ?? ''), source])).join('');
      await mkdir(join(out, 'data/tables', province.id), { recursive: true });
      await writeFile(join(out, 'data/tables', province.id, `${year}.csv`), csvLine(['单位', ...columns.map((m) => m.name), 'source']) + body);
    }
    const reported = new Set(all.filter((r) => r.unit === '' && r.period === String(options.lastYear)).map((r) => r.metric));
    await mkdir(join(out, 'content', province.id), { recursive: true });
    await writeFile(join(out, 'content', province.id, `${options.lastYear}.md`), synthNarrative(province, options.lastYear, reported, sourceId(province.id, options.lastYear)));
  }
  await writeFile(join(out, 'data/units.csv'), units);
  await writeFile(join(out, 'data/sources.csv'), sources);
  await writeFile(join(out, 'content/site.md'), `---\nsynthetic: true\nnotice: ${syntheticNotice}\n---\n\n本数据集由 npm run synth 生成，用于演示和性能测试，所有数字均为虚构。\n`);
  return { rows, tables, tableRows };
}
