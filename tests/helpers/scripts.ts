/** The only scripts a built page may load: the compare picker and the search box, both optional. */
export function optionalScripts(file: string): string[] {
  const up = file.includes('/zh-Hant/') ? '../' : './';
  if (file.endsWith('/compare.html')) return ['./compare.js'];
  if (file.endsWith('/search.html')) return [`${up}pagefind/pagefind-ui.js`, './search.js'];
  return [];
}
