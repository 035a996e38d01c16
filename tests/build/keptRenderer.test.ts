import { describe, expect, it } from 'vitest';
import { inPageOrder } from '../../src/build/keptRenderer.ts';

describe('inPageOrder', () => {
  const page = (pathname: string) => ({ pathname, route: pathname.split('/').length });

  it("puts Astro's pages in the order of the site's page list, whatever order the routes gave them in", () => {
    const astro = ['/compare/hainan/jiangsu', '/metrics/party-members', '/hainan/units/gaoyuan', '/', '/hainan/2020', '/hainan'].map(page);
    const order = ['hainan/2020.html', 'hainan.html', 'hainan/units/gaoyuan.html', 'compare/hainan/jiangsu.html', 'metrics/party-members.html', 'index.html'];
    expect(inPageOrder(astro, order).map((p) => p.pathname)).toEqual(['/hainan/2020', '/hainan', '/hainan/units/gaoyuan', '/compare/hainan/jiangsu', '/metrics/party-members', '/']);
  });

  it('puts pages the list does not hold after the others, by path, and keeps each page as it was given', () => {
    const astro = ['/zeta', '/hainan/2020', '/alpha', '/hainan'].map(page);
    const ordered = inPageOrder(astro, ['hainan.html', 'hainan/2020.html']);
    expect(ordered.map((p) => p.pathname)).toEqual(['/hainan', '/hainan/2020', '/alpha', '/zeta']);
    expect(ordered[0]).toBe(astro[3]);
    expect(inPageOrder(astro, []).map((p) => p.pathname)).toEqual(['/alpha', '/hainan', '/hainan/2020', '/zeta']);
  });
});
