import { z } from 'zod';
import { AliasListSchema, IdSchema, RequiredTextSchema, textSchema } from './id.ts';

/** A department or institution under a committee (data/units.csv): a 省直单位. */
export const UnitSchema = z.object({
  /** Unique within its province, e.g. `gaoyuan`. */
  id: IdSchema,
  /** Province id the unit belongs to. */
  province: IdSchema,
  /** Name as the committee writes it, e.g. 省高级人民法院. */
  name: RequiredTextSchema,
  /** Other names: short forms (省高院), full names, Traditional forms. */
  aliases: AliasListSchema,
  /** Free text such as 党政机关, 事业单位, 企业, 中央驻地单位. */
  kind: textSchema(50).default(''),
});

export type Unit = z.infer<typeof UnitSchema>;
