import { z } from 'zod';
import { IdSchema, RequiredTextSchema } from './id.ts';

/**
 * Names the site gives its own pages and folders at its root (src/lib/site/paths.ts, the search
 * index's search/, the Traditional edition's zh-Hant/, lower case as a file system that ignores
 * case sees it). A province's page is <id>.html and its reviews lie in <id>/, so a province may
 * not take one: search.html would be two pages, and data/2020.html a review inside the data files.
 */
export const reservedProvinceIds: ReadonlySet<string> = new Set(['index', 'metrics', 'compare', 'sources', 'methodology', 'search', 'data', 'zh-hant']);

export const reservedIdMessage = `a province's id is not one of the names the site gives its own pages and folders: ${[...reservedProvinceIds].join(', ')}`;

/** One body that publishes reviews: a province, region or municipality (data/provinces.csv). */
export const ProvinceSchema = z.object({
  /** Pinyin id used in URLs, e.g. `hainan`. */
  id: IdSchema.refine((id) => !reservedProvinceIds.has(id), { error: reservedIdMessage }),
  /** Short Simplified name, e.g. 海南. */
  name: RequiredTextSchema,
  /** Short Traditional name, e.g. 海南; 江蘇 for 江苏. */
  name_hant: RequiredTextSchema,
  /** 省, 自治区, 直辖市, 市 (a city's committee) or 中央 (central organs). */
  kind: z.enum(['省', '自治区', '直辖市', '市', '中央'], { error: 'kind is one of 省, 自治区, 直辖市, 市, 中央' }),
});

export type Province = z.infer<typeof ProvinceSchema>;
