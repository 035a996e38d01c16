import { describe, expect, it } from 'vitest';
import { attribute, escapeText } from '../../src/lib/html.ts';

const hostile = `"><script>alert('x' & "y")</script>`;

describe('escapeText', () => {
  it('escapes what Astro escapes in text, as it does', () => {
    expect(escapeText(hostile)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
  });

  it('leaves text with nothing to escape as it is', () => {
    expect(escapeText('党支部达标率87.7%')).toBe('党支部达标率87.7%');
    expect(escapeText('')).toBe('');
  });
});

describe('attribute', () => {
  it('quotes the value, escaping what Astro escapes in attributes, as it does', () => {
    expect(attribute('href', hostile)).toBe(` href="&#34;><script>alert('x' &#38; &#34;y&#34;)</script>"`);
    expect(attribute('id', 'row-observations-a-2')).toBe(' id="row-observations-a-2"');
  });

  it('writes the bare name for an empty value', () => {
    expect(attribute('id', '')).toBe(' id');
  });
});
