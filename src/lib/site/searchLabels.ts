/**
 * The words of the search box (Pagefind UI's translation keys), in our own Simplified
 * Chinese. The search page hands them to the box in an attribute, so the Traditional
 * edition's page, converted like every page, hands the box the same words in Traditional:
 * Pagefind picks its own words by the index's language, which is one (zh) for both editions.
 * Words that name an edition would be converted too (简体 to 簡體), so none does.
 */
export const searchLabels = {
  placeholder: '搜索全站',
  clear_search: '清除',
  load_more: '显示更多结果',
  search_label: '搜索本站',
  filters_label: '筛选',
  // Results are of the reader's own edition at first (public/search.js): 江蘇 finds nothing among the Simplified pages.
  zero_results: '没有找到与“[SEARCH_TERM]”相关的内容（若在“版本”下选了一版，可改选另一版再试）',
  many_results: '“[SEARCH_TERM]”：[COUNT]个结果',
  one_result: '“[SEARCH_TERM]”：[COUNT]个结果',
  total_zero_results: '没有结果',
  total_one_result: '[COUNT]个结果',
  total_many_results: '[COUNT]个结果',
  alt_search: '没有找到与“[SEARCH_TERM]”相关的内容，以下是“[DIFFERENT_TERM]”的结果',
  search_suggestion: '没有找到与“[SEARCH_TERM]”相关的内容，可以试试下面的搜索词。',
  searching: '正在搜索“[SEARCH_TERM]”…',
  results_label: '搜索结果',
  error_search: '搜索出错',
  filter_selected_one: '已选[COUNT]项',
  filter_selected_many: '已选[COUNT]项',
  loading: '正在加载',
} as const;
