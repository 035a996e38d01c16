/**
 * Where each provincial-level body sits on the home page's tile grid: roughly
 * its place on the map, one square each, no boundaries. Column 0 is the west,
 * row 0 the north. Bodies not listed (a city, the central organs) go below.
 */
export const tilePositions: Readonly<Record<string, readonly [column: number, row: number]>> = {
  heilongjiang: [7, 0],
  neimenggu: [4, 1], beijing: [5, 1], liaoning: [6, 1], jilin: [7, 1],
  xinjiang: [0, 2], gansu: [2, 2], ningxia: [3, 2], shanxi: [4, 2], hebei: [5, 2], tianjin: [6, 2],
  qinghai: [1, 3], shaanxi: [3, 3], henan: [4, 3], shandong: [5, 3], jiangsu: [6, 3], shanghai: [7, 3],
  xizang: [1, 4], sichuan: [2, 4], chongqing: [3, 4], hubei: [4, 4], anhui: [5, 4], zhejiang: [6, 4],
  yunnan: [2, 5], guizhou: [3, 5], hunan: [4, 5], jiangxi: [5, 5], fujian: [6, 5],
  guangxi: [3, 6], guangdong: [4, 6],
  hainan: [3, 7],
};

/** Positions for every id: known ones from the map, others in rows below it. */
export function tilePosition(ids: readonly string[]): Map<string, readonly [number, number]> {
  const positions = new Map<string, readonly [number, number]>();
  let extra = 0;
  for (const id of ids) {
    const known = tilePositions[id];
    if (known) positions.set(id, known);
    else {
      positions.set(id, [extra % 8, 9 + Math.floor(extra / 8)]);
      extra++;
    }
  }
  return positions;
}
