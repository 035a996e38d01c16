/**
 * Turns a chart's data into an SVG string at build time: the chart module
 * gives Plot options, Plot draws them into a linkedom document, and the SVG
 * gets a role, a title and a description for screen readers.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartSpec } from '../lib/pages/chartData.ts';
import { casePipelinePlot } from './casePipeline.ts';
import { coverageMatrixPlot } from './coverageMatrix.ts';
import { rankedBarsPlot } from './rankedBars.ts';
import { rateBarsPlot } from './rateBars.ts';
import { tileGridPlot } from './tileGrid.ts';
import { trendLinesPlot } from './trendLines.ts';
import { unitStandingPlot } from './unitStanding.ts';

export function plotOptions(spec: ChartSpec): Plot.PlotOptions {
  switch (spec.kind) {
    case 'tileGrid':
      return tileGridPlot(spec.data);
    case 'rankedBars':
      return rankedBarsPlot(spec.data);
    case 'trendLines':
      return trendLinesPlot(spec.data);
    case 'coverageMatrix':
      return coverageMatrixPlot(spec.data);
    case 'rateBars':
      return rateBarsPlot(spec.data);
    case 'casePipeline':
      return casePipelinePlot(spec.data);
    case 'unitStanding':
      return unitStandingPlot(spec.data);
  }
}

/** One document for every chart: Plot only creates elements in it, and they are dropped once serialised. */
let shared: Document | undefined;

export function renderChartSvg(spec: ChartSpec): string {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const document = shared;
  const svg = Plot.plot({
    ...plotOptions(spec),
    document,
    // A fixed class keeps output identical between builds and shares one style per chart kind.
    className: `zs-chart-${spec.kind.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`,
  });
  // A drawing is an image; one with links in it (the tile map's squares) is a group, as an image's parts are not reached.
  svg.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
  svg.setAttribute('aria-labelledby', `${spec.id}-title`);
  svg.setAttribute('aria-describedby', `${spec.id}-desc`);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${spec.id}-title`);
  title.textContent = spec.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${spec.id}-desc`);
  desc.textContent = spec.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute('class', `zs-chart ${svg.getAttribute('class') ?? ''}`.trim());
  return roundCoordinates(withoutPlotExtras(svg.outerHTML));
}

/**
 * What Plot writes into every chart and the site has once: its <style> block (the rules are in
 * site.css, under svg.zs-chart: 5 KB of a 12 KB chart), `font-variant` on groups (not an SVG
 * attribute the HTML checker knows; site.css sets tabular figures), and `aria-label` on groups
 * (a label on an element without a role, which screen readers ignore and axe reports: the chart's
 * title and description say what it shows, its table gives every figure).
 */
export function withoutPlotExtras(svg: string): string {
  return svg
    .replace(/<style>[\s\S]*?<\/style>/u, '')
    .replace(/ font-variant="[^"]*"/gu, '')
    .replace(/(<(?!svg\b)[a-z]+\b[^>]*?) aria-label="[^"]*"/gu, '$1');
}

/**
 * Plot writes positions with full floating-point precision (cx="391.28333333333336");
 * a tenth of a pixel is finer than any screen or printer shows, and the page is lighter.
 * Only attribute values with three decimals or more are touched (0.32em stays): figures in
 * titles and labels stay as written.
 */
export function roundCoordinates(svg: string): string {
  // One pass that stops only at attribute values holding such a number: most values
  // (colours, short integers, ids) are skipped inside the regex engine, without a call each.
  return svg.replace(/="[^"]*\d\.\d{3}[^"]*"/gu, (attribute) => attribute.replace(/-?\d+\.\d{3,}/gu, roundToTenth));
}

/** A number written with three decimals or more, to a tenth (px). */
function roundToTenth(figure: string): string {
  return String(Math.round(Number(figure) * 10) / 10);
}
