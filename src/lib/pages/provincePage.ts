/**
 * Page data of a province: for each period, its figures grouped by category,
 * each with the rows and quotes it comes from, and the narrative rendered.
 * Components only lay this out.
 */
import { FigureIndex } from '../aggregate/figureIndex.ts';
import { branchCountMetric, perHundredBranches } from '../aggregate/normalise.ts';
import { formatCount, formatFigure, formatPoints, formatShare, percentDecimals, trimDecimals } from '../format.ts';
import { basisLabel, categoryLabel } from '../labels.ts';
import { renderNarrative } from '../narrativeHtml.ts';
import { periodLabel } from '../period.ts';
import type { DataSet } from '../schema/dataSet.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import type { Period } from '../schema/period.ts';
import type { Province } from '../schema/province.ts';

export interface Citation {
  sourceId: string;
  sourceTitle: string;
  quote: string;
  /** `file:line` of the data row. */
  row: string;
}

export interface FigureRow {
  metricId: string;
  metricName: string;
  /** The figure as a reader sees it: 2387个, 84.5%, 1800余人次. */
  display: string;
  approximate: boolean;
  basis: string;
  /** For a ratio both stated and computed: the stated figure and the gap. */
  stated?: { display: string; gap: string; agrees: boolean };
  /** Per 100 branches of the same scope and period, when the branch count is known. */
  perHundredBranches?: string;
  /** Units summed into a committee total. */
  unitsSummed?: number;
  citations: Citation[];
}

export interface CategoryGroup {
  category: string;
  rows: FigureRow[];
}

export interface UnitFigures {
  unitId: string;
  unitName: string;
  rows: FigureRow[];
}

export interface PeriodSection {
  period: Period;
  label: string;
  /** Shown when the period spans more than one year: its flows are not comparable with one-year figures. */
  lengthNote?: string;
  groups: CategoryGroup[];
  units: UnitFigures[];
  narrativeTitle?: string;
  narrativeHtml?: string;
}

export interface ProvincePageData {
  province: Province;
  sections: PeriodSection[];
}

export interface PageContext {
  dataSet: DataSet;
  figures: FigureIndex;
  metrics: Map<string, Metric>;
  observations: Map<string, Observation>;
  sourceTitles: Map<string, string>;
  unitNames: Map<string, string>;
}

/** Indexes built once per build and shared by every page. */
export function pageContext(dataSet: DataSet): PageContext {
  return {
    dataSet,
    figures: new FigureIndex(dataSet.figures),
    metrics: new Map(dataSet.metrics.map((m) => [m.id, m])),
    observations: new Map(dataSet.observations.map((o) => [o.id, o])),
    sourceTitles: new Map(dataSet.sources.map((s) => [s.id, s.title])),
    unitNames: new Map(dataSet.units.map((u) => [`${u.province}/${u.id}`, u.name])),
  };
}

function figureRow(context: PageContext, figure: Figure, metric: Metric): FigureRow {
  const single = figure.observations.length === 1 ? context.observations.get(figure.observations[0] as string) : undefined;
  const row: FigureRow = {
    metricId: metric.id,
    metricName: metric.name,
    display: formatFigure(figure, metric, figure.basis === 'reported' ? single?.step : undefined),
    approximate: figure.qualifier !== 'exact',
    basis: basisLabel[figure.basis],
    citations: figure.observations.flatMap((id) => {
      const o = context.observations.get(id);
      return o ? [{ sourceId: o.source, sourceTitle: context.sourceTitles.get(o.source) ?? o.source, quote: o.quote, row: o.id }] : [];
    }),
  };
  if (figure.stated) {
    const step = context.observations.get(figure.stated.observation)?.step;
    row.stated = {
      display: formatShare(figure.stated.value, figure.stated.qualifier, percentDecimals(step)),
      gap: `${figure.stated.differencePoints > 0 ? '高' : '低'}${formatPoints(figure.stated.differencePoints)}`,
      agrees: figure.stated.agrees,
    };
  }
  const branches = context.figures.get(figure.province, figure.unit, figure.period, branchCountMetric);
  const normalised = perHundredBranches(figure, metric, branches);
  if (normalised) row.perHundredBranches = `${formatCount(Number(trimDecimals(normalised.value, 2)), normalised.qualifier)}${metric.unit}`;
  if (figure.units) row.unitsSummed = figure.units.length;
  return row;
}

function rowsFor(context: PageContext, figures: readonly Figure[]): FigureRow[] {
  const order = new Map(context.dataSet.metrics.map((m, i) => [m.id, i]));
  return [...figures]
    .sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0))
    .flatMap((f) => {
      const metric = context.metrics.get(f.metric);
      return metric ? [figureRow(context, f, metric)] : [];
    });
}

export function provincePageData(context: PageContext, provinceId: string): ProvincePageData {
  const { dataSet } = context;
  const province = dataSet.provinces.find((p) => p.id === provinceId);
  if (!province) throw new Error(`no province '${provinceId}'`);
  const own = dataSet.figures.filter((f) => f.province === provinceId);
  const periods = [...new Map(own.map((f) => [f.period.id, f.period])).values()].sort((a, b) => b.end - a.end || b.start - a.start);
  const sections = periods.map((period): PeriodSection => {
    const inPeriod = own.filter((f) => f.period.id === period.id);
    const committee = rowsFor(context, inPeriod.filter((f) => f.unit === null));
    const groups = Object.entries(categoryLabel)
      .map(([category, label]) => ({
        category: label,
        rows: committee.filter((r) => context.metrics.get(r.metricId)?.category === category),
      }))
      .filter((g) => g.rows.length > 0);
    const unitIds = [...new Set(inPeriod.flatMap((f) => (f.unit === null ? [] : [f.unit])))];
    const units = unitIds
      .map((unitId) => ({
        unitId,
        unitName: context.unitNames.get(`${provinceId}/${unitId}`) ?? unitId,
        rows: rowsFor(context, inPeriod.filter((f) => f.unit === unitId)),
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'));
    const narrative = dataSet.narratives.find((n) => n.province === provinceId && n.period.id === period.id);
    return {
      period,
      label: periodLabel(period),
      ...(period.years > 1 ? { lengthNote: `本期跨${period.years}年，其累计数不能与单一年度数直接比较。` } : {}),
      groups,
      units,
      ...(narrative ? { narrativeTitle: narrative.title, narrativeHtml: renderNarrative(narrative, context.figures, context.metrics) } : {}),
    };
  });
  return { province, sections };
}
