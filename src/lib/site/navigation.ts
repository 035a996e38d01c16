/** The site's main navigation, as links relative to the page that shows it. */
import { relativeHref, sitePaths } from './paths.ts';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

const sections = [
  { label: '首页', path: sitePaths.home() },
  { label: '指标', path: sitePaths.metrics() },
  { label: '比较', path: sitePaths.compare() },
  { label: '来源', path: sitePaths.sources() },
  { label: '方法', path: sitePaths.methodology() },
];

export function navigation(pagePath: string): NavLink[] {
  return sections.map((s) => ({ label: s.label, href: relativeHref(pagePath, s.path), current: s.path === pagePath }));
}
