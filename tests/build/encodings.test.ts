/** Files saved as GB18030 (Chinese Excel, WPS) and UTF-16 (Excel's "Unicode text") build like UTF-8 ones: no mojibake. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/buildSite.ts';
import { loadDataSet } from '../../src/load/loadDataSet.ts';
import { encodeGb18030 } from '../helpers/gb18030.ts';
import { fixtureSite } from '../helpers/paths.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const tempDir = useTempDir();

describe('encodings', () => {
  it('builds a site from GB18030 and UTF-16 files with Chinese names', async () => {
    const dir = tempDir();
    cpSync(fixtureSite, dir, { recursive: true });
    const sample = join(dir, 'data/observations/sample.csv');
    writeFileSync(sample, encodeGb18030(readFileSync(sample, 'utf8')));
    const more = join(dir, 'data/observations/more.csv');
    const tabbed = readFileSync(more, 'utf8').replaceAll(',', '\t').replaceAll('\n', '\r\n');
    writeFileSync(more, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]));

    const options = { dataDir: join(dir, 'data'), contentDir: join(dir, 'content') };
    const { dataSet, problems } = await loadDataSet(options);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.code === 'not-utf8').map((p) => p.message)).toEqual([
      'the file is UTF-16 (little-endian), tab-separated; it was read as such',
      'the file is GB18030 (GBK); it was read as such',
    ]);
    const out = join(dir, 'dist');
    await buildSite({ ...options, dataSet, outDir: out });
    const review = parseHTML(readFileSync(join(out, 'hainan/2020.html'), 'utf8')).document.body.textContent;
    expect(review).toContain('省高院立案5件');
    expect(review).toContain('省公安厅立案7件');
    expect(review).toContain('问题线索821件');
    expect(review).not.toContain('\uFFFD');
  });
});
