/** What every page frame links to, as links relative to the page that shows it. */
import { relativeHref, sitePaths } from './paths.ts';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

export interface PageFrame {
  nav: NavLink[];
  icon: string;
  /** The site's one stylesheet: a file beside the pages (copied into each edition), shared by all of them and cached once. */
  stylesheet: string;
  /** The same page in the Traditional edition (rewritten to point back in that edition). */
  scriptSwitch: { href: string; label: string; lang: string };
  dataPackage: string;
}

/** Folder of the Traditional-script edition: a mirror of the whole site. */
export const traditionalRoot = 'zh-Hant';

const sections = [
  { label: '首页', path: sitePaths.home() },
  { label: '指标', path: sitePaths.metrics() },
  { label: '比较', path: sitePaths.compare() },
  { label: '来源', path: sitePaths.sources() },
  { label: '方法', path: sitePaths.methodology() },
  { label: '搜索', path: sitePaths.search() },
];

export function pageFrame(pagePath: string): PageFrame {
  return {
    nav: sections.map((s) => ({ label: s.label, href: relativeHref(pagePath, s.path), current: s.path === pagePath })),
    icon: relativeHref(pagePath, 'favicon.svg'),
    stylesheet: relativeHref(pagePath, 'site.css'),
    scriptSwitch: { href: relativeHref(pagePath, `${traditionalRoot}/${pagePath}`), label: '繁體', lang: 'zh-Hant' },
    dataPackage: relativeHref(pagePath, sitePaths.dataPackage()),
  };
}
