/**
 * Each chart's drawing as a file of its own, for a reader to put in a report: taken from the page's
 * HTML as the build renders it, so the file is the very drawing the page shows, drawn once. On the
 * page the site's stylesheet gives the drawing its font and background; the file carries them.
 */

/** A chart's figure (components/Chart.astro) and the first drawing in it. */
const chartFigure = /<figure class="chart" id="([^"]+)"[^>]*>[\s\S]*?(<svg\b[\s\S]*?<\/svg>)/gu;

/** What svg.zs-chart in public/site.css gives a drawing on the page. */
const fileStyle =
  "svg{--plot-background:#fff;background:#fff;color:#1f2328;font-family:'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif;font-variant-numeric:tabular-nums}text,tspan{white-space:pre}";

/** The drawings of a page's charts, by chart id, as standalone SVG files. */
export function chartSvgFiles(html: string): Array<{ id: string; svg: string }> {
  return [...html.matchAll(chartFigure)].map(([, id = '', svg = '']) => ({ id, svg: standaloneSvg(svg) }));
}

/** An inline `<svg>` as a file: an XML declaration, the SVG namespace, and the page's style for it. */
export function standaloneSvg(inline: string): string {
  const opened = inline.replace(/^<svg\b/u, inline.includes('xmlns=') ? '<svg' : '<svg xmlns="http://www.w3.org/2000/svg"');
  const tagEnd = opened.indexOf('>') + 1;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${opened.slice(0, tagEnd)}<style>${fileStyle}</style>${opened.slice(tagEnd)}\n`;
}
