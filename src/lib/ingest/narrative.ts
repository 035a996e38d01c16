/**
 * Reads content/<province>/<period>.md: front matter, body, and the figure
 * placeholders with their file positions, checked against the catalog.
 */
import matter from 'gray-matter';
import { didYouMean } from '../names.ts';
import { addProblems, quoted, type Wording } from '../problems.ts';
import { PeriodSchema } from '../schema/period.ts';
import { NarrativeFrontMatterSchema, type FigureReference, type Narrative } from '../schema/narrative.ts';
import type { Problem } from '../schema/problem.ts';
import type { Catalog } from './catalog.ts';
import { nameHint, resolveName } from './nameHint.ts';
import { frontMatterIssue, unreadableFrontMatter } from './frontMatter.ts';

/**
 * Anything between double braces; well-formed ones are `{{metric_id}}`, `{{metric_id@unit_id}}`, or
 * `{{#row_id}}` for the row of the narrative's source whose `id` column says so: the way to name a
 * figure of another scope, a running total or an undated one.
 */
export const placeholder = /\{\{([^{}]*)\}\}/gu;
export const wellFormed = /^\s*(?:#([a-z0-9-]+)|([a-z0-9-]+)(?:@([a-z0-9-]+))?)\s*$/u;

export interface NarrativeInput {
  /** Path as shown to the user, e.g. content/hainan/2020.md. */
  file: string;
  /** Folder name: the province id. */
  provinceDir: string;
  /** File name without .md: the period. */
  periodName: string;
  text: string;
}

/**
 * Line and column of offsets asked for in increasing order, each counted on from the one before:
 * a narrative with 100k placeholders is walked once, not once per placeholder.
 */
function positions(text: string): (offset: number) => { line: number; column: number } {
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = Math.max(counted, offset);
    return { line, column: offset - lineStart + 1 };
  };
}

export function readNarrative(input: NarrativeInput, catalog: Catalog, sourcesFile: string, problems: Problem[]): Narrative | undefined {
  const { file, text } = input;
  const found: Problem[] = [];
  const problem = (code: string, wording: Required<Wording>, at?: { line: number; column: number }) =>
    found.push({ severity: 'error', code, file, ...(at ?? {}), ...wording });
  const top = { line: 1, column: 1 };

  const province = catalog.provinceIndex.resolve(input.provinceDir)?.item;
  if (!province || province.id !== input.provinceDir) {
    problem('unknown-province', {
      message: `folder ${quoted(input.provinceDir)} is not a province id`,
      hint: didYouMean(catalog.provinceIndex, input.provinceDir, 'data/provinces.csv'),
      zh: { message: `文件夹${quoted(input.provinceDir, 'zh')}不是省份 id`, hint: `文件夹以省份 id 命名：${didYouMean(catalog.provinceIndex, input.provinceDir, 'data/provinces.csv', 'zh')}` },
    });
  }
  const period = PeriodSchema.safeParse(input.periodName);
  if (!period.success) {
    problem('invalid-period', {
      message: `file name ${quoted(`${input.periodName}.md`)} is not a period`,
      hint: 'name the file after its period: 2020.md or 2019-2020.md',
      zh: { message: `文件名${quoted(`${input.periodName}.md`, 'zh')}不是期间`, hint: '按期间给文件命名：2020.md 或 2019-2020.md' },
    });
  }

  let parsed;
  try {
    parsed = matter(text);
  } catch (error) {
    problem('invalid-front-matter', unreadableFrontMatter(error), top);
    addProblems(problems, found);
    return undefined;
  }
  const front = NarrativeFrontMatterSchema.safeParse(parsed.data);
  if (!front.success) {
    for (const issue of front.error.issues) {
      problem('invalid-front-matter', frontMatterIssue(issue, 'the front matter holds title, source, author and published', '文件开头的设置（front matter）包括 title、source、author 和 published'), top);
    }
  } else {
    const source = catalog.sourceIndex.resolve(front.data.source)?.item;
    if (!source || source.id !== front.data.source) {
      problem('unknown-source', {
        message: `front matter names source ${quoted(front.data.source)}, which is not in ${sourcesFile}`,
        hint: didYouMean(catalog.sourceIndex, front.data.source, sourcesFile),
        zh: { message: `文件开头设置的来源${quoted(front.data.source, 'zh')}不在 ${sourcesFile} 中`, hint: didYouMean(catalog.sourceIndex, front.data.source, sourcesFile, 'zh') },
      }, top);
    }
  }

  const bodyOffset = text.length - parsed.content.length;
  const positionOf = positions(text);
  const bodyLine = positionOf(bodyOffset).line;
  const references: FigureReference[] = [];
  for (const match of parsed.content.matchAll(placeholder)) {
    const at = positionOf(bodyOffset + (match.index ?? 0));
    const inner = wellFormed.exec(match[1] ?? '');
    if (!inner) {
      problem('malformed-reference', {
        message: `${quoted(match[0])} is not a figure reference`,
        hint: 'write {{metric_id}}, {{metric_id@unit_id}} or {{#row_id}}',
        zh: { message: `${quoted(match[0], 'zh')}不是数字引用`, hint: '写成 {{指标id}}、{{指标id@单位id}} 或 {{#行id}}' },
      }, at);
      continue;
    }
    const [, rowId, metricId = '', unitId] = inner;
    if (rowId !== undefined) {
      // Whether the row exists is known once the observations are read (checks/narrativeFigures.ts).
      references.push({ metric: '', unit: null, row: rowId, ...at, text: match[0] });
      continue;
    }
    const metric = resolveName(catalog.metricIndex, metricId)?.item;
    if (!metric || metric.id !== metricId) {
      problem('unknown-reference', {
        message: `${quoted(match[0])} names unknown metric ${quoted(metricId)}`,
        hint: nameHint(catalog.metricIndex, metricId, 'data/metrics.csv'),
        zh: { message: `${quoted(match[0], 'zh')}中的指标${quoted(metricId, 'zh')}不存在`, hint: nameHint(catalog.metricIndex, metricId, 'data/metrics.csv', 'zh') },
      }, at);
      continue;
    }
    if (unitId !== undefined && province) {
      const units = catalog.unitIndexes.get(province.id);
      const unit = units && resolveName(units, unitId)?.item;
      if (!unit || unit.id !== unitId) {
        problem('unknown-reference', {
          message: `${quoted(match[0])} names unknown unit ${quoted(unitId)} of ${province.id}`,
          hint: units ? nameHint(units, unitId, 'data/units.csv') : 'add the unit to data/units.csv',
          zh: {
            message: `${quoted(match[0], 'zh')}中的单位${quoted(unitId, 'zh')}不是${province.name}的单位`,
            hint: units ? nameHint(units, unitId, 'data/units.csv', 'zh') : '请把这个单位加入 data/units.csv',
          },
        }, at);
        continue;
      }
    }
    references.push({ metric: metricId, unit: unitId ?? null, row: null, ...at, text: match[0] });
  }

  addProblems(problems, found);
  if (found.length > 0 || !province || !period.success || !front.success) return undefined;
  return {
    ...front.data,
    file,
    province: province.id,
    period: period.data,
    body: parsed.content,
    bodyLine,
    references,
  };
}
