/**
 * Progress of a long build: on a terminal one line that updates in place
 * (stage, done of total, time so far); elsewhere (CI logs) one plain line per
 * stage when it ends. In Chinese, each stage also says what it does; in English
 * (`en`) the lines are those of before.
 */
import type { Language } from '../lib/problems.ts';

export interface Progress {
  stage(name: string, total?: number): void;
  tick(count?: number): void;
  done(): void;
}


export interface StageTime {
  name: string;
  seconds: number;
}

interface StageWords {
  /** Its name, 页面. */
  name: string;
  /** What it does, for the line said when it ends. */
  does: string;
  /** What its count counts: 126/126页, 936个文件. */
  counted(count: number, total: number | undefined): string;
}

const outOf = (count: number, total: number | undefined) => (total === undefined ? `${count}` : `${count}/${total}`);

/** The stages of a build (src/build/buildSite.ts names them in English), in Chinese. */
const stagesZh: Readonly<Record<string, StageWords>> = {
  pages: { name: '页面', does: '生成网站的每个页面', counted: (count, total) => `${outOf(count, total)}页` },
  // Counted: every file of the site looked at, whether converted here, copied, or converted already as it rendered.
  'traditional edition': { name: '繁体版', does: '逐个查看网站的文件，补齐 zh-Hant/ 下的繁体版：页面转成繁体，其余文件复制', counted: (count) => `查看了${count}个文件` },
  'data package': { name: '数据包', does: '写出开放数据包 data/package/', counted: outOf },
  'search index': { name: '搜索索引', does: '写出全文搜索的索引 search/', counted: outOf },
  publish: { name: '发布', does: '用新网站替换输出文件夹', counted: outOf },
};

const wordsOf = (name: string): StageWords => stagesZh[name] ?? { name, does: '', counted: outOf };

/** Progress on the console that also remembers how long each finished stage took (for npm run bench). */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr, language: Language = 'zh'): Progress & { stages(): StageTime[] } {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let name = '';
  let total: number | undefined;
  let count = 0;
  let stageStarted = started;
  let lastDraw = 0;
  const finished: StageTime[] = [];
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  const draw = () => {
    const of = outOf(count, total);
    stream.write(language === 'en' ? `\r\u001b[2K${name} ${of} · ${seconds(started)} s` : `\r\u001b[2K${wordsOf(name).name} ${of} · ${seconds(started)}秒`);
  };
  const finish = () => {
    if (!name) return;
    const uncounted = total === undefined && count === 0;
    const counted = uncounted ? '' : ` ${outOf(count, total)}`;
    finished.push({ name, seconds: Number(seconds(stageStarted)) });
    const words = wordsOf(name);
    const line =
      language === 'en'
        ? `stage ${name}${counted} in ${seconds(stageStarted)} s (${seconds(started)} s in all)`
        : `阶段 ${words.name}${words.does ? `（${words.does}）` : ''}：${uncounted ? '' : `${words.counted(count, total)}，`}用时${seconds(stageStarted)}秒（累计${seconds(started)}秒）`;
    stream.write(tty ? `\r\u001b[2K${line}\n` : `${line}\n`);
    name = '';
  };
  return {
    stage(next, nextTotal) {
      finish();
      name = next;
      total = nextTotal;
      count = 0;
      stageStarted = Date.now();
      if (tty) draw();
    },
    tick(step = 1) {
      count += step;
      if (tty && Date.now() - lastDraw > 100) {
        lastDraw = Date.now();
        draw();
      }
    },
    done: finish,
    stages: () => [...finished],
  };
}
