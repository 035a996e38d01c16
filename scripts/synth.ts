/**
 * npm run synth -- [--provinces 31] [--years 10] [--units 80] [--last-year 2024] [--seed N] --out DIR [--lang en]
 * Writes a synthetic national data set (data/ and content/) in data format v1.
 */
import { resolve } from 'node:path';
import { commandOptions, errorMessage, say } from '../src/cli/options.ts';
import { writeSyntheticDataSet } from '../src/cli/synth.ts';
import { defaultSynthOptions } from '../src/lib/synth/national.ts';

const { values, lang } = commandOptions('synth', {
  provinces: { type: 'string' },
  years: { type: 'string' },
  units: { type: 'string' },
  'last-year': { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
});
if (!values.out) {
  console.error(say(lang, 'synth：请用 --out 文件夹 指定写到哪里', 'synth: give the folder to write with --out DIR'));
  process.exit(2);
}
const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number.parseInt(text, 10));
const options = {
  provinces: Math.min(31, number(values.provinces, defaultSynthOptions.provinces)),
  years: number(values.years, defaultSynthOptions.years),
  units: number(values.units, defaultSynthOptions.units),
  lastYear: number(values['last-year'], defaultSynthOptions.lastYear),
  seed: number(values.seed, defaultSynthOptions.seed),
};
const started = Date.now();
let written: Awaited<ReturnType<typeof writeSyntheticDataSet>>;
try {
  written = await writeSyntheticDataSet(resolve(values.out), options);
} catch (error) {
  console.error(`synth${say(lang, '：', ': ')}${errorMessage(error, lang)}`);
  process.exit(2);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  say(
    lang,
    `已把${written.rows}行观测数据（其中${written.tableRows}行在${written.tables}张单位报表里）写到 ${values.out}：${options.provinces}个省份、${options.years}年、每省${options.units}个单位，用时${seconds}秒`,
    `wrote ${written.rows} observation rows (${written.tableRows} of them in ${written.tables} unit-return tables) for ${options.provinces} provinces, ${options.years} years and ${options.units} units to ${values.out} in ${seconds} s`,
  ),
);
