import { describe, expect, it } from 'vitest';
import { dataPackageFiles } from '../../../src/lib/openData/dataPackage.ts';
import { fixtureDataSet } from '../../helpers/fixtureSite.ts';

describe('dataPackageFiles', () => {
  it('gives every CSV as chunks of whole lines: the header, then one line per row', async () => {
    const dataSet = await fixtureDataSet();
    const parts = dataPackageFiles(dataSet).filter((f) => f.path.startsWith('observations/'));
    expect(parts.map((f) => f.path)).toEqual(dataSet.provinces.map((p) => `observations/${p.id}.csv`));
    let rows = 0;
    for (const part of parts) {
      const chunks = [...part.chunks()];
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
      const lines = chunks.join('').split('\n');
      expect(lines[0]).toBe('row,province,unit,period,metric,value,measure,qualifier,written,source,quote,note,id,part_of,scope,time,undated');
      // Quotes never hold a line break here, so every row is one line, and the text ends with a newline.
      expect(lines.slice(1, -1).every((line) => line.split(',')[1] === part.province)).toBe(true);
      rows += lines.length - 2;
    }
    expect(rows).toBe(dataSet.observations.length);
  });

  it('names the province of every part of observations and figures, and of no other file', async () => {
    const dataSet = await fixtureDataSet();
    for (const file of dataPackageFiles(dataSet)) {
      const part = /^(observations|figures)\/(.+)\.csv$/u.exec(file.path);
      expect(file.province).toBe(part?.[2]);
    }
  });
});
