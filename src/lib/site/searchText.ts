/**
 * What of a page goes into the search index: its title and the text of its
 * main part, without charts, data tables and lists of links to other pages.
 * People search for a province, a unit, a metric or a phrase of a narrative,
 * and those stand in headings and prose; the tables repeat names and figures,
 * and at national scale they are nine tenths of every page's bytes, which
 * the search index would otherwise parse (src/lib/search/document.ts).
 */

/** Dropped in this order, each from its opening to the first closing after it (elements of a kind are never nested in our pages). */
const dropped: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<figure class="chart"', '</figure>'],
  // A unit page's pointer to the other units of its province: the same words on every unit page.
  ['<p class="siblings"', '</p>'],
  ['<table', '</table>'],
  ['<svg', '</svg>'],
  ['<script', '</script>'],
  ['<style', '</style>'],
];

/**
 * The text without every span from `open` to the first `close` after it; an
 * opening with no closing after it is kept, as are the rest. Found with
 * indexOf rather than a lazy regular expression: the tables make up most of a
 * page, and a regular expression walks them character by character.
 */
function withoutSpans(text: string, open: string, close: string): string {
  const kept: string[] = [];
  let from = 0;
  for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, from)) {
    const end = text.indexOf(close, start + open.length);
    if (end < 0) break;
    kept.push(text.slice(from, start));
    from = end + close.length;
  }
  kept.push(text.slice(from));
  return kept.join('');
}

export function searchableHtml(html: string): string {
  return dropped.reduce((text, [open, close]) => withoutSpans(text, open, close), html);
}
