import { describe, expect, it } from 'vitest';
import { aggregateFigures } from '../../../src/lib/aggregate/figures.ts';
import { figureIndexOf } from '../../../src/lib/aggregate/figureIndex.ts';
import { checkByGroup, checkCount, checkGroups, type GroupCheckCache, type GroupProblems } from '../../../src/lib/checks/groupChecks.ts';
import { checkMeasureWords } from '../../../src/lib/checks/measureWords.ts';
import { checkPartsAndWholes } from '../../../src/lib/checks/partsAndWholes.ts';
import { checkStatedParts } from '../../../src/lib/checks/statedParts.ts';
import { checkStatedRatios } from '../../../src/lib/checks/statedRatios.ts';
import { zhNamesOf } from '../../../src/lib/checks/zhNames.ts';
import { period } from '../../../src/lib/period.ts';
import type { Observation } from '../../../src/lib/schema/observation.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { observation } from '../../helpers/observation.ts';
import { testCatalog } from '../../helpers/tables.ts';

const catalog = testCatalog();
const names = zhNamesOf(catalog);

/** A row of `province`'s file at `line`, as loading gives it. */
function row(province: string, line: number, overrides: Partial<Observation>): Observation {
  const dataFile = `observations/${province}.csv`;
  return observation({ id: `${dataFile}:${line}`, at: { file: `data/${dataFile}`, dataFile, line, column: 5 }, province, source: `${province}-2020`, ...overrides });
}

/** Per province: a rate its parts do not give, a part over its whole, and a measure word its metric does not count in. */
function faultyRows(province: string): Observation[] {
  return [
    row(province, 2, { metric: 'branches-total', value: 100, written: '100' }),
    row(province, 3, { metric: 'branches-compliant', value: 120, written: '120' }),
    row(province, 4, { metric: 'branch-compliance-rate', value: 0.5, step: 0.001, written: '50%' }),
    row(province, 5, { metric: 'cases-filed', value: 7, written: '7', quote: '立案7人', measureWord: '人' }),
  ];
}

const observations = [...faultyRows('hainan'), ...faultyRows('jiangsu'), ...faultyRows('qinghai')];
const figures = aggregateFigures(observations, catalog.metrics);
const index = figureIndexOf(figures);

/** The four checks run on the whole data set at once, as before they ran by group. */
function wholeChecks(): Problem[] {
  const metricById = new Map(catalog.metrics.map((m) => [m.id, m]));
  return [
    ...checkStatedRatios(figures, index, catalog.metrics, observations, names),
    ...checkPartsAndWholes(figures, index, catalog.metrics, observations, names),
    ...checkMeasureWords(observations, metricById),
    ...checkStatedParts(observations, metricById, names),
  ];
}

const byPlace = (problems: readonly Problem[]) => problems.map((p) => JSON.stringify(p)).sort();

/** A cache in memory, its key the provinces and a version the test sets. */
function memoryCache() {
  const entries = new Map<string, GroupProblems>();
  const asked: string[] = [];
  let version = 'v1';
  const cache: GroupCheckCache = {
    key: (provinces) => `${version}:${provinces.join('+')}`,
    get: (key) => {
      asked.push(key);
      return entries.get(key);
    },
    set: (key, problems) => entries.set(key, problems),
  };
  return { cache, entries, asked, setVersion: (v: string) => (version = v) };
}

describe('checkGroups', () => {
  it('checks each province apart, in the order of their ids', () => {
    expect(checkGroups(observations)).toEqual([['hainan'], ['jiangsu'], ['qinghai']]);
  });

  it("ties the provinces of a source's rows together, however far apart they come", () => {
    const rows = [
      row('qinghai', 2, { source: 'qinghai-2020' }),
      row('hainan', 2, { source: 'hainan-2020' }),
      row('jiangsu', 2, { source: 'jiangsu-2020' }),
      row('hainan', 3, { source: 'qinghai-2020' }),
    ];
    expect(checkGroups(rows)).toEqual([['hainan', 'qinghai'], ['jiangsu']]);
    expect(checkGroups([...rows, row('jiangsu', 3, { source: 'hainan-2020' })])).toEqual([['hainan', 'jiangsu', 'qinghai']]);
  });
});

describe('checkByGroup', () => {
  it('finds every problem the checks find on the whole data set, check by check and province by province', () => {
    const whole = wholeChecks();
    const grouped = checkByGroup(figures, index, catalog.metrics, observations, names);
    expect(new Set(whole.map((p) => p.code))).toEqual(new Set(['stated-ratio-differs', 'part-exceeds-whole', 'measure-word']));
    expect(byPlace(grouped)).toEqual(byPlace(whole));
    // Within a check, Hainan's problems come before Jiangsu's, and those before Qinghai's.
    const ratios = grouped.filter((p) => p.code === 'stated-ratio-differs').map((p) => p.file);
    expect(ratios).toEqual(['data/observations/hainan.csv', 'data/observations/jiangsu.csv', 'data/observations/qinghai.csv']);
  });

  it('keeps each group\'s problems and takes them again while its key holds; a group whose key changed is checked again', () => {
    const { cache, entries, setVersion } = memoryCache();
    const first = checkByGroup(figures, index, catalog.metrics, observations, names, cache);
    expect([...entries.keys()]).toEqual(['v1:hainan', 'v1:jiangsu', 'v1:qinghai']);
    expect(entries.get('v1:jiangsu')?.length).toBe(checkCount);
    // What is kept is what is given: a kept problem the data no longer has would show through.
    const marker: Problem = { severity: 'warning', code: 'kept', file: 'data/observations/jiangsu.csv', message: 'kept', zh: { message: '沿用' } };
    entries.set('v1:jiangsu', [[marker], [], [], []]);
    const second = checkByGroup(figures, index, catalog.metrics, observations, names, cache);
    expect(second.filter((p) => p.code === 'kept')).toEqual([marker]);
    expect(second.filter((p) => p.file.endsWith('jiangsu.csv'))).toEqual([marker]);
    expect(byPlace(second.filter((p) => !p.file.endsWith('jiangsu.csv')))).toEqual(byPlace(first.filter((p) => !p.file.endsWith('jiangsu.csv'))));
    // Another key (changed rows, catalog or code) is not found: the group is checked from its rows again.
    setVersion('v2');
    expect(byPlace(checkByGroup(figures, index, catalog.metrics, observations, names, cache))).toEqual(byPlace(first));
  });

  it('checks the rows of a source of two provinces together: a row and the whole it names by id, in either province', () => {
    // A row of Jiangsu quoting Hainan's source names a row of Hainan as its whole: checked apart, that whole would not be found.
    const rows = [
      ...faultyRows('hainan'),
      row('hainan', 6, { metric: 'training-attendance', value: 500, written: '500', rowId: 'all' }),
      row('jiangsu', 2, { metric: 'training-attendance', value: 200, written: '200', source: 'hainan-2020', partOf: 'all' }),
      ...faultyRows('qinghai'),
    ];
    const rowFigures = aggregateFigures(rows, catalog.metrics);
    const rowIndex = figureIndexOf(rowFigures);
    const metricById = new Map(catalog.metrics.map((m) => [m.id, m]));
    const whole = [
      ...checkStatedRatios(rowFigures, rowIndex, catalog.metrics, rows, names),
      ...checkPartsAndWholes(rowFigures, rowIndex, catalog.metrics, rows, names),
      ...checkMeasureWords(rows, metricById),
      ...checkStatedParts(rows, metricById, names),
    ];
    const { cache, entries } = memoryCache();
    const grouped = checkByGroup(rowFigures, rowIndex, catalog.metrics, rows, names, cache);
    expect(grouped.some((p) => p.code === 'unknown-part-of')).toBe(false);
    expect(byPlace(grouped)).toEqual(byPlace(whole));
    expect([...entries.keys()]).toEqual(['v1:hainan+jiangsu', 'v1:qinghai']);
  });

  it('gives the same problems in the same order with a cache, empty or full, as without one', () => {
    const plain = checkByGroup(figures, index, catalog.metrics, observations, names);
    const { cache } = memoryCache();
    expect(checkByGroup(figures, index, catalog.metrics, observations, names, cache)).toEqual(plain);
    expect(checkByGroup(figures, index, catalog.metrics, observations, names, cache)).toEqual(plain);
    // Periods of the rows, not the rows' order in memory, decide nothing here: a second year of rows is checked with its province.
    const later = [...observations, row('hainan', 9, { metric: 'branches-total', period: period('2021'), value: 90, written: '90' })];
    expect(checkGroups(later)).toEqual([['hainan'], ['jiangsu'], ['qinghai']]);
  });
});
