import { describe, expect, it } from 'vitest';
import { dataPackageFiles } from '../../../src/lib/openData/dataPackage.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';

describe('dataPackageFiles', () => {
  it('gives every CSV as chunks of whole lines: the header, then one line per row', async () => {
    const dataSet = await fixtureDataSet();
    const files = dataPackageFiles(dataSet);
    const observations = [...(files.get('observations.csv') ?? [])];
    expect(observations.length).toBeGreaterThan(0);
    for (const chunk of observations) expect(chunk.endsWith('\n')).toBe(true);
    const lines = observations.join('').split('\n');
    expect(lines[0]).toBe('row,province,unit,period,metric,value,measure,qualifier,written,source,quote,note');
    // Quotes never hold a line break here, so every row is one line, and the text ends with a newline.
    expect(lines.length).toBe(dataSet.observations.length + 2);
  });
});
