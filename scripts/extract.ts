/**
 * npm run extract -- FILE --province ID --period P [--source ID] [--out FILE] [--against DIR] [--lang en]
 * Reads a review's text (Simplified or Traditional) and proposes candidate rows in data
 * format v1, each with its quote, value, qualifier, measure word, metric and confidence.
 * With --against DIR it says which candidates are new, match or disagree with DIR's rows.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/build/buildSite.ts';
import { commandOptions, errorMessage, say } from '../src/cli/options.ts';
import { compareWithData } from '../src/lib/extract/compare.ts';
import { candidatesCsv, extractCandidates } from '../src/lib/extract/extract.ts';
import { PeriodSchema } from '../src/lib/schema/period.ts';
import { loadDataSet } from '../src/load/loadDataSet.ts';
import { didYouMean } from '../src/lib/names.ts';
import { provinceIndexOf } from '../src/lib/provinceNames.ts';
import { readWholeText } from '../src/load/textStream.ts';

const options = {
  province: { type: 'string' },
  period: { type: 'string' },
  source: { type: 'string' },
  out: { type: 'string' },
  against: { type: 'string' },
  data: { type: 'string', default: join(projectRoot, 'data') },
} as const;
const { values, positionals, lang } = commandOptions('extract', options, true);
const fail = (zh: string, en: string): never => {
  console.error(say(lang, `extract：${zh}`, `extract: ${en}`));
  process.exit(2);
};
const [file] = positionals;
if (!file) fail('请给出综述原文的文件：npm run extract -- 文件 --province 省份 --period 期间', 'give the review text: npm run extract -- FILE --province ID --period P');
if (!values.province || !values.period) fail('请给出 --province 省份 和 --period 期间（2020 或 2019-2020）', 'give --province ID and --period P (2020 or 2019-2020)');
if (!PeriodSchema.safeParse(values.period).success) fail(`“${values.period}”不是期间：请写 2020 或 2019-2020`, `'${values.period}' is not a period: write 2020 or 2019-2020`);
if (!existsSync(resolve(file as string))) fail(`找不到文件 ${file}`, `there is no file ${file}`);
if (values.against && !existsSync(join(resolve(values.against), 'metrics.csv'))) fail(`${values.against} 不是数据文件夹：里面没有 metrics.csv`, `${values.against} is not a data folder: it has no metrics.csv`);
const text = await readWholeText(resolve(file as string)).catch((error: unknown) => fail(errorMessage(error, 'zh'), errorMessage(error, 'en')));

const dictionary = await loadDataSet({ dataDir: resolve(values.data), contentDir: join(resolve(values.data), 'no-content') });
// By id, short or full name (四川, 四川省), in either script, as the data's province column.
const provinces = provinceIndexOf(dictionary.dataSet.provinces);
const province = provinces.resolve(values.province ?? '')?.item;
if (!province) {
  const named = values.province ?? '';
  fail(`找不到省份“${named}” —— ${didYouMean(provinces, named, 'data/provinces.csv', 'zh')}`, `unknown province '${named}' - ${didYouMean(provinces, named, 'data/provinces.csv')}`);
}

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
const sure = candidates.filter((c) => c.confidence === 'high').length;
const sourceId = `${province!.id}-${values.period}`;
console.error(
  say(
    lang,
    `找到${candidates.length}个候选数字，其中${sure}个的指标有把握${values.out ? `，已写入 ${values.out}` : ''}${values.source ? '' : `；请把来源“${sourceId}”加入 sources.csv，或者用 --source 指定`}`,
    `${candidates.length} candidates, ${sure} with a sure metric${values.out ? `, written to ${values.out}` : ''}${values.source ? '' : `; add source '${sourceId}' to sources.csv or give --source`}`,
  ),
);
