/**
 * A figure as pages show it: the formatted value, how it was obtained, and
 * links to the data rows and quotes behind it. Every number on a page is one
 * of these, so every number leads back to its source.
 */
import { entryOf } from '../maps.ts';
import { branchCountMetric, perHundredBranches } from '../aggregate/normalise.ts';
import { observationOf } from '../aggregate/reportedFigure.ts';
import type { ObservationLookup } from '../observationLookup.ts';
import { formatPoints } from '../format.ts';
import { derivedQuotient, derivedShare, figureText } from '../figureText.ts';
import { writtenMeasureWord } from '../checks/measureWords.ts';
import { scopeLabel } from '../aggregate/comparability.ts';
import { basisLabel } from '../labels.ts';
import { periodLabel } from '../period.ts';
import type { Figure } from '../schema/figure.ts';
import type { Metric } from '../schema/metric.ts';
import type { Observation } from '../schema/observation.ts';
import { isTableCell, relativeHref, rowAnchor, rowLabel, sitePaths } from '../site/paths.ts';
import type { ChartValue } from './chartData.ts';
import type { PageContext } from './context.ts';

export interface Citation {
  sourceTitle: string;
  /**
   * The article's words for the row, verbatim; for a cell of a unit return (`fromTable`), what
   * the table gives for it: its unit, its column's heading and the cell (`省公安厅 立案 7`), which
   * no one wrote as a sentence, so pages show it as the cell it is and never as a quotation.
   */
  quote: string;
  fromTable: boolean;
  /** Link to the data row on the sources page. */
  href: string;
  /** `file:line` of the data row. */
  row: string;
}

export interface FigureView {
  metricId: string;
  metricName: string;
  periodLabel: string;
  /** 2387个, 84.5%, 1800余人次. */
  display: string;
  approximate: boolean;
  basis: string;
  /** How the figure differs from the committee's usual ones: its scope, a running total, no time given. */
  standing: string[];
  /** Link to the first data row behind the figure. */
  href: string;
  /** For a stated rate whose parts give another: the computed value beside the stated one. */
  computed?: { display: string; gap: string; agrees: boolean; parts: string };
  perHundredBranches?: string;
  unitsSummed?: number;
  /** As a cell's (FigureCell.summed). */
  summed?: string;
  /** Notes of the data rows: scope, what is and is not counted. */
  notes: string[];
  /** The first rows behind the figure, with their quotes; `citationCount` says how many there are in all. */
  citations: Citation[];
  citationCount: number;
}

/** Rows a figure cites on a page; a total of eighty units cites its first few, and says how many. */
const citationsShown = 3;

/** The share or count of a figure as it is written on a page and on charts: a stated one as its review writes it. */
export function figureDisplay(context: PageContext, figure: Figure, metric: Metric): string {
  const single = figure.basis === 'reported' ? (observationOf(figure) ?? context.observations.get(figure.observations[0] ?? '')) : undefined;
  return figureText(figure, metric, single, single && writtenMeasureWord(single));
}

/** What sets a figure apart from the committee's usual ones, in words: 口径：全区各级机关, 累计数, 原文未注明时间. */
export function figureStanding(figure: Pick<Figure, 'scope' | 'time' | 'undated'>): string[] {
  return [
    ...(figure.scope === '' ? [] : [`口径：${scopeLabel(figure.scope)}`]),
    ...(figure.time === 'cumulative' ? ['累计数'] : []),
    ...(figure.undated ? ['原文未注明时间'] : []),
  ];
}

export function chartValue(context: PageContext, figure: Figure, metric: Metric): ChartValue {
  return { value: figure.value, display: figureDisplay(context, figure, metric), approximate: figure.qualifier !== 'exact' };
}

/** Per 100 branches of the same committee or unit and period, written with the metric's measure word. */
export function perHundredBranchesDisplay(context: PageContext, figure: Figure, metric: Metric): string | undefined {
  const branches = context.figures.get(figure.province, figure.unit, figure.period, branchCountMetric);
  const normalised = perHundredBranches(figure, metric, branches);
  if (!normalised) return undefined;
  return derivedQuotient(normalised.value, normalised.qualifier !== 'exact', metric);
}

interface RowsBehind {
  /** The first rows, as many as a view cites. */
  cited: Observation[];
  /** Their first distinct notes, as many. */
  notes: string[];
  count: number;
}

function walkRows(context: PageContext, figure: Figure): RowsBehind {
  // Most figures, a unit's, rest on one row: no set of notes to make.
  const direct = observationOf(figure);
  if (direct) return { cited: [direct], notes: direct.note === '' ? [] : [direct.note], count: 1 };
  if (figure.observations.length === 1) {
    const o = context.observations.get(figure.observations[0] as string);
    return o ? { cited: [o], notes: o.note === '' ? [] : [o.note], count: 1 } : { cited: [], notes: [], count: 0 };
  }
  // A committee total summed from eighty units rests on eighty rows or more: only the first few are cited,
  // and only their distinct notes kept, so walk the rows once without copying them.
  const cited: Observation[] = [];
  const notes = new Set<string>();
  let count = 0;
  for (const id of figure.observations) {
    const o = context.observations.get(id);
    if (!o) continue;
    count++;
    if (cited.length < citationsShown) cited.push(o);
    if (o.note !== '' && notes.size < citationsShown) notes.add(o.note);
  }
  return { cited, notes: [...notes], count };
}

/**
 * Walks of figures of many rows, by the rows they were walked in: a committee total is shown on its
 * review, province, metric and compare pages and on every unit page of its province, and walking
 * its rows, one lookup among the national set's 927k each, cost seconds when done for every page.
 */
const walked = new WeakMap<ObservationLookup, WeakMap<Figure, RowsBehind>>();

/** The first rows behind a figure, how many there are, and their first distinct notes: the caller's to keep. */
function rowsBehind(context: PageContext, figure: Figure): RowsBehind {
  if (observationOf(figure) || figure.observations.length <= citationsShown) return walkRows(context, figure);
  const rows = entryOf(entryOf(walked, context.observations, () => new WeakMap<Figure, RowsBehind>()), figure, () => walkRows(context, figure));
  return { ...rows, notes: [...rows.notes] };
}

/**
 * The links from the page being made to the source pages it cites. A unit page links 800 cells to
 * one or two sources; its data are made in one go, so one page's links are kept at a time.
 */
let sourceLinks: { pagePath: string; bySource: Map<string, string> } | undefined;

/** The link from a page to a data row on its source's page: the source page's link, and the row's anchor. */
function rowHref(pagePath: string, o: Observation): string {
  if (sourceLinks?.pagePath !== pagePath) sourceLinks = { pagePath, bySource: new Map() };
  let page = sourceLinks.bySource.get(o.source);
  if (page === undefined) {
    page = relativeHref(pagePath, sitePaths.source(o.source));
    sourceLinks.bySource.set(o.source, page);
  }
  return `${page}#${rowAnchor(o.at)}`;
}

/** A figure in a table cell: its value, linked to its first row, and the notes of its rows. */
export interface FigureCell {
  display: string;
  approximate: boolean;
  /** Link to the first data row behind the figure. */
  href: string;
  notes: string[];
  /** For a committee figure made from some units' figures: that it is, and of how many (2个单位合计), said wherever it is shown. */
  summed?: string;
}

/**
 * What a committee figure made from units' figures says beside its value: it counts only the
 * units that reported, so it is never shown as if it were the committee's own total or rate.
 */
export function unitsCoveredNote(figure: Pick<Figure, 'basis' | 'units'>): string | undefined {
  if (figure.units === undefined) return undefined;
  const units = figure.units.length;
  // One unit's figure is no sum, but it is still only that unit's.
  const what = units === 1 ? '1个单位的数字' : `${units}个单位合计`;
  return figure.basis === 'sum_of_units' ? what : `按${what}计算`;
}

const withSummed = (figure: Figure): { summed?: string } => {
  const summed = unitsCoveredNote(figure);
  return summed === undefined ? {} : { summed };
};

/** What a figure shows in a cell, without the citations, the per-100-branches value and the stated share of a full view. */
export function figureCell(context: PageContext, figure: Figure, pagePath: string): FigureCell {
  return figureCellAndRow(context, figure, pagePath).cell;
}

/** A figure's cell, and the first row behind it, for a page that places the cell by its row (a unit page, by its return line). */
export function figureCellAndRow(context: PageContext, figure: Figure, pagePath: string): { cell: FigureCell; row: Observation | undefined } {
  const metric = context.metrics.get(figure.metric);
  if (!metric) throw new Error(`figure of unknown metric ${figure.metric}`);
  const { cited, notes } = rowsBehind(context, figure);
  const row = cited[0];
  return {
    cell: {
      display: figureDisplay(context, figure, metric),
      approximate: figure.qualifier !== 'exact',
      href: row ? rowHref(pagePath, row) : relativeHref(pagePath, sitePaths.sources()),
      notes,
      ...withSummed(figure),
    },
    row,
  };
}

export function figureView(context: PageContext, figure: Figure, pagePath: string): FigureView {
  const metric = context.metrics.get(figure.metric);
  if (!metric) throw new Error(`figure of unknown metric ${figure.metric}`);
  const { cited, notes, count: citationCount } = rowsBehind(context, figure);
  const link = (o: Observation) => rowHref(pagePath, o);
  const view: FigureView = {
    metricId: metric.id,
    metricName: metric.name,
    periodLabel: periodLabel(figure.period),
    display: figureDisplay(context, figure, metric),
    approximate: figure.qualifier !== 'exact',
    basis: basisLabel[figure.basis],
    standing: figureStanding(figure),
    href: cited[0] ? link(cited[0]) : relativeHref(pagePath, sitePaths.sources()),
    notes,
    citationCount,
    citations: cited.map((o) => ({
      sourceTitle: context.sources.get(o.source)?.title ?? o.source,
      quote: o.quote,
      fromTable: isTableCell(o.at),
      href: link(o),
      row: rowLabel(o.at),
    })),
  };
  const computed = figure.computed;
  if (computed) {
    const part = (id: string) => {
      const f = context.figures.get(figure.province, figure.unit, figure.period, id);
      const m = context.metrics.get(id);
      return f && m ? figureDisplay(context, f, m) : m?.name ?? id;
    };
    view.computed = {
      parts: `${part(metric.numerator)}/${part(metric.denominator)}`,
      display: derivedShare(computed.value, computed.qualifier !== 'exact'),
      gap: `${computed.differencePoints > 0 ? '高' : '低'}${formatPoints(computed.differencePoints)}`,
      agrees: computed.agrees,
    };
  }
  const normalised = perHundredBranchesDisplay(context, figure, metric);
  if (normalised) view.perHundredBranches = normalised;
  if (figure.units) view.unitsSummed = figure.units.length;
  return { ...view, ...withSummed(figure) };
}

/** Placeholder for a figure nobody reported: never shown as zero. */
export const notReportedDisplay = '未报告';
