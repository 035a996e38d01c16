/**
 * What of a page goes into the search index: its title and the text of its
 * main part, without charts and data tables. People search for a province, a
 * unit, a metric or a phrase of a narrative, and those stand in headings and
 * prose; the tables repeat names and figures, and at national scale they are
 * nine tenths of every page's bytes, which Pagefind would otherwise parse.
 */
const dropped = [/<figure class="chart"[\s\S]*?<\/figure>/gu, /<table[\s\S]*?<\/table>/gu, /<svg[\s\S]*?<\/svg>/gu, /<script[\s\S]*?<\/script>/gu, /<style[\s\S]*?<\/style>/gu];

export function searchableHtml(html: string): string {
  return dropped.reduce((text, pattern) => text.replace(pattern, ''), html);
}
