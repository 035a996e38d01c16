/**
 * The commands a keeper of the data runs, and what each does, in Chinese and English: listed by
 * `npx zongshu` (scripts/zongshu.mjs) and said by each command asked `--help` or `-h`. Plain
 * JavaScript, as the `zongshu` command runs without TypeScript's loader.
 */

/** Name, what it does in Chinese, in English; each runs from scripts/NAME.ts. @type {Array<[string, string, string]>} */
export const commands = [
  ['check', '读取并检查 data/ 和 content/，列出所有问题（--json 输出 JSON，--strict 警告也算错误）', 'reads and checks data/ and content/ and lists every problem (--json for JSON, --strict: warnings count as errors)'],
  ['build', '检查数据并生成网站，写到 dist/（--data、--content、--out 指定文件夹）', 'checks the data and builds the site into dist/ (--data, --content, --out name the folders)'],
  ['dev', '在 http://localhost:4321 预览网站，改动后自动刷新（--data、--content 指定文件夹）', 'serves the site on http://localhost:4321 and reloads on every change (--data, --content name the folders)'],
  ['preview', '在 http://localhost:4321 预览已生成的网站（--out 文件夹，--port 端口），搜索也能用', 'serves the built site on http://localhost:4321 (--out DIR, --port N), search included'],
  ['archive', '把生成的网站打包成 archives/zongshu-site.tar.gz 并核验（--verify 文件：只核验）', 'writes archives/zongshu-site.tar.gz of the built site and verifies it (--verify FILE: verifies only)'],
  ['extract', '从综述原文中找出候选数字行（文件 --province 省份 --period 期间）', "proposes candidate rows from a review's text (FILE --province ID --period P)"],
  ['synth', '生成全国示例数据集（--out 文件夹；规模默认 --provinces 31 --years 10 --units 80，--seed 定随机数）', 'writes a synthetic national data set (--out DIR; by default --provinces 31 --years 10 --units 80, --seed N for the random numbers)'],
  ['demo', '生成全国示例网站并在 http://localhost:4322 预览（--port 端口）', 'builds the synthetic national site and serves it on http://localhost:4322 (--port N)'],
];

/**
 * Commands for those who work on zongshu itself: said by `--help` as the others are, not listed by `npx zongshu`.
 * @type {Array<[string, string, string]>}
 */
const developerCommands = [
  ['bench', '在全国示例数据集上测量读入、完整生成、改动后的增量生成、内存和网站大小，写到 bench/results.json（--quick：小数据集，写到 bench/results-quick.json）', 'measures loading, the full build, incremental builds after edits, memory and site size on the synthetic national data set, into bench/results.json (--quick: a small data set, into bench/results-quick.json)'],
];

/** @param {boolean} english */
const languageLine = (english) => (english ? 'Every command speaks Chinese; --lang en makes it speak English.' : '所有命令默认输出中文；加 --lang en 输出英文。');

/** The list of commands. @param {boolean} english */
export function usage(english) {
  const width = Math.max(...commands.map(([name]) => name.length));
  const lines = commands.map(([name, zh, en]) => `  ${name.padEnd(width)}  ${english ? en : zh}`);
  return english
    ? ['zongshu: the static site of the party-building reviews (机关党建工作综述)', '', 'usage: npx zongshu COMMAND [options]', '', 'commands:', ...lines, '', languageLine(true)].join('\n')
    : ['zongshu：把机关党建工作综述的数字生成静态网站', '', '用法：npx zongshu 命令 [选项]', '', '命令：', ...lines, '', languageLine(false)].join('\n');
}

/**
 * What one command does and how it is run; undefined for a script not in the list.
 * @param {string} name
 * @param {boolean} english
 * @returns {string | undefined}
 */
export function commandUsage(name, english) {
  const command = [...commands, ...developerCommands].find(([named]) => named === name);
  if (!command) return undefined;
  const [, zh, en] = command;
  return english
    ? [`npm run ${name} -- [options]   (or: npx zongshu ${name} [options])`, '', `${name} ${en}`, '', languageLine(true)].join('\n')
    : [`用法：npm run ${name} -- [选项]（或 npx zongshu ${name} [选项]）`, '', `${name}：${zh}`, '', languageLine(false)].join('\n');
}
