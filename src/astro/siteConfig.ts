/** The one Astro configuration, used by astro.config.mjs (dev, editors) and by the build script. */
import type { AstroUserConfig } from 'astro';
import { dataSetIntegration, type DataSetSource } from './dataSetPlugin.ts';

export function siteConfig(source: DataSetSource): AstroUserConfig {
  return {
    // Every page is its own .html file, so links work from a folder and from file://.
    build: { format: 'file' },
    trailingSlash: 'never',
    integrations: [dataSetIntegration(source)],
    devToolbar: { enabled: false },
  };
}
