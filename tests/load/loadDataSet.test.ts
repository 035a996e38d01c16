import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { pageContext } from '../../src/lib/pages/context.ts';
import { figureDisplay } from '../../src/lib/pages/views.ts';
import { rowAnchor, rowLabel } from '../../src/lib/site/paths.ts';
import { ObservationSchema, type Observation } from '../../src/lib/schema/observation.ts';
import { fixtureSite, repoRoot } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';
import { corpusCase } from '../helpers/corpusCase.ts';

const tempDir = useTempDir();

describe('loadDataSet on the bundled data', () => {
  it('has no errors, and warns about exactly the inconsistencies the five texts contain', async () => {
    const { dataSet, problems, files } = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const where = (p: (typeof problems)[number]) => `${p.file.split('/').at(-1)}:${p.line}:${p.column} ${p.code}`;
    expect(problems.map(where).sort()).toEqual([
      // 73 named in 2022 (no scope given) and 73 as the running total 截至目前 of three levels of organs.
      'guangxi-2022.csv:17:5 cumulative-not-above-period',
      // Model organs in four scopes or kinds of time.
      'guangxi-2022.csv:6:5 scopes-differ',
      // 11 organisations before the adjustment, 7 after.
      'hainan-2020.csv:112:5 scopes-differ',
      // Sales at the fairs and by units' group purchases.
      'hainan-2020.csv:13:5 scopes-differ',
      // Organising awards of research, of the 椰树杯 contest and of the sports day.
      'hainan-2020.csv:37:5 scopes-differ',
      // 其中 7.9万 views and 9.2万 watches of 13.9万 reposts.
      'hainan-2020.csv:39:5 stated-parts-exceed-whole',
      // 2387 of 2824 branches is 84.5%, the text says 89%.
      'hainan-2020.csv:44:5 stated-ratio-differs',
      // Research by the committee and by the union federation.
      'hainan-2020.csv:71:5 scopes-differ',
      'hainan-2020.csv:73:5 scopes-differ',
      'hainan-2020.csv:74:5 scopes-differ',
      // 8117 members at the front, 167 of them in Hubei.
      'hainan-2020.csv:7:5 scopes-differ',
      // 警示教育762场次, 组织观看警示教育片460场、案例剖析会345次、以案促改活动182次: 987.
      'hainan-2020.csv:81:5 stated-parts-exceed-whole',
      // The talent pool: provincial units and cities; 64 in 2022 and 142 in all.
      'henan-2024.csv:5:5 scopes-differ',
      'henan-2024.csv:7:5 scopes-differ',
      // 6280 branches rated in 2021, 6000多 branches 含直属单位 in 2022.
      'jiangsu-2022.csv:4:5 related-figures-differ',
      // Training classes of the committee and of discipline staff.
      'qinghai-2019-2020.csv:28:5 scopes-differ',
      // 312.8万元 for visits, 391万元 for the anniversary.
      'qinghai-2019-2020.csv:31:5 scopes-differ',
      // The 2019 anniversary commendation and the 2020 epidemic commendation.
      'qinghai-2019-2020.csv:34:5 scopes-differ',
      'qinghai-2019-2020.csv:36:5 scopes-differ',
      // Union funds for one campaign and in all.
      'qinghai-2019-2020.csv:5:5 scopes-differ',
    ]);
    const rate = problems.find((p) => p.code === 'stated-ratio-differs');
    expect(rate?.message).toContain('89%');
    expect(rate?.message).toContain('84.5%');
    expect(dataSet.provinces).toHaveLength(31);
    expect(dataSet.narratives.map((n) => `${n.province}/${n.period.id}`).sort()).toEqual([
      'guangxi/2022',
      'hainan/2020',
      'henan/2020-2024',
      'jiangsu/2021-2022',
      'qinghai/2019-2020',
    ]);
    for (const f of files) expect(f.rows).toBe(f.accepted + f.rejected);
    expect(files.every((f) => f.rejected === 0)).toBe(true);
  });

  it('reads folders named as a user writes them (./content, content/) as it reads them named in full', async () => {
    const from = (folder: string) => relative(process.cwd(), join(repoRoot, folder));
    const full = await loadDataSet({ dataDir: join(repoRoot, 'data'), contentDir: join(repoRoot, 'content') });
    for (const [dataDir, contentDir] of [[`./${from('data')}`, `./${from('content')}`], [`${from('data')}/`, `${from('content')}/`]] as const) {
      const given = await loadDataSet({ dataDir, contentDir });
      expect(given.problems.filter((p) => p.severity === 'error'), `${dataDir} ${contentDir}`).toEqual([]);
      expect(given.dataSet.narratives.map((n) => `${n.province}/${n.period.id}`)).toEqual(full.dataSet.narratives.map((n) => `${n.province}/${n.period.id}`));
      expect(given.dataSet.observations.length).toBe(full.dataSet.observations.length);
    }
  });
});

describe('loadDataSet on a broken copy', () => {
  it('reports one clear message per problem: unknown province, unreadable value, missing source, duplicate row', async () => {
    const dir = tempDir();
    cpSync(join(fixtureSite, 'data'), join(dir, 'data'), { recursive: true });
    const file = join(dir, 'data/observations/sample.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] as string).replace('hainan,', 'hainann,');
    lines[2] = (lines[2] as string).replace(',2387,', ',两三千,');
    lines[4] = (lines[4] as string).replace(',hainan-2020,', ',hainan-2017,');
    lines.splice(7, 0, lines[6] as string);
    writeFileSync(file, lines.join('\n'));

    const { problems, files } = await loadDataSet({ dataDir: join(dir, 'data'), contentDir: join(dir, 'content') });
    const where = (p: (typeof problems)[number]) => `${p.code} ${p.line}:${p.column}`;
    expect(problems.map(where)).toEqual(['unknown-province 2:1', 'unreadable-value 3:5', 'unknown-source 5:7', 'duplicate-row 8:5']);
    expect(problems.every((p) => p.severity === 'error' && p.file.endsWith('sample.csv') && p.hint)).toBe(true);
    expect(problems[0]?.hint).toBe('did you mean hainan (海南)?');
    expect(problems[1]?.message).toContain("'两三千'");
    expect(problems[3]?.message).toContain(':7');
    expect(files.find((f) => f.file.endsWith('sample.csv'))).toMatchObject({ rows: 8, accepted: 4, rejected: 4 });
  });

  it('reports missing reference files without stopping', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const { problems } = await loadDataSet({ dataDir: join(dir, 'empty'), contentDir: join(dir, 'none') });
    expect(problems.filter((p) => p.code === 'missing-file').map((p) => p.file.split('/').at(-1))).toEqual([
      'provinces.csv',
      'units.csv',
      'metrics.csv',
      'sources.csv',
    ]);
  });

  it('says once that a data folder is not there, not each of its files and every reference of the narratives to them', async () => {
    const dir = tempDir();
    const { problems, dataSet } = await loadDataSet({ dataDir: join(dir, 'nothing'), contentDir: join(fixtureSite, 'content') });
    expect(problems.map((p) => [p.code, p.severity, p.zh?.message])).toEqual([['missing-data-folder', 'error', '数据文件夹不存在']]);
    expect(problems[0]?.file.endsWith('nothing')).toBe(true);
    expect(dataSet.observations).toEqual([]);
  });
});

describe('loadDataSet on a unit-return table', () => {
  it('records each row by its path within the data folder, as observation files are, whatever path the folder was given by', async () => {
    const dir = tempDir();
    const folders = corpusCase(dir, '52-wide-table');
    const { dataSet, problems } = await loadDataSet(folders);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const fromTable = dataSet.observations.filter((o) => o.at.file.endsWith('tables/hainan/2020.csv'));
    expect(fromTable.length).toBeGreaterThan(0);
    // Pages show this path: the folder the data were read from must not leak into them.
    expect(new Set(fromTable.map((o) => o.at.dataFile))).toEqual(new Set(['tables/hainan/2020.csv']));
  });

  it('reads a cell as its row and heading say, every field as the file gives it, whatever form keeps it in memory', async () => {
    const dir = tempDir();
    const folders = corpusCase(dir, '52-wide-table');
    const { dataSet } = await loadDataSet(folders);
    const row = dataSet.observations.filter((o) => o.at.dataFile === 'tables/hainan/2020.csv' && o.at.line === 3).sort((a, b) => a.at.column - b.at.column);
    const shared = { province: 'hainan', unit: 'gonganting', source: 'table-hainan-2020', note: '含轮训', rowId: null, partOf: null, scope: '', undated: false, measureWord: null };
    expect(row.map((o) => ({ ...Object.fromEntries(Object.keys(ObservationSchema.shape).map((k) => [k, o[k as keyof Observation]])), period: o.period.id }))).toEqual([
      { ...shared, id: 'tables/hainan/2020.csv:3:2', at: { file: row[0]?.at.file, dataFile: 'tables/hainan/2020.csv', line: 3, column: 2 }, period: '2020', metric: 'cases-filed', value: 7, step: 1, qualifier: 'exact', written: '7', quote: '省公安厅 立案 7', time: 'flow' },
      { ...shared, id: 'tables/hainan/2020.csv:3:3', at: { file: row[0]?.at.file, dataFile: 'tables/hainan/2020.csv', line: 3, column: 3 }, period: '2020', metric: 'training-attendance', value: 300, step: 1, qualifier: 'about', written: '约300', quote: '省公安厅 培訓人次 约300', time: 'flow' },
    ]);
  });

  it('keeps each cell of a table row a figure of its own: its id, its row label and what pages write, and its line its anchor', async () => {
    const dir = tempDir();
    const folders = corpusCase(dir, '52-wide-table');
    // 省公安厅's row: 立案 7 and 培訓人次 约300, two figures on one line.
    const { dataSet } = await loadDataSet(folders);
    const row = dataSet.observations.filter((o) => o.at.dataFile === 'tables/hainan/2020.csv' && o.at.line === 3);
    expect(row.map((o) => o.written).sort()).toEqual(['7', '约300']);
    for (const all of [dataSet.observations.map((o) => o.id), dataSet.observations.map((o) => rowLabel(o.at))]) {
      expect(new Set(all).size).toBe(all.length);
    }
    // A source page shows a table line by line: one anchor a line, never one shared by two lines.
    const lines = new Set(dataSet.observations.map((o) => `${o.at.dataFile}:${o.at.line}`));
    expect(new Set(dataSet.observations.map((o) => rowAnchor(o.at))).size).toBe(lines.size);
    expect(row.map((o) => rowLabel(o.at)).sort()).toEqual(['tables/hainan/2020.csv:3:2', 'tables/hainan/2020.csv:3:3']);
    const context = pageContext(dataSet);
    for (const o of row) {
      const figure = context.figures.get(o.province, o.unit, o.period, o.metric);
      const metric = context.metrics.get(o.metric);
      expect(figure && metric && figureDisplay(context, figure, metric), o.metric).toContain(o.written);
    }
  });
});
