/** The only scripts a built page may load: the compare picker and the search box, both optional. */
export function optionalScripts(file: string): string[] {
  if (file.endsWith('/compare.html')) return ['./compare.js'];
  if (file.endsWith('/search.html')) return ['./search.js'];
  return [];
}
