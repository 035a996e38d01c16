/**
 * linkedom as patched by patches/linkedom+0.18.15.patch (applied by `npm install`): a node's table of
 * event listeners is made when a listener is first added, not with every node, as the charts add none.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

describe('linkedom, patched', () => {
  it('is the patched code: a node is made without a table of listeners', () => {
    // The package's folder, from its main file: its exports name no inner file.
    const linkedom = dirname(dirname(createRequire(import.meta.url).resolve('linkedom')));
    for (const build of ['esm', 'cjs']) {
      const file = join(linkedom, build, 'interface', 'event-target.js');
      const constructor = /constructor\(\) \{([^}]*)\}/u.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      // Not there: run `npm install`, whose postinstall (patch-package) applies patches/.
      expect(constructor.trim(), file).toBe('');
    }
  });

  it('still calls listeners, added and removed after the node was made, once each', () => {
    const { document, Event } = parseHTML('<svg><g><circle/></g></svg>');
    const circle = document.querySelector('circle');
    const g = document.querySelector('g');
    if (!circle || !g) throw new Error('no circle');
    const heard: string[] = [];
    const onCircle = () => heard.push('circle');
    circle.addEventListener('ping', onCircle);
    g.addEventListener('ping', () => heard.push('g'));
    circle.dispatchEvent(new Event('ping', { bubbles: true }));
    circle.removeEventListener('ping', onCircle);
    circle.dispatchEvent(new Event('ping', { bubbles: true }));
    // The svg never had a listener: both events bubbled through it to no one, and removing one from it is no error.
    document.querySelector('svg')?.removeEventListener('ping', onCircle);
    expect(heard).toEqual(['circle', 'g', 'g']);
  });
});
