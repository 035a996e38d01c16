import { describe, expect, it } from 'vitest';
import { consoleProgress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('build progress', () => {
  it('writes one plain line per stage when the output is not a terminal', () => {
    const { written, stream: out } = stream(false);
    const progress = consoleProgress(out);
    progress.stage('pages', 3);
    progress.tick();
    progress.tick();
    progress.tick();
    progress.stage('tables');
    progress.done();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^stage pages 3\/3 in \d+\.\d s \(\d+\.\d s in all\)\n$/u);
    expect(written[1]).toMatch(/^stage tables in /u);
    expect(progress.stages().map((s) => s.name)).toEqual(['pages', 'tables']);
    expect(progress.stages().every((s) => s.seconds >= 0)).toBe(true);
  });

  it('redraws one line in place on a terminal', () => {
    const { written, stream: out } = stream(true);
    const progress = consoleProgress(out);
    progress.stage('pages', 10);
    expect(written[0]).toMatch(/^\r\u001b\[2Kpages 0\/10 · \d+\.\d s$/u);
    progress.done();
    expect(written.at(-1)).toMatch(/^\r\u001b\[2Kstage pages 0\/10 in/u);
  });
});
