import { describe, expect, it } from 'vitest';
import { tableJson } from '../../../src/lib/pages/pageTables.ts';

describe('tableJson', () => {
  it('writes the title, the columns and each row as an array in their order, an empty cell as null', () => {
    const json = tableJson({ title: '海南“2020年”', columns: ['指标', '数值', '注'], rows: [['党支部数', '2387个'], ['培训人次', '1800余人次', '含"轮训"\n']] });
    expect(JSON.parse(json)).toEqual({ title: '海南“2020年”', columns: ['指标', '数值', '注'], rows: [['党支部数', '2387个', null], ['培训人次', '1800余人次', '含"轮训"\n']] });
    // A row a line: a file of thousands of rows reads and diffs line by line.
    expect(json.split('\n')).toHaveLength(2 + 2 + 1);
  });

  it('writes a table without rows as an empty list', () => {
    expect(JSON.parse(tableJson({ columns: ['指标'], rows: [] }))).toEqual({ title: '', columns: ['指标'], rows: [] });
  });
});
