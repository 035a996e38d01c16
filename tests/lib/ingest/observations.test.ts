import { describe, expect, it } from 'vitest';
import { zhNamesOf } from '../../../src/lib/checks/zhNames.ts';
import { ObservationStore } from '../../../src/lib/ingest/observationStore.ts';
import { readObservation } from '../../../src/lib/ingest/observations.ts';
import type { Problem } from '../../../src/lib/schema/problem.ts';
import { files, observationHeader, record, testCatalog } from '../../helpers/tables.ts';

const catalog = testCatalog();
const file = 'data/observations/x.csv';

function read(row: string, line = 2) {
  const problems: Problem[] = [];
  const observation = readObservation(record(file, observationHeader, row, line), catalog, files, problems);
  return { observation, problems };
}

describe('readObservation', () => {
  it('resolves names in either script and reads the value', () => {
    const { observation, problems } = read('海南,省高院,2020,立案,78,,hainan-2020,立案78件,');
    expect(problems).toEqual([]);
    expect(observation).toMatchObject({
      id: `${file}:2`,
      at: { file, line: 2, column: 5 },
      province: 'hainan',
      unit: 'gaoyuan',
      metric: 'cases-filed',
      value: 78,
      qualifier: 'exact',
      period: { id: '2020', years: 1 },
    });
  });

  it('takes the qualifier from the value when the column is empty', () => {
    expect(read('hainan,,2020,training-attendance,1800余,,hainan-2020,培训1800余人次,').observation?.qualifier).toBe('more_than');
    expect(read('hainan,,2020,training-attendance,1800,about,hainan-2020,约1800人次,').observation?.qualifier).toBe('about');
  });

  it('reports a qualifier that disagrees with the value', () => {
    const { observation, problems } = read('hainan,,2020,training-attendance,近4000,more_than,hainan-2020,近4000,');
    expect(observation).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'qualifier-disagrees', line: 2, column: 6 });
  });

  it('reports every problem of a row at once, each at its column', () => {
    const { observation, problems } = read('jiangsuu,,2020,cases-filedd,七十八,,hainan-2021,立案,', 12);
    expect(observation).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unknown-province', 12, 1],
      ['unknown-metric', 12, 4],
      ['unknown-source', 12, 7],
    ]);
    expect(problems[0]?.message).toBe("unknown province 'jiangsuu'");
    expect(problems[0]?.hint).toBe('did you mean jiangsu (江苏)?');
    expect(problems[1]?.hint).toBe('did you mean cases-filed (立案)?');
    expect(problems[2]?.hint).toContain('hainan-2020');
  });

  it('quotes an unreadable value', () => {
    const { problems } = read('hainan,,2020,cases-filed,七八,,hainan-2020,立案七八件,');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unreadable-value', column: 5 });
    expect(problems[0]?.message).toContain("'七八'");
    // A count in Chinese numerals, as reviews write small ones, reads.
    expect(read('hainan,,2020,cases-filed,七十八,,hainan-2020,立案七十八件,').problems).toEqual([]);
  });

  it('reports an unknown unit with suggestions from its province', () => {
    const { problems } = read('hainan,省公安听,2020,cases-filed,3,,hainan-2020,立案3件,');
    expect(problems[0]).toMatchObject({ code: 'unknown-unit', column: 2 });
    expect(problems[0]?.hint).toBe('did you mean gonganting (省公安厅)?');
  });

  it('reports invalid fields through the schema', () => {
    const { problems } = read('hainan,,2020年,cases-filed,3,sometimes,hainan-2020,,');
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      [3, "period '2020年': a period is a year (2020) or a range of years (2019-2020)"],
      [6, expect.stringContaining("qualifier 'sometimes'")],
      [8, "quote '': this field must not be empty"],
    ]);
  });

  it('warns when a row lies outside its source', () => {
    const { observation, problems } = read('jiangsu,,2019,cases-filed,3,,jiangsu-2022,立案3件,');
    expect(observation).toBeDefined();
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'period-outside-source']]);
    const other = read('qinghai,,2020,cases-filed,3,,hainan-2020,立案3件,');
    expect(other.problems.map((p) => p.code)).toEqual(['source-province']);
  });
});

describe('ObservationStore', () => {
  const add = (store: ObservationStore, row: string, line: number, inFile = file) => {
    const problems: Problem[] = [];
    const r = record(inFile, observationHeader, row, line);
    const observation = readObservation({ ...r }, catalog, files, problems);
    if (!observation) throw new Error(JSON.stringify(problems));
    return { added: store.add(observation, problems), problems };
  };

  it('keeps one figure per key and names duplicates and conflicts', () => {
    const store = new ObservationStore();
    expect(add(store, 'hainan,,2020,cases-filed,78,,hainan-2020,立案78件,', 2).added).toBe(true);
    const duplicate = add(store, '海南,,2020,立案,78,,hainan-2020,立案78件,', 3);
    expect(duplicate.added).toBe(false);
    expect(duplicate.problems[0]).toMatchObject({ severity: 'error', code: 'duplicate-row', line: 3 });
    expect(duplicate.problems[0]?.message).toContain(`${file}:2`);
    const conflict = add(store, 'hainan,,2020,cases-filed,79,,hainan-2020,立案79件,', 4);
    expect(conflict.problems[0]).toMatchObject({ severity: 'error', code: 'conflicting-rows' });
    const elsewhere = add(store, 'hainan,,2020,cases-filed,78,,hainan-2020,立案78件,', 2, 'data/observations/y.csv');
    expect(elsewhere.problems[0]).toMatchObject({ severity: 'warning', code: 'repeated-figure' });
    expect(store.size).toBe(1);
  });

  it('names the place and the metric of a repeat in Chinese by their names, and an id the names lack as the id', () => {
    const zhOf = (store: ObservationStore, row: string, line: number, inFile = file) => add(store, row, line, inFile).problems.map((p) => [p.code, p.zh?.message]);
    const named = new ObservationStore(zhNamesOf(catalog));
    zhOf(named, 'hainan,gaoyuan,2020,branches-total,12,,hainan-2020,党支部12个,', 2);
    expect(zhOf(named, '海南,省高院,2020,党支部数,12,,hainan-2020,党支部12个,', 3)).toEqual([
      ['duplicate-row', `海南 省高级人民法院 2020年的 党支部数：与 ${file}:2 那一行重复`],
    ]);
    expect(zhOf(named, 'hainan,gaoyuan,2020,branches-total,13,,hainan-2020,党支部13个,', 4)).toEqual([
      ['conflicting-rows', `海南 省高级人民法院 2020年的 党支部数：这里是“13”，${file}:2 却是“12”`],
    ]);
    zhOf(named, 'hainan,,2020,cases-filed,78,,hainan-2020,立案78件,', 5);
    expect(zhOf(named, 'hainan,,2020,cases-filed,78,,hainan-2020,立案78件,', 2, 'data/observations/y.csv')).toEqual([
      ['repeated-figure', `海南 2020年的 立案：${file}:5 也有这一行，保留先读到的那一行`],
    ]);
    // Names from a catalog that lacks the unit and the metric say their ids.
    const bare = new ObservationStore(zhNamesOf({ provinces: catalog.provinces, units: [], metrics: [] }));
    zhOf(bare, 'hainan,gaoyuan,2020,branches-total,12,,hainan-2020,党支部12个,', 2);
    expect(zhOf(bare, 'hainan,gaoyuan,2020,branches-total,12,,hainan-2020,党支部12个,', 3)).toEqual([
      ['duplicate-row', `海南 gaoyuan 2020年的 branches-total：与 ${file}:2 那一行重复`],
    ]);
  });
});
