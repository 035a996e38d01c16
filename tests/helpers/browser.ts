/**
 * Headless Chromium from Debian (/usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core.
 * A test that launches it wraps itself in `describeWith([chromium], …)` (tests/helpers/requires.ts):
 * skipped on a machine without it, required with CI=true.
 */
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
