import { z } from 'zod';
import { IdSchema, RequiredTextSchema } from './id.ts';

/** One body that publishes reviews: a province, region or municipality (data/provinces.csv). */
export const ProvinceSchema = z.object({
  /** Pinyin id used in URLs, e.g. `hainan`. */
  id: IdSchema,
  /** Short Simplified name, e.g. 海南. */
  name: RequiredTextSchema,
  /** Short Traditional name, e.g. 海南; 江蘇 for 江苏. */
  name_hant: RequiredTextSchema,
  /** 省, 自治区, 直辖市, 市 (a city's committee) or 中央 (central organs). */
  kind: z.enum(['省', '自治区', '直辖市', '市', '中央'], { error: 'kind is one of 省, 自治区, 直辖市, 市, 中央' }),
});

export type Province = z.infer<typeof ProvinceSchema>;
