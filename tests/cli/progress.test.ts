import { describe, expect, it } from 'vitest';
import { consoleProgress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('build progress', () => {
  it('writes one plain line per stage when the output is not a terminal, saying in Chinese what each stage did', () => {
    const { written, stream: out } = stream(false);
    const progress = consoleProgress(out);
    progress.stage('pages', 3);
    progress.tick();
    progress.tick();
    progress.tick();
    progress.stage('traditional edition');
    progress.tick(936);
    progress.stage('data package');
    progress.stage('tables');
    progress.done();
    expect(written).toHaveLength(4);
    expect(written[0]).toMatch(/^阶段 页面（生成网站的每个页面）：3\/3页，用时\d+\.\d秒（累计\d+\.\d秒）\n$/u);
    expect(written[1]).toMatch(/^阶段 繁体版（逐个查看网站的文件，补齐 zh-Hant\/ 下的繁体版：页面转成繁体，其余文件复制）：查看了936个文件，用时/u);
    expect(written[2]).toMatch(/^阶段 数据包（写出开放数据包 data\/package\/）：用时/u);
    // A stage it has no words for is named as the build names it.
    expect(written[3]).toMatch(/^阶段 tables：用时/u);
    expect(progress.stages().map((s) => s.name)).toEqual(['pages', 'traditional edition', 'data package', 'tables']);
    expect(progress.stages().every((s) => s.seconds >= 0)).toBe(true);
  });

  it('writes the lines of before in English', () => {
    const { written, stream: out } = stream(false);
    const progress = consoleProgress(out, 'en');
    progress.stage('pages', 3);
    progress.tick(3);
    progress.stage('tables');
    progress.done();
    expect(written[0]).toMatch(/^stage pages 3\/3 in \d+\.\d s \(\d+\.\d s in all\)\n$/u);
    expect(written[1]).toMatch(/^stage tables in /u);
  });

  it('redraws one line in place on a terminal', () => {
    const { written, stream: out } = stream(true);
    const progress = consoleProgress(out);
    progress.stage('pages', 10);
    expect(written[0]).toMatch(/^\r\u001b\[2K页面 0\/10 · \d+\.\d秒$/u);
    progress.done();
    expect(written.at(-1)).toMatch(/^\r\u001b\[2K阶段 页面（生成网站的每个页面）：0\/10页，用时/u);
    const english = stream(true);
    const inEnglish = consoleProgress(english.stream, 'en');
    inEnglish.stage('pages', 10);
    expect(english.written[0]).toMatch(/^\r\u001b\[2Kpages 0\/10 · \d+\.\d s$/u);
    inEnglish.done();
    expect(english.written.at(-1)).toMatch(/^\r\u001b\[2Kstage pages 0\/10 in/u);
  });
});
