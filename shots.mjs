import { chromium } from 'playwright-core';
const [,, base, out, ...pages] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
for (const spec of pages) {
  const [path, selector, index = '0'] = spec.split('|');
  await page.goto(`${base}/${path}`);
  const name = `${out}/${path.replace(/[\/.]/g, '_')}${selector ? '-' + selector.replace(/[^a-z0-9]/gi, '') + index : ''}.png`;
  if (selector) await page.locator(selector).nth(Number(index)).screenshot({ path: name });
  else await page.screenshot({ path: name, fullPage: false });
  console.log(name);
}
await browser.close();
