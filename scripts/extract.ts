/**
 * npm run extract -- FILE --province ID --period P [--source ID] [--out FILE] [--against DIR]
 * Reads a review's text (Simplified or Traditional) and proposes candidate rows in data
 * format v1, each with its quote, value, qualifier, measure word, metric and confidence.
 * With --against DIR it says which candidates are new, match or disagree with DIR's rows.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/build/buildSite.ts';
import { compareWithData } from '../src/lib/extract/compare.ts';
import { candidatesCsv, extractCandidates } from '../src/lib/extract/extract.ts';
import { PeriodSchema } from '../src/lib/schema/period.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';
import { didYouMean, NameIndex } from '../src/lib/names.ts';
import { readWholeText } from '../src/load/textStream.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    province: { type: 'string' },
    period: { type: 'string' },
    source: { type: 'string' },
    out: { type: 'string' },
    against: { type: 'string' },
    data: { type: 'string', default: join(projectRoot, 'data') },
  },
});
const fail = (message: string): never => {
  console.error(`extract: ${message}`);
  process.exit(2);
};
const [file] = positionals;
if (!file) fail('give the review text: npm run extract -- FILE --province ID --period P');
if (!values.province || !values.period) fail('give --province ID and --period P (2020 or 2019-2020)');
if (!PeriodSchema.safeParse(values.period).success) fail(`'${values.period}' is not a period: write 2020 or 2019-2020`);
if (!existsSync(resolve(file as string))) fail(`there is no file ${file}`);
if (values.against && !existsSync(join(resolve(values.against), 'metrics.csv'))) fail(`${values.against} is not a data folder: it has no metrics.csv`);
const text = await readWholeText(resolve(file as string)).catch((error: Error) => fail(error.message));

const dictionary = await loadDataSet({ dataDir: resolve(values.data), contentDir: join(resolve(values.data), 'no-content') });
const provinces = new NameIndex(dictionary.dataSet.provinces.map((p) => ({ id: p.id, label: p.name, names: [p.name, p.name_hant], item: p })));
const province = provinces.resolve(values.province ?? '')?.item;
if (!province) fail(`unknown province '${values.province}' - ${didYouMean(provinces, values.province ?? '', 'data/provinces.csv')}`);

const candidates = extractCandidates(text as string, {
  province: province!.id,
  period: values.period as string,
  source: values.source ?? `${province!.id}-${values.period}`,
  metrics: dictionary.dataSet.metrics,
});
const csv = candidatesCsv(candidates);
if (values.out) writeFileSync(resolve(values.out), csv);

if (values.against) {
  const { dataSet } = await loadDataSet({ dataDir: resolve(values.against), contentDir: join(resolve(values.against), 'no-content') });
  const compared = compareWithData(candidates, dataSet.observations, dataSet.metrics);
  for (const status of ['disagrees', 'matches', 'new'] as const) {
    const rows = compared.filter((c) => c.status === status);
    console.log(`${{ disagrees: '与已有数据不符', matches: '与已有数据一致', new: '新数字' }[status]} (${status}): ${rows.length}`);
    for (const { candidate: c, existing } of rows) {
      const was = existing ? `  已有：${existing.written}（${existing.id}）` : '';
      console.log(`  ${c.metric || '（未定指标）'} ${c.period} ${c.value}${c.measure_word}  「${c.quote}」${was}`);
    }
  }
} else if (!values.out) {
  process.stdout.write(csv);
}
console.error(`${candidates.length} candidates, ${candidates.filter((c) => c.confidence === 'high').length} with a sure metric${values.out ? `, written to ${values.out}` : ''}${values.source ? '' : `; add source '${province!.id}-${values.period}' to sources.csv or give --source`}`);
