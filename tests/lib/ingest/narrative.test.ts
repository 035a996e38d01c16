import { describe, expect, it } from 'vitest';
import { readNarrative } from '../../../src/lib/ingest/narrative.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { testCatalog } from '../../helpers/tables.ts';

const catalog = testCatalog();

function read(text: string, provinceDir = 'hainan', periodName = '2020') {
  const problems: Problem[] = [];
  const narrative = readNarrative({ file: `content/${provinceDir}/${periodName}.md`, provinceDir, periodName, text }, catalog, 'data/sources.csv', problems);
  return { narrative, problems };
}

const front = '---\ntitle: 综述\nsource: hainan-2020\npublished: 2021-01-05\n---\n';

describe('readNarrative', () => {
  it('reads front matter and placeholders with their positions', () => {
    const { narrative, problems } = read(`${front}\n第一段。\n\n达标{{branches-compliant}}，其中{{cases-filed@gaoyuan}}。{{#row-7}}\n`);
    expect(problems).toEqual([]);
    expect(narrative?.title).toBe('综述');
    expect(narrative?.published).toBe('2021-01-05');
    expect(narrative?.period.id).toBe('2020');
    expect(narrative?.references).toEqual([
      { metric: 'branches-compliant', unit: null, row: null, line: 9, column: 3, text: '{{branches-compliant}}' },
      { metric: 'cases-filed', unit: 'gaoyuan', row: null, line: 9, column: 28, text: '{{cases-filed@gaoyuan}}' },
      { metric: '', unit: null, row: 'row-7', line: 9, column: 52, text: '{{#row-7}}' },
    ]);
  });

  it('fails unknown references with file, line and a suggestion', () => {
    const { narrative, problems } = read(`${front}正文\n{{branches-complaint}} 和 {{cases-filed@gaoyuna}} 和 {{ 坏 }}\n`);
    expect(narrative).toBeUndefined();
    expect(problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['unknown-reference', 'content/hainan/2020.md', 7, 1],
      ['unknown-reference', 'content/hainan/2020.md', 7, 26],
      ['malformed-reference', 'content/hainan/2020.md', 7, 52],
    ]);
    expect(problems[0]?.hint).toBe('did you mean branches-compliant (达标党支部数)?');
    expect(problems[1]?.hint).toBe('did you mean gaoyuan (省高级人民法院)?');
  });

  it('checks the folder, the file name and the front matter', () => {
    const { problems } = read('---\ntitle: ""\nsource: hainan-2021\n---\n正文', 'hainam', '2020年');
    expect(problems.map((p) => p.code)).toEqual(['unknown-province', 'invalid-period', 'invalid-front-matter']);
    const unknownSource = read('---\ntitle: t\nsource: hainan-2021\n---\n正文').problems;
    expect(unknownSource.map((p) => p.code)).toEqual(['unknown-source']);
  });
});
