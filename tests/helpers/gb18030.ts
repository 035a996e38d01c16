/** Test input as Chinese Excel and WPS save it. */

/** GB18030 bytes of a text, through iconv-free means: Node can decode GB18030 but not encode it, so the test maps the few characters it needs. */
export function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, Buffer>();
  // Every two-byte GB18030 code: 0x81-0xFE lead, 0x40-0xFE trail.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const char = decoder.decode(bytes);
      if (char.length === 1 && !table.has(char)) table.set(char, bytes);
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : (table.get(ch) ?? Buffer.from('?')))));
}
