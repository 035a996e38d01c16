import { describe, expect, it } from 'vitest';
import { roundCoordinates } from '../../src/charts/render.ts';

describe('roundCoordinates', () => {
  it('rounds positions in attributes to a tenth of a pixel', () => {
    expect(roundCoordinates('<circle cx="391.28333333333336" cy="44" r="5" />')).toBe('<circle cx="391.3" cy="44" r="5" />');
    expect(roundCoordinates('<path d="M0,12.349999L-3.04,7.5" />')).toBe('<path d="M0,12.3L-3.04,7.5" />');
    expect(roundCoordinates('<text y="0.32em" x="-0.0001">')).toBe('<text y="0.32em" x="0">');
    expect(roundCoordinates('<g transform="translate(243.99999,0)">')).toBe('<g transform="translate(244,0)">');
  });

  it('leaves figures in titles and text as they are written', () => {
    const svg = '<circle cx="1.2549"><title>省财政厅 95.245%</title></circle><text x="1">312.865万元</text>';
    expect(roundCoordinates(svg)).toBe('<circle cx="1.3"><title>省财政厅 95.245%</title></circle><text x="1">312.865万元</text>');
  });
});
