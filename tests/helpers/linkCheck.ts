/** Finds broken internal links in a built site: missing files and missing anchors. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function brokenLinks(dist: string): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let known = ids.get(file);
    if (!known) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      known = new Set([...document.querySelectorAll('[id]')].map((e) => e.getAttribute('id') ?? ''));
      ids.set(file, known);
    }
    return known;
  };
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const targets = [
      ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href') ?? ''),
      ...[...document.querySelectorAll('script[src], img[src]')].map((e) => e.getAttribute('src') ?? ''),
    ];
    for (const target of targets) {
      if (/^(?:[a-z]+:|\/\/)/iu.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const to = path === '' ? file : resolve(dirname(file), path);
      const where = `${relative(dist, file)} → ${target}`;
      if (target.startsWith('/')) broken.push(`${where} (absolute: breaks under a sub-path and file://)`);
      else if (!to.startsWith(dist) || !existsSync(to)) broken.push(`${where} (no such file)`);
      else if (anchor && to.endsWith('.html') && !idsOf(to).has(anchor)) broken.push(`${where} (no such anchor)`);
    }
  }
  return broken;
}
