import { describe, expect, it } from 'vitest';
import { pagePathOf } from '../../../src/lib/site/paths.ts';

describe('pagePathOf', () => {
  it('turns the URL path Astro renders into the file the page is written to', () => {
    expect(pagePathOf('/beijing/2023.html')).toBe('beijing/2023.html');
    expect(pagePathOf('/compare/beijing/hainan.html')).toBe('compare/beijing/hainan.html');
    expect(pagePathOf('/')).toBe('index.html');
    expect(pagePathOf('/index.html')).toBe('index.html');
    expect(pagePathOf('/methodology')).toBe('methodology.html');
  });

  it('decodes escaped characters, as the file name on disk has them', () => {
    expect(pagePathOf('/sources/a%20b.html')).toBe('sources/a b.html');
  });
});
