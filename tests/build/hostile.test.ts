/**
 * A data set whose every text field tries to inject markup: names, titles,
 * definitions, quotes, notes and the narrative. The built pages must show the
 * text as text: no script, no event handler, no javascript: link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { contentSecurityPolicy } from '../../src/lib/site/security.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { htmlFiles } from '../helpers/linkCheck.ts';
import { repoRoot } from '../helpers/paths.ts';
import { optionalScripts } from '../helpers/scripts.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir('all');
const hostile = join(repoRoot, 'tests/fixtures/hostile');
let out = '';

beforeAll(async () => {
  const options = { dataDir: join(hostile, 'data'), contentDir: join(hostile, 'content') };
  const { dataSet, problems } = await loadDataSet(options);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  out = join(tempDir(), 'dist');
  await buildSite({ ...options, dataSet, outDir: out });
});

describe('hostile strings in the data', () => {
  it('never become markup', () => {
    for (const file of htmlFiles(out)) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('src'));
      expect(scripts, file).toEqual(optionalScripts(file));
      expect(document.querySelectorAll('img'), file).toHaveLength(0);
      for (const element of document.querySelectorAll('*')) {
        for (const name of element.getAttributeNames()) expect(name.startsWith('on'), `${file}: <${element.tagName} ${name}>`).toBe(false);
      }
      for (const link of document.querySelectorAll('a[href]')) {
        expect(link.getAttribute('href'), file).not.toMatch(/^\s*(?:javascript|vbscript|data):/iu);
      }
    }
  });

  it('shows them as text, where they were written', () => {
    const { document } = parseHTML(readFileSync(join(out, 'hainan.html'), 'utf8'));
    expect(document.querySelector('h1')?.textContent).toBe('海南<script>alert("province")</script>');
    const review = parseHTML(readFileSync(join(out, 'hainan/2020.html'), 'utf8')).document;
    expect(review.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert("front")>');
    const narrative = review.querySelector('.narrative')?.textContent ?? '';
    expect(narrative).toContain('<script>alert("body")</script>');
    expect(narrative).toContain('[点我](javascript:alert("link"))');
    expect(review.body.textContent).toContain('"><img src=x onerror=alert("unit")>');
  });

  it('puts the content security policy on every page', () => {
    for (const file of htmlFiles(out)) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), file).toBe(contentSecurityPolicy);
    }
  });
});
