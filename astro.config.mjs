// @ts-check
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { devSessionIntegration } from './src/astro/devSession.ts';
import { siteConfig } from './src/astro/siteConfig.ts';

// `npm run dev -- --data DIR --content DIR` passes its folders through these variables.
export default defineConfig(
  siteConfig([
    devSessionIntegration({
      dataDir: resolve(process.env.ZONGSHU_DATA ?? 'data'),
      contentDir: resolve(process.env.ZONGSHU_CONTENT ?? 'content'),
    }),
  ]),
);
