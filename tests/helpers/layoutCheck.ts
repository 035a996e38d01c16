/**
 * What a reader sees go wrong on a page at one width, measured in the browser: the page scrolling
 * sideways, a chart or a chart's text running past its drawing or the screen, chart text too small
 * on a phone or too large on a desktop, a tile map without its legend, and a number broken from
 * its measure word or a period broken across lines. Each problem is one line naming what and where.
 *
 * `inspectLayout` runs inside the page (page.evaluate): it may use nothing from outside itself.
 */

export interface LayoutLimits {
  /** Smallest chart text allowed, in CSS px as shown (11 on a 390 px phone); 0: no floor. */
  minChartText: number;
  /** Largest chart text allowed, as a multiple of the body text (1.3 on a desktop); 0: no ceiling. */
  maxChartTextRatio: number;
}

export function inspectLayout(limits: LayoutLimits): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  const overflow = document.documentElement.scrollWidth - width;
  if (overflow > 1) problems.push(`the page scrolls sideways by ${overflow} px`);

  const bodyText = parseFloat(getComputedStyle(document.body).fontSize);
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.zs-chart')) {
    const name = svg.querySelector('title')?.textContent ?? svg.id;
    const box = svg.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1) problems.push(`chart "${name}" runs off the screen (${Math.round(box.left)}–${Math.round(box.right)} of ${width} px)`);
    const drawnWidth = svg.viewBox.baseVal.width || box.width;
    const scale = box.width / drawnWidth;
    for (const text of svg.querySelectorAll('text')) {
      const content = text.textContent ?? '';
      if (content.trim() === '') continue;
      const t = text.getBoundingClientRect();
      if (t.width === 0) continue;
      if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1) problems.push(`chart "${name}": "${content}" is cut off`);
      const shown = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (limits.minChartText > 0 && shown < limits.minChartText - 0.05) problems.push(`chart "${name}": "${content}" is ${shown.toFixed(1)} px, under ${limits.minChartText} px`);
      if (limits.maxChartTextRatio > 0 && shown > bodyText * limits.maxChartTextRatio + 0.05) problems.push(`chart "${name}": "${content}" is ${shown.toFixed(1)} px, over ${limits.maxChartTextRatio} × ${bodyText} px`);
    }
  }

  for (const map of document.querySelectorAll('svg.zs-chart-tile-grid')) {
    const texts = [...map.querySelectorAll('text')].map((t) => t.textContent ?? '');
    if (!texts.includes('未报告') && !texts.includes('未報告')) problems.push(`tile map "${map.querySelector('title')?.textContent ?? ''}" has no legend`);
  }

  // A number with its qualifier and measure word, or a period, must stand on one line.
  const figure =
    /\d{4}年?[—–-]\d{4}年|(?:约|近|超过|逾|超|≈)?\d+(?:[.,]\d+)*(?:余|多)?[十百千万亿]*(?:余|多)?(?:人次|场次|批次|万元|亿元|个百分点|元|个|名|人|期|场|次|件|篇|份|家|项|支|条|所|批|部|位|户|倍|天|年|%)(?:以上|左右)?/gu;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('svg, script, style, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(figure)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
      if (lines.size > 1) problems.push(`"${match[0]}" breaks across ${lines.size} lines in "${text.slice(Math.max(0, match.index - 10), match.index + match[0].length + 10)}"`);
    }
  }
  return problems;
}
