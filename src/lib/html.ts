/**
 * Escaping for HTML a page writes as a string rather than through Astro's
 * expressions, where one expression per table cell costs seconds over the
 * national set's 930k source rows. Each escapes the characters Astro escapes,
 * the way it does, so the page is byte for byte what its template wrote.
 */

const textSpecial = /[&<>"']/u;
const textSpecials = /[&<>"']/gu;
const textEntity: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text between tags, as Astro writes `{text}`: no character of it can open or close markup. */
export function escapeText(text: string): string {
  // Most cells hold nothing to escape: testing first spares a copy of each.
  return textSpecial.test(text) ? text.replace(textSpecials, (c) => textEntity[c] as string) : text;
}

const attributeSpecial = /[&"]/u;

/** ` name="value"`, as Astro writes `name={value}`: the value in double quotes cannot end them; an empty value leaves the bare name. */
export function attribute(name: string, value: string): string {
  if (value === '') return ` ${name}`;
  return ` ${name}="${attributeSpecial.test(value) ? value.replaceAll('&', '&#38;').replaceAll('"', '&#34;') : value}"`;
}
