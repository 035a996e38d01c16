import { describe, expect, it } from 'vitest';
import { schemaIssueZh } from '../../../src/lib/ingest/schemaIssues.ts';
import { MetricSchema } from '../../../src/lib/schema/metric.ts';
import { ObservationRowSchema } from '../../../src/lib/schema/observation.ts';
import { SiteSettingsSchema } from '../../../src/lib/schema/siteSettings.ts';
import { SourceSchema } from '../../../src/lib/schema/source.ts';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ code: string; message: string; path: PropertyKey[] }> } }) => result.error?.issues ?? [];

describe('what a schema says of a field, in Chinese', () => {
  it('says each of the schemas’ own messages', () => {
    const row = { province: 'hainan', period: '2021-2019', metric: 'x', value: '1', source: 'Bad Id', quote: '立案\u0007', qualifier: 'sometimes', time: 'always', undated: 'no' };
    expect(issuesOf(ObservationRowSchema.safeParse(row)).map(schemaIssueZh)).toEqual([
      '期间的结束年份早于开始年份',
      'qualifier 留空，或填 exact（确数）、more_than（多于）、nearly（接近）、about（约）之一',
      'id 只能由小写字母、数字和单个连字符组成，例如 hainan 或 sheng-gaoyuan',
      '含有看不见的控制字符 U+0007，请删去（它常随复制的文字混进来）',
      'time 留空，或填 flow、stock、cumulative 之一',
      '填 yes，或者留空',
    ]);
    const metric = { id: 'a', name: 'n', name_hant: 'n', category: 'x', unit: '件', kind: 'flow', definition: 'd', numerator: 'b' };
    expect(issuesOf(MetricSchema.safeParse(metric)).map(schemaIssueZh)).toEqual(['category 只能是以下之一：branches, training, cases, honours, members, funds, propaganda, research, service, other']);
    const source = { id: 's', province: 'hainan', title: 't', period: '2020', url: 'javascript:alert(1)', published: '2020年' };
    expect(issuesOf(SourceSchema.safeParse(source)).map(schemaIssueZh)).toEqual(['published 是日期：2020、2020-06 或 2020-06-24', 'url 必须是 http 或 https 网址，或者留空']);
  });

  it('says zod’s own messages by the kind of issue', () => {
    expect(issuesOf(SiteSettingsSchema.safeParse({ synthetic: 'yes' })).map(schemaIssueZh)).toEqual(['应填 true 或 false']);
    expect(issuesOf(ObservationRowSchema.safeParse({ province: 'a', period: '2020', metric: 'x', source: 's', quote: 'q' })).map(schemaIssueZh)).toEqual(['缺少这一项']);
    expect(schemaIssueZh({ code: 'custom', message: 'something new', path: [] })).toBe('不符合要求（something new）');
  });
});
