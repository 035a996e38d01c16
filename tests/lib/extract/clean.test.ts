import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/lib/extract/clean.ts';

describe('cleanText', () => {
  it('drops inline pinyin after characters, in either bracket', () => {
    expect(cleanText('省直機(jī)關(guān)黨建（dǎng jiàn）')).toBe('省直機關黨建（dǎng jiàn）');
    expect(cleanText('機關(guān)黨委（wěi）')).toBe('機關黨委');
  });

  it('keeps brackets that are not pinyin', () => {
    expect(cleanText('党支部（含临时党支部）1960个')).toBe('党支部（含临时党支部）1960个');
  });

  it('restores the middle dot lost in copying between digits', () => {
    expect(cleanText('学习“7?1”重要讲话和“4？27”讲话')).toBe('学习“7·1”重要讲话和“4·27”讲话');
  });

  it('turns full-width, em and no-break spaces into one plain space and trims lines', () => {
    expect(cleanText('\u3000\u3000一是理论武装。\u2003全年')).toBe('一是理论武装。 全年');
    expect(cleanText('a\u00a0\u00a0b')).toBe('a b');
  });

  it("drops the website's own short lines: phone, copyright, addresses, bylines, links", () => {
    const text = ['正文第一段，立案37件。', '版权所有：省直机关工委', '联系电话：028-86001234', '地址：某市某路1号  邮编：610000', '發佈時間：2024-01-15  來源：工委', 'https://example.org/a.html', '正文第二段。'].join('\n');
    expect(cleanText(text)).toBe('正文第一段，立案37件。\n正文第二段。');
  });

  it('keeps a long paragraph of the review even when it mentions a site word', () => {
    const paragraph = `${'各级党组织依托微信公众号和QQ工作群开展学习，'.repeat(4)}全年组织学习活动480余场次。`;
    expect(paragraph.length).toBeGreaterThan(80);
    expect(cleanText(paragraph)).toBe(paragraph);
  });
});
