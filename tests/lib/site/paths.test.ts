import { describe, expect, it } from 'vitest';
import { isTableCell, relativeHref, rowAnchor, rowLabel, sitePaths } from '../../../src/lib/site/paths.ts';
import { reservedProvinceIds } from '../../../src/lib/schema/province.ts';
import { traditionalRoot } from '../../../src/lib/site/navigation.ts';

describe('relativeHref', () => {
  it('links between pages at any depth without leaving the site folder', () => {
    expect(relativeHref('index.html', 'hainan.html')).toBe('./hainan.html');
    expect(relativeHref('index.html', 'hainan/2020.html')).toBe('./hainan/2020.html');
    expect(relativeHref('hainan/2020.html', 'sources.html#row-x-4')).toBe('../sources.html#row-x-4');
    expect(relativeHref('hainan/units/gaoyuan.html', 'hainan/2020.html')).toBe('../2020.html');
    expect(relativeHref('hainan/units/gaoyuan.html', 'metrics/cases-filed.html')).toBe('../../metrics/cases-filed.html');
    expect(relativeHref('compare/hainan/qinghai.html', 'compare/cases-filed.html')).toBe('../cases-filed.html');
    expect(relativeHref('hainan/2020.html', 'hainan/2020.html#top')).toBe('./2020.html#top');
  });

  it('names every page with an .html file, and every download with its format', () => {
    expect(Object.values(sitePaths).map((p) => (p as (...a: string[]) => string)('a', 'b'))).toSatisfy((all: string[]) => all.every((p) => /\.(html|csv|json|svg)$/u.test(p)));
  });

  it('keeps every name the site takes at its root from the provinces, whose pages and folders lie there too', () => {
    const paths = Object.values(sitePaths).map((p) => (p as (...a: string[]) => string)('x', 'y'));
    // A page at the root (search.html) or the first folder of a path (data/…); a province's own paths are x.html and x/.
    const rootNames = paths.map((p) => p.split('/')[0]?.replace(/\.html$/u, '') ?? '').filter((name) => name !== 'x');
    for (const name of [...rootNames, 'search', traditionalRoot.toLowerCase()]) expect(reservedProvinceIds.has(name), name).toBe(true);
  });

  it('gives each data row a stable anchor', () => {
    expect(rowAnchor({ dataFile: 'observations/hainan-2020.csv', line: 4 })).toBe('row-observations-hainan-2020-4');
    expect(rowAnchor({ dataFile: 'tables/hainan/2020.csv', line: 2 })).toBe('row-tables-hainan-2020-2');
    expect(rowAnchor({ dataFile: 'observations/Weird Name.csv', line: 2 })).toBe('row-observations-weird-name-2');
    expect(rowLabel({ dataFile: 'observations/hainan.csv', line: 2, column: 5 })).toBe('observations/hainan.csv:2');
    // The cells of a table row each hold a figure: the column tells them apart.
    expect(rowLabel({ dataFile: 'tables/hainan/2020.csv', line: 2, column: 3 })).toBe('tables/hainan/2020.csv:2:3');
    // A source page shows a table line by line: the cells of a line share its anchor.
    expect(rowAnchor({ dataFile: 'tables/hainan/2020.csv', line: 2, column: 3 })).toBe('row-tables-hainan-2020-2');
    expect(isTableCell({ dataFile: 'tables/hainan/2020.csv' })).toBe(true);
    expect(isTableCell({ dataFile: 'observations/tables.csv' })).toBe(false);
  });
});
