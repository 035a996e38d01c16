/**
 * The words the search page's script writes (src/browser/searchPage.ts), in Simplified
 * Chinese. The page hands them to the script in an attribute, so the Traditional edition's
 * page, converted like every page, hands it the same words in Traditional. [QUERY] stands for
 * what was searched, [COUNT] for the number of pages found.
 */
export const searchLabels = {
  searching: '正在搜索“[QUERY]”…',
  some: '“[QUERY]”：[COUNT]个网页',
  // Each edition's page searches its own pages: 江蘇 finds nothing among the Simplified ones.
  none: '没有找到含“[QUERY]”的网页。请检查字词，或用本版的字形再试。',
  no_words: '请输入要找的字词（汉字、字母或数字）。',
  failed: '搜索出错：没能读取搜索索引。请刷新本页再试。',
} as const;
