/**
 * Page data of the sources: an index of every article, and one page per
 * article with every data row taken from it, so a figure on any page links to
 * its row. Rows of the article's prose are listed one a row with their quotes;
 * a unit-return table (data/tables/) is shown as it is laid out, a line a unit
 * and a column a metric, which says its thousands of figures in a tenth of the
 * bytes that a row a figure would take.
 */
import { writtenMeasureWord } from '../checks/measureWords.ts';
import { writtenDisplay } from '../figureText.ts';
import { figureStanding } from './views.ts';
import { attribute, escapeText } from '../html.ts';
import { entryOf, groupBy } from '../maps.ts';
import { periodLabel } from '../period.ts';
import { isTableCell, relativeHref, rowAnchor, rowLabel, sitePaths } from '../site/paths.ts';
import type { Observation } from '../schema/observation.ts';
import { inUnitReturns } from '../openData/unitReturns.ts';
import type { PageContext } from './context.ts';
import type { Link } from './reviewPage.ts';

export interface SourceRow {
  anchor: string;
  metricName: string;
  metricHref: string;
  subject: string;
  periodLabel: string;
  written: string;
  display: string;
  quote: string;
  note: string;
  /** `observations/x.csv:12`: the data row. */
  row: string;
}

/** A line of a unit-return table: one unit's figures, a cell a column. */
export interface UnitReturnLine {
  anchor: string;
  /** `tables/hainan/2020.csv:3`: the line in the data folder. */
  row: string;
  unit: Link;
  /** The cell of each of the table's columns as written in the file, with its notes; '' where the line has none. */
  cells: string[];
  /** Notes of the line's cells, `党支部数：口径：…`. */
  notes: string[];
}

/** A unit-return table of the source, as its file lays it out. */
export interface UnitReturnTable {
  /** `tables/hainan/2020.csv`. */
  file: string;
  columns: Array<{ name: string; href: string }>;
  lines: UnitReturnLine[];
}

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  provinceName: string;
  periodLabel: string;
  rowCount: number;
}

export interface SourcesIndexData {
  path: string;
  sources: Array<SourceSummary & { href: string }>;
}

export interface SourcePageData extends SourceSummary {
  path: string;
  review: Link;
  index: Link;
  /** The rows of the article's prose, each with its quote. */
  rows: SourceRow[];
  unitReturns: UnitReturnTable[];
  /** The province's unit returns in the data package, every period, a line a row. */
  unitReturnsDownload: Link | null;
}

function summary(context: PageContext, id: string): SourceSummary {
  const source = context.sources.get(id);
  if (!source) throw new Error(`no source '${id}'`);
  return {
    id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    url: source.url,
    provinceName: context.provinces.get(source.province)?.name ?? source.province,
    periodLabel: periodLabel(source.period),
    rowCount: context.observationsBySource.get(id)?.length ?? 0,
  };
}

export function sourcesIndexData(context: PageContext): SourcesIndexData {
  const path = sitePaths.sources();
  return { path, sources: context.dataSet.sources.map((s) => ({ ...summary(context, s.id), href: relativeHref(path, sitePaths.source(s.id)) })) };
}

export function sourcePageData(context: PageContext, id: string): SourcePageData {
  const path = sitePaths.source(id);
  const source = context.sources.get(id);
  if (!source) throw new Error(`no source '${id}'`);
  const all = context.observationsBySource.get(id) ?? [];
  const prose = all.filter((o) => !isTableCell(o.at));
  const cells = all.filter((o) => isTableCell(o.at));
  // A source has hundreds of rows over a few metrics, units and periods: name and link each once.
  const metrics = new Map<string, { name: string; href: string }>();
  const metricLink = (metricId: string) =>
    entryOf(metrics, metricId, () => ({ name: context.metrics.get(metricId)?.name ?? metricId, href: relativeHref(path, sitePaths.metric(metricId)) }));
  const subjects = new Map<string, string>();
  const periods = new Map<string, string>();
  const about = summary(context, id);
  return {
    ...about,
    path,
    review: { label: '本站综述页', href: relativeHref(path, sitePaths.review(source.province, source.period.id)) },
    index: { label: '全部来源', href: relativeHref(path, sitePaths.sources()) },
    rows: prose.map((o) => {
      const metric = context.metrics.get(o.metric);
      const named = metricLink(o.metric);
      const subject = entryOf(subjects, `${o.province}/${o.unit ?? ''}`, () => {
        const province = context.provinces.get(o.province)?.name ?? o.province;
        const unit = o.unit ? (context.units.get(`${o.province}/${o.unit}`)?.name ?? o.unit) : null;
        return unit ? `${province} · ${unit}` : province;
      });
      const period = entryOf(periods, o.period.id, () => periodLabel(o.period));
      return {
        anchor: rowAnchor(o.at),
        metricName: named.name,
        metricHref: named.href,
        subject,
        periodLabel: period,
        written: o.written,
        display: metric ? writtenDisplay(o, metric, writtenMeasureWord(o)) : o.written,
        quote: o.quote,
        note: rowNotes(o).join('；'),
        row: rowLabel(o.at),
      };
    }),
    unitReturns: unitReturnTables(context, path, cells, metricLink),
    unitReturnsDownload: unitReturnsLink(path, source.province, about.provinceName, cells),
  };
}

/**
 * The province's unit returns in the data package, where the source has cells there. A cell its
 * number alone cannot say (约40, one with a note) is a row of the package's observations instead
 * (src/lib/openData/unitReturns.ts): the link says where those are.
 */
function unitReturnsLink(path: string, province: string, provinceName: string, cells: readonly Observation[]): Link | null {
  if (!cells.some(inUnitReturns)) return null;
  const elsewhere = cells.some((o) => !inUnitReturns(o)) ? `；约数和带注的格在数据包的 observations/${province}.csv` : '';
  return { label: `${provinceName}各期单位报表（CSV，数据包${elsewhere}）`, href: relativeHref(path, sitePaths.unitReturns(province)) };
}

/** What a row's figure is apart from its value: its scope or time, what it is part of, the row's own note. */
function rowNotes(o: Observation): string[] {
  return [...figureStanding(o), ...(o.partOf ? [`计入本来源id为${o.partOf}的数字`] : []), ...(o.note ? [o.note] : [])];
}

/** The source's unit-return cells as their tables: a table a file, a line a unit, a column as the file has it. */
function unitReturnTables(context: PageContext, path: string, cells: readonly Observation[], metricLink: (metric: string) => { name: string; href: string }): UnitReturnTable[] {
  return [...groupBy(cells, (o) => o.at.dataFile)].map(([file, inFile]) => {
    // Columns in the file's order, each the metric its header names.
    const columns = [...new Map([...inFile].sort((a, b) => a.at.column - b.at.column).map((o) => [o.at.column, o.metric])).entries()];
    const place = new Map(columns.map(([column], i) => [column, i]));
    const lines = [...groupBy([...inFile].sort((a, b) => a.at.line - b.at.line), (o) => String(o.at.line))].map(([, line]): UnitReturnLine => {
      const first = line[0] as Observation;
      const written = columns.map(() => '');
      for (const o of line) written[place.get(o.at.column) as number] = o.written;
      // A note the line gives (its note column) is said once; a note of some cells only, with its metric.
      const said = line.map((o) => rowNotes(o).join('；'));
      const notes = said.every((n) => n === said[0])
        ? said[0] ? [said[0]] : []
        : line.flatMap((o, i) => (said[i] ? [`${metricLink(o.metric).name}：${said[i]}`] : []));
      const unitName = first.unit ? (context.units.get(`${first.province}/${first.unit}`)?.name ?? first.unit) : (context.provinces.get(first.province)?.name ?? first.province);
      return {
        anchor: rowAnchor(first.at),
        row: `${file}:${first.at.line}`,
        unit: { label: unitName, href: first.unit ? relativeHref(path, sitePaths.unit(first.province, first.unit)) : relativeHref(path, sitePaths.province(first.province)) },
        cells: written,
        notes,
      };
    });
    return { file, columns: columns.map(([, metric]) => metricLink(metric)), lines };
  });
}

/**
 * The body of a source page's table, one `<tr>` per row, as the page's template would write it:
 * a page of thousands of rows renders as one string instead of eight Astro expressions a row.
 */
export function sourceRowsHtml(rows: readonly SourceRow[]): string {
  let html = '';
  for (const r of rows) {
    html +=
      `<tr${attribute('id', r.anchor)}><td><a${attribute('href', r.metricHref)}>${escapeText(r.metricName)}</a></td>` +
      `<td>${escapeText(r.subject)}</td><td class="period">${escapeText(r.periodLabel)}</td>` +
      `<td class="num">${escapeText(r.written)}</td><td class="num">${escapeText(r.display)}</td>` +
      `<td class="quote"><q data-verbatim>${escapeText(r.quote)}</q>${r.note ? `<div>注：${escapeText(r.note)}</div>` : ''}</td>` +
      `<td class="note">${escapeText(r.row)}</td></tr>`;
  }
  return html;
}

/**
 * The body of a unit-return table on a source page, one `<tr>` per line: the unit and the line,
 * then each column's cell as the file writes it.
 */
export function unitReturnRowsHtml(table: UnitReturnTable): string {
  let html = '';
  for (const line of table.lines) {
    html += `<tr${attribute('id', line.anchor)}><th scope="row"><a${attribute('href', line.unit.href)}>${escapeText(line.unit.label)}</a><div class="note">第${line.row.slice(line.row.lastIndexOf(':') + 1)}行</div></th>`;
    for (const cell of line.cells) html += cell === '' ? '<td></td>' : `<td>${escapeText(cell)}</td>`;
    html += '</tr>';
    if (line.notes.length > 0) html += `<tr><td class="note"${attribute('colspan', String(line.cells.length + 1))}>注：${escapeText(line.notes.join('；'))}</td></tr>`;
  }
  return html;
}
