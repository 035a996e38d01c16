import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/lib/ingest/catalog.ts';
import { files, testCatalog, metricsCsv, provincesCsv, sourcesCsv, table, unitsCsv } from '../../helpers/tables.ts';

function problemsOf(overrides: Partial<Record<'provinces' | 'units' | 'metrics' | 'sources', string>>) {
  return buildCatalog({
    provinces: table(files.provinces, overrides.provinces ?? provincesCsv),
    units: table(files.units, overrides.units ?? unitsCsv),
    metrics: table(files.metrics, overrides.metrics ?? metricsCsv),
    sources: table(files.sources, overrides.sources ?? sourcesCsv),
  }).problems;
}

describe('buildCatalog', () => {
  it('reads the reference tables without problems', () => {
    const { catalog, problems } = buildCatalog({
      provinces: table(files.provinces, provincesCsv),
      units: table(files.units, unitsCsv),
      metrics: table(files.metrics, metricsCsv),
      sources: table(files.sources, sourcesCsv),
    });
    expect(problems).toEqual([]);
    expect(catalog.provinces).toHaveLength(3);
    expect(catalog.units.find((u) => u.id === 'gaoyuan')?.aliases).toEqual(['省高院', '海南省高级人民法院']);
    expect(catalog.unitIndexes.get('hainan')?.resolve('省高院')?.id).toBe('gaoyuan');
    expect(catalog.sources[0]?.period).toEqual({ id: '2020', start: 2020, end: 2020, years: 1 });
  });

  it('rejects ids that are not [a-z0-9-]', () => {
    const problems = problemsOf({ provinces: `${provincesCsv}\n../../etc,坏,壞,省\nHeBei,河北,河北,省` });
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['invalid-field', 5, 1],
      ['invalid-field', 6, 1],
    ]);
  });

  it('refuses a province id the site gives one of its own pages or folders, in both languages', () => {
    const problems = problemsOf({ provinces: `${provincesCsv}\nsearch,搜索省,搜索省,省\ndata,数据省,數據省,省\nsearchers,某省,某省,省` });
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['invalid-field', 5, 1],
      ['invalid-field', 6, 1],
    ]);
    expect(problems[0]?.zh.message).toContain('不能与网站自身的页面或文件夹同名');
    expect(problems[0]?.message).toContain('search');
  });

  it('names a unit whose province does not exist, with a suggestion', () => {
    const problems = problemsOf({ units: `${unitsCsv}\nx,hainam,某单位,,` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unknown-province', file: 'data/units.csv', line: 5, column: 2 });
    expect(problems[0]?.hint).toBe('did you mean hainan (海南)?');
  });

  it('checks ratio metrics: parts must exist and be counts, unit must be %', () => {
    const problems = problemsOf({
      metrics: `${metricsCsv}
bad-rate,比率,比率,branches,个,ratio,branches-compliant,,x,
other-rate,比率二,比率二,branches,%,ratio,branch-compliance-rate,branches-totl,x,
count,数,數,branches,个,flow,branches-total,,x,`,
    });
    const messages = problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(messages).toEqual([
      "9:8 denominator '': a ratio has both a numerator and a denominator metric, or neither (a stated share)",
      "9:5 unit '个': a ratio is measured in %, and only a ratio is",
      "11:7 numerator 'branches-total': only a ratio has a numerator; leave it empty for a flow",
      "10:7 numerator 'branch-compliance-rate' is itself a ratio",
      "10:8 unknown denominator metric 'branches-totl'",
    ]);
  });

  it('reads the optional columns counts, family and per_branch, and checks a family counts alike', () => {
    const problems = problemsOf({
      metrics: `id,name,name_hant,category,unit,kind,numerator,denominator,definition,aliases,counts,family,per_branch
cases-filed,立案,立案,cases,件,flow,,,立案件数,,cases,case-pipeline,yes
sanctions,处分,處分,cases,人次,flow,,,处分人次,,attendances,case-pipeline,yes
coverage,覆盖率,覆蓋率,other,%,ratio,,,文章给出的覆盖率,,share,,
money,金额,金額,funds,万元,flow,,,金额,,items,,`,
    });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['5:11 invalid-field', '3:12 family-mismatch']);
    expect(problems[1]?.message).toBe('sanctions counts attendances in 人次 (flow), but cases-filed of the family \'case-pipeline\' counts cases in 件 (flow)');
    const metrics = testCatalog({
      metrics: `id,name,name_hant,category,unit,kind,numerator,denominator,definition,aliases,counts,family,per_branch
a,甲,甲,other,个,flow,,,甲,,organisations,,yes
b,乙,乙,other,名,flow,,,乙,,,,`,
    }).metrics;
    expect(metrics.map((m) => [m.counts, m.per_branch])).toEqual([['organisations', true], ['people', false]]);
  });

  it('reports missing columns and duplicate ids', () => {
    const missing = problemsOf({ sources: 'id,province,title\nx,hainan,t' });
    expect(missing[0]).toMatchObject({ code: 'missing-column', line: 1 });
    expect(missing[0]?.message).toContain("'period'");
    const duplicate = problemsOf({ provinces: `${provincesCsv}\nhainan,海南,海南,省` });
    expect(duplicate[0]).toMatchObject({ code: 'duplicate-id', line: 5 });
  });
});
