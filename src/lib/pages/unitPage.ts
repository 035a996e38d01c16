/** Page data of a unit: its figures across periods, set against the other units of its province. */
import { entryOf, groupBy } from '../maps.ts';
import { rankFigures, type RankedEntry, type Ranking } from '../aggregate/ranking.ts';
import { spreadOf, type Spread } from '../aggregate/spread.ts';
import { formatFigure } from '../format.ts';
import { comparePeriods, periodLabel } from '../period.ts';
import { isTableCell, relativeHref, rowAnchor, sitePaths } from '../site/paths.ts';
import type { Observation } from '../schema/observation.ts';
import type { Province } from '../schema/province.ts';
import type { Figure } from '../schema/figure.ts';
import type { Unit } from '../schema/unit.ts';
import { linkCharts, siteSourceNote, type ChartSpec, type UnitStandingRow } from './chartData.ts';
import { inMetricThenPeriodOrder, peersKey, type PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';
import type { PageScope } from './published.ts';
import { headlineFirst } from './headlines.ts';
import { chartValue, figureCell, figureCellAndRow, figureStanding, type FigureCell } from './views.ts';
import { isUsual, slotOf } from '../aggregate/slot.ts';
import { observationOf } from '../aggregate/reportedFigure.ts';
import { lineOfRow } from '../ingest/tableCell.ts';

export interface UnitCell {
  display: string;
  /** Link to the row behind the figure; none for a cell of the unit's return line that its period's heading links to. */
  href?: string;
  approximate: boolean;
  /** As a FigureCell's: a committee figure made from some units' figures says so. */
  summed?: string;
}

/** One metric of the unit: its figure in each period, and in the latest one its committee's total and its rank. */
export interface UnitMetricRow {
  metricName: string;
  metricHref: string;
  /** One cell per period column; null: not reported in that period. */
  cells: Array<UnitCell | null>;
  latest: {
    periodLabel: string;
    /** The committee's figure for the same metric and period, for scale. */
    committee: UnitCell | null;
    /** Rank among the province's units that report the metric for the period. */
    rank: string;
  };
  notes: string[];
}

export interface UnitPageData {
  path: string;
  name: string;
  aliases: string[];
  kind: string;
  province: Link;
  /** Heading of the committee's column: 全省（工委）, 全区（工委） or 全市（工委）, as the province is called. */
  committeeHeading: string;
  periods: string[];
  /**
   * Per period, the link to the unit's line in that period's unit return, where its figures were
   * read: the cells read from that line link through their period's heading, not each on its own
   * (eighty figures a line, a link each would be half the page).
   */
  periodLines: Array<string | null>;
  rows: UnitMetricRow[];
  charts: ChartSpec[];
  /**
   * The province page's list of units, for the other units of the province: one link, not a list
   * of eighty on each of eighty pages (4.6 KB of a 51 KB unit page; 23 MB of a national site's two editions).
   */
  otherUnits: { href: string; count: number } | null;
}

/** What a province's whole is called: a municipality's committee speaks for 全市, a region's for 全区. */
const committeeScope: Record<Province['kind'], string> = { 省: '全省', 自治区: '全区', 直辖市: '全市', 市: '全市', 中央: '中央和国家机关' };

/**
 * What every unit page of a province shares: its units, their rankings, the cells of its
 * committee's figures and which units have a page. Kept for one province at a time, as routes render a
 * province's units one after another.
 */
interface ProvinceShared {
  province: string;
  unitsById: Map<string, Unit>;
  rankings: Map<string, Ranking<Unit>>;
  committeeViews: Map<Figure, FigureCell>;
  /** The units of the province that have a page. */
  withPages: Set<string>;
}

const sharedHeld = new WeakMap<PageContext, ProvinceShared>();

function provinceShared(context: PageContext, province: string): ProvinceShared {
  const held = sharedHeld.get(context);
  if (held?.province === province) return held;
  const units = context.dataSet.units.filter((u) => u.province === province);
  const withPages = new Set(units.filter((u) => context.unitFigures.has(`${province}/${u.id}`)).map((u) => u.id));
  const fresh: ProvinceShared = { province, unitsById: new Map(units.map((u) => [u.id, u])), rankings: new Map(), committeeViews: new Map(), withPages };
  sharedHeld.set(context, fresh);
  return fresh;
}

/**
 * The unit's place among the units of its province that report the same figure, where a place
 * says something: never for a figure that may not be ranked (an undated one, a running total),
 * nor among values that are all equal (the units named in a list of 20 winners, each 1).
 */
function standingOf(ranking: Ranking<Unit>, figure: Figure): { rank: number; tied: boolean; of: number } | undefined {
  if (!isUsual(figure) || ranking.ranked.length < 2) return undefined;
  const facts = entryOf(rankingFacts, ranking, () => factsOf(ranking));
  if (!facts.varied) return undefined;
  const mine = facts.byFigure.get(figure);
  return mine ? { rank: mine.rank, tied: mine.tied, of: ranking.ranked.length } : undefined;
}

/**
 * A ranking's entries by figure, and whether its values differ at all: every unit page of a province
 * asks them of the same rankings, eighty figures a page.
 */
const rankingFacts = new WeakMap<Ranking<Unit>, { byFigure: Map<Figure, RankedEntry<Unit>>; varied: boolean }>();

/** The spread of a ranking's values; a province's rankings are shared by its unit pages, which would each work it out again. */
const spreadOfRanking = (ranking: Ranking<Unit>): Spread | undefined => entryOf(rankingSpreads, ranking, () => ({ spread: spreadOf(ranking.ranked.map((r) => r.figure.value)) })).spread;

const rankingSpreads = new WeakMap<Ranking<Unit>, { spread: Spread | undefined }>();

function factsOf(ranking: Ranking<Unit>): { byFigure: Map<Figure, RankedEntry<Unit>>; varied: boolean } {
  const byFigure = new Map<Figure, RankedEntry<Unit>>();
  for (const entry of ranking.ranked) if (!byFigure.has(entry.figure)) byFigure.set(entry.figure, entry);
  return { byFigure, varied: new Set(ranking.ranked.map((r) => r.figure.value)).size >= 2 };
}

/** The notes of a series' cells, each once, in the order they first come. */
function notesOf(series: readonly Figure[], viewOf: (f: Figure) => FigureCell): string[] {
  const notes = new Set<string>();
  for (const f of series) for (const note of viewOf(f).notes) notes.add(note);
  return [...notes];
}

/** The later of two figures of a series (of one unit and slot); the first on a tie. */
const laterOf = (a: Figure, b: Figure): Figure => (comparePeriods(a.period, b.period) >= 0 ? a : b);

/** The latest figure of a series: the one a unit page sets beside its committee's. */
function latestOf(series: readonly Figure[]): Figure {
  return series.reduce(laterOf);
}

const committeeRowsHeld = new WeakMap<PageContext, Map<string, Observation[]>>();

/**
 * The committee rows a province's unit pages read: the rows of its committee's stated figures in the
 * periods some unit's latest figure of a metric falls in (a unit page sets each of its metrics'
 * latest figure beside the committee's of the same period). The committee's other figures of those
 * periods are sums of units' rows or ratios of these, so with the province's unit rows these are all
 * a unit page reads of the data. One list per province, the same for all its unit pages.
 */
export function unitPagesCommitteeRows(context: PageContext, provinceId: string): readonly Observation[] {
  return entryOf(entryOf(committeeRowsHeld, context, () => new Map<string, Observation[]>()), provinceId, () => {
    // Read off the index's places by slot number: walking a province's 30,000 unit figures with a key for each slot took 0.2 s of every national build.
    const periods = context.figures.unitsLatestPeriods(provinceId);
    const rows: Observation[] = [];
    for (const f of context.committeeFigures.get(provinceId) ?? []) {
      if (f.basis !== 'reported' || !periods.has(f.period.id)) continue;
      const row = observationOf(f) ?? context.observations.get(f.observations[0] ?? '');
      if (row) rows.push(row);
    }
    return rows;
  });
}

/** What a unit page of the province reads (published.ts): its unit rows, and its committee's rows that the page shows. */
export function unitPageScope(context: PageContext, provinceId: string): PageScope {
  return { unitsOf: provinceId, committeeRows: unitPagesCommitteeRows(context, provinceId) };
}

export function unitPageData(context: PageContext, provinceId: string, unitId: string): UnitPageData {
  const unit = context.units.get(`${provinceId}/${unitId}`);
  const province = context.provinces.get(provinceId);
  if (!unit || !province) throw new Error(`no unit '${provinceId}/${unitId}'`);
  const path = sitePaths.unit(provinceId, unitId);
  const own = inMetricThenPeriodOrder(context, context.unitFigures.get(`${provinceId}/${unitId}`) ?? []);
  // Only units that report the metric for the period are set against each other. Every unit page
  // of a province ranks the same groups, and routes render a province's units one after another.
  const shared = provinceShared(context, provinceId);
  const unitsById = shared.unitsById;
  const rankings = shared.rankings;
  const rankingOf = (slot: string, period: Figure['period']) => {
    const key = peersKey(provinceId, period, slot);
    let ranking = rankings.get(key);
    if (!ranking) {
      ranking = rankFigures(
        (context.unitPeers.get(key) ?? []).flatMap((figure) => {
          const unitOfFigure = unitsById.get(figure.unit ?? '');
          return unitOfFigure ? [{ key: unitOfFigure, figure }] : [];
        }),
      );
      rankings.set(key, ranking);
    }
    return ranking;
  };

  // Plain loops over the unit's 400 figures: a pair made for each, to build a Map from, was as costly as the Map.
  const periodsById = new Map<string, Figure['period']>();
  for (const f of own) periodsById.set(f.period.id, f.period);
  const periods = [...periodsById.values()].sort(comparePeriods);
  // A cell shows a figure's value, link and notes: not the citations and the rest of a full view.
  const ownCells = new Map<Figure, ReturnType<typeof figureCellAndRow>>();
  for (const f of own) ownCells.set(f, figureCellAndRow(context, f, path));
  const viewOf = (f: Figure): FigureCell => (f.unit === null ? entryOf(shared.committeeViews, f, () => figureCell(context, f, path)) : (ownCells.get(f) as { cell: FigureCell }).cell);
  // A figure of the unit read as is from one cell of a unit return: that cell's row.
  const tableCellOf = (f: Figure) => {
    const row = ownCells.get(f)?.row;
    // A figure read through its row rests on that row alone (reportedFigure.ts): its list of one id is not made.
    return row && f.basis === 'reported' && (observationOf(f) === row || f.observations.length === 1) && isTableCell(lineOfRow(row)) ? row : undefined;
  };
  // Each figure's table cell, found once; and the unit's return line of each period: the line of the first of its figures read from one table cell.
  const cellRows = new Map<Figure, Observation>();
  const periodLine = new Map<string, Observation>();
  for (const f of own) {
    const row = tableCellOf(f);
    if (!row) continue;
    cellRows.set(f, row);
    if (!periodLine.has(f.period.id)) periodLine.set(f.period.id, row);
  }
  const cell = (f: Figure): UnitCell => {
    const view = viewOf(f);
    const row = cellRows.get(f);
    const periodRow = periodLine.get(f.period.id);
    const at = row && lineOfRow(row);
    const lineAt = periodRow && lineOfRow(periodRow);
    const viaHeading = at !== undefined && lineAt !== undefined && at.dataFile === lineAt.dataFile && at.line === lineAt.line;
    // Made field by field, in the order the page's JSON lists them: a spread of the optional one took a third of this.
    const made: UnitCell = viaHeading ? { display: view.display, approximate: view.approximate } : { display: view.display, href: view.href, approximate: view.approximate };
    if (view.summed !== undefined) made.summed = view.summed;
    return made;
  };
  const rows = [...groupBy(own, slotOf)].map(([slot, series]): UnitMetricRow => {
    const last = latestOf(series);
    const metricId = last.metric;
    const committee = context.figures.get(provinceId, null, last.period, slot);
    const mine = standingOf(rankingOf(slot, last.period), last);
    const standing = figureStanding(last);
    return {
      metricName: `${context.metrics.get(metricId)?.name ?? metricId}${standing.length > 0 ? `（${standing.join('；')}）` : ''}`,
      metricHref: relativeHref(path, sitePaths.metric(metricId)),
      cells: periods.map((p) => {
        const f = series.find((s) => s.period.id === p.id);
        return f ? cell(f) : null;
      }),
      latest: {
        periodLabel: periodLabel(last.period),
        committee: committee ? cell(committee) : null,
        rank: mine ? `${mine.of}个单位中${mine.tied ? '并列' : ''}第${mine.rank}` : '',
      },
      notes: notesOf(series, viewOf),
    };
  });

  // The chart shows the latest period, at most a dozen metrics, headline ones first; the table has them all.
  const latest = own.reduce((end, f) => Math.max(end, f.period.end), 0);
  const charted = headlineFirst(own.filter((f) => f.period.end === latest && isUsual(f)).map((f) => f.metric), 12);
  const standingRows = own.filter((f) => f.period.end === latest && isUsual(f) && charted.includes(f.metric)).flatMap((f): UnitStandingRow[] => {
    const metric = context.metrics.get(f.metric);
    if (!metric) throw new Error(f.metric);
    const ranking = rankingOf(f.metric, f.period);
    const mine = standingOf(ranking, f);
    const spread = spreadOfRanking(ranking);
    if (!mine || !spread) return [];
    const show = (value: number) => formatFigure({ value, qualifier: 'exact' }, metric);
    return [{
      metricName: `${metric.name}${periodLabel(f.period)}`,
      unitLabel: metric.unit,
      self: chartValue(context, f, metric),
      rank: mine.rank,
      tied: mine.tied,
      spread,
      spreadDisplay: { min: show(spread.min), lowerQuartile: show(spread.lowerQuartile), median: show(spread.median), upperQuartile: show(spread.upperQuartile), max: show(spread.max) },
    }];
  });
  const chart: ChartSpec = {
    id: `${provinceId}-unit-${unitId}`,
    kind: 'unitStanding',
    title: `${unit.name}在${province.name}各单位中`,
    caption: `每行一个指标：灰线为${province.name}报告该指标的各单位从最小到最大，蓝框为居中的一半单位（上、下四分位数之间），框中竖线为中位数；橙点为${unit.name}，注其数值与名次。位置按该行最大值折算。空心标记为约数；分布按各单位所报数值计算。${siteSourceNote}`,
    description: standingRows.map((r) => `${r.metricName}：${unit.name}${r.self.display}，${r.spread.count}个单位中${r.tied ? '并列' : ''}第${r.rank}，中位数${r.spreadDisplay.median}`).join('；'),
    table: {
      columns: ['指标', '本单位', '名次', '报告单位数', '最小', '下四分位数', '中位数', '上四分位数', '最大'],
      rows: standingRows.map((r) => [r.metricName, r.self.display, `${r.tied ? '并列' : ''}第${r.rank}`, String(r.spread.count), r.spreadDisplay.min, r.spreadDisplay.lowerQuartile, r.spreadDisplay.median, r.spreadDisplay.upperQuartile, r.spreadDisplay.max]),
    },
    data: { rows: standingRows },
  };

  const otherUnits = shared.withPages.size - (shared.withPages.has(unitId) ? 1 : 0);
  return {
    path,
    name: unit.name,
    aliases: unit.aliases,
    kind: unit.kind,
    province: { label: province.name, href: relativeHref(path, sitePaths.province(provinceId)) },
    committeeHeading: `${committeeScope[province.kind]}（工委）`,
    periods: periods.map(periodLabel),
    periodLines: periods.map((p) => {
      const line = periodLine.get(p.id);
      return line ? relativeHref(path, `${sitePaths.source(line.source)}#${rowAnchor(line.at)}`) : null;
    }),
    rows,
    charts: linkCharts(path, standingRows.length > 0 ? [chart] : []),
    otherUnits: otherUnits > 0 ? { href: relativeHref(path, `${sitePaths.province(provinceId)}#units`), count: otherUnits } : null,
  };
}
