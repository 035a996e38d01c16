/**
 * What a schema says of a field it refuses, in Chinese. The schemas of data format v1
 * (src/lib/schema/*.ts) word their issues in English, which `message` keeps; the people who keep
 * the data read this. Each of the schemas' own messages is known here; zod's defaults are said by
 * the kind of issue; anything else keeps the English in brackets rather than say nothing.
 */

import { reservedIdMessage, reservedProvinceIds } from '../schema/province.ts';

/** What of a zod issue is needed to word it. */
export interface SchemaIssue {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  expected?: unknown;
}

/** The schemas' own messages, as written there. */
const known: Readonly<Record<string, string>> = {
  [reservedIdMessage]: `省份的 id 不能与网站自身的页面或文件夹同名（${[...reservedProvinceIds].join('、')}）：请换一个，例如省名的拼音`,
  'an id is lowercase letters, digits and single hyphens, such as hainan or sheng-gaoyuan': 'id 只能由小写字母、数字和单个连字符组成，例如 hainan 或 sheng-gaoyuan',
  'this field must not be empty': '这一栏不能为空',
  "write 'yes' or leave it empty": '填 yes，或者留空',
  'a ratio has both a numerator and a denominator metric, or neither (a stated share)': '比率指标要么同时有分子指标和分母指标，要么都没有（只记原文给出的比例）',
  'a ratio is measured in %, and only a ratio is': '比率指标的单位是 %，也只有比率指标用 %',
  'a ratio counts share, and only a ratio does': '比率指标的 counts 是 share，也只有比率指标是',
  'money is measured in 万元, and only money is': '金额以万元计，也只有金额以万元计',
  'a date is written 2020, 2020-06 or 2020-06-24': '日期写作 2020、2020-06 或 2020-06-24',
  'time is empty, flow, stock or cumulative': 'time 留空，或填 flow、stock、cumulative 之一',
  'the period ends before it starts': '期间的结束年份早于开始年份',
  'the period lies outside 1949-2100': '期间超出了1949至2100年',
  'a period is a year (2020) or a range of years (2019-2020)': '期间写作一个年份（2020）或一段年份（2019-2020）',
  'published is a date: 2020, 2020-06 or 2020-06-24': 'published 是日期：2020、2020-06 或 2020-06-24',
  'url must be an http(s) address or empty': 'url 必须是 http 或 https 网址，或者留空',
};

const kindZh: Readonly<Record<string, string>> = { flow: '流量', stock: '存量', ratio: '比率' };

/** The schemas' messages that name what they found. */
const patterns: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^contains the invisible control character (U\+[0-9A-F]+)/u, (m) => `含有看不见的控制字符 ${m[1]}，请删去（它常随复制的文字混进来）`],
  [/^is (\d+) characters long; at most (\d+) are allowed$/u, (m) => `长${m[1]}个字符，最多只能有${m[2]}个`],
  [/^(\w+) is one of (.+)$/u, (m) => `${m[1]} 只能是以下之一：${m[2]}`],
  [/^only a ratio has a (\w+); leave it empty for a (\w+)$/u, (m) => `只有比率指标才有 ${m[1]}；${kindZh[m[2] ?? ''] ?? m[2]}指标请留空`],
];

/** Fields whose allowed values zod's default message does not list. */
const allowedValues: Readonly<Record<string, string>> = {
  qualifier: 'qualifier 留空，或填 exact（确数）、more_than（多于）、nearly（接近）、about（约）之一',
};

/** The issue in Chinese: what is wrong with the field and, where it says so, what it may hold. */
export function schemaIssueZh(issue: SchemaIssue): string {
  const own = known[issue.message];
  if (own) return own;
  for (const [pattern, word] of patterns) {
    const match = pattern.exec(issue.message);
    if (match) return word(match);
  }
  const field = String(issue.path[0] ?? '');
  if (allowedValues[field]) return allowedValues[field];
  if (issue.code === 'invalid_type') {
    if (issue.message.endsWith('received undefined')) return '缺少这一项';
    if (issue.expected === 'boolean') return '应填 true 或 false';
    return `类型不对（应为 ${String(issue.expected)}）`;
  }
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') return '不是可以填的值';
  return `不符合要求（${issue.message}）`;
}
