/**
 * Tests that need something a fresh clone may lack: the review texts in
 * ../shared/seeds, Debian's Chromium, poppler-utils (pdftoppm, pdftotext) or
 * Java (the Nu Html Checker). Without it they are skipped, and say which and
 * why (one line on stderr, and in the suite's name); with CI=true nothing may
 * be skipped, so they fail instead, naming what is missing. `.ci/run`
 * installs all of it.
 *
 *   describeWith([chromium], 'pages in Chromium', () => { ... });
 *   itWith([poppler], 'prints a review on A4', async () => { ... });
 *
 * Put a suite's beforeAll inside the describe (or keep the file's hooks such
 * that they run only when its tests do: vitest runs no hook of a file whose
 * tests are all skipped).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'vitest';
import { chromiumPath } from './browser.ts';
import { seedsDir } from './paths.ts';

/** Something from outside the repository that some tests need. */
export interface Requirement {
  /** What it is, as a person would name it: "Chromium". */
  readonly name: string;
  /** Why it is not there and how to get it; undefined when it is there. Worked out on first use. */
  readonly missing: () => string | undefined;
}

function requirement(name: string, probe: () => string | undefined): Requirement {
  let known: { missing: string | undefined } | undefined;
  return {
    name,
    missing: () => (known ??= { missing: probe() }).missing,
  };
}

/** Runs `command args` quietly: true when it could be started and exited with 0. */
function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return !result.error && result.status === 0;
}

export const seeds = requirement('the review texts (../shared/seeds)', () =>
  existsSync(seedsDir) ? undefined : `${seedsDir} does not exist (CI keeps ../shared beside the clone)`,
);

export const chromium = requirement('Chromium', () => {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return undefined;
  } catch {
    return `no Chromium at ${chromiumPath} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`;
  }
});

export const poppler = requirement('poppler-utils (pdftoppm, pdftotext)', () =>
  runs('pdftoppm', ['-v']) && runs('pdftotext', ['-v']) ? undefined : 'pdftoppm or pdftotext is not on PATH (apt-get install poppler-utils)',
);

/** The Nu Html Checker's jar, from the vnu-jar devDependency (the package's export is the jar's path). */
export function vnuJar(): string {
  return String(createRequire(import.meta.url)('vnu-jar'));
}

export const java = requirement('Java (for the Nu Html Checker)', () => {
  if (!runs('java', ['-version'])) return 'java is not on PATH (apt-get install default-jre-headless)';
  try {
    if (!existsSync(vnuJar())) return `${vnuJar()} is missing (npm install)`;
  } catch {
    return 'the vnu-jar package is not installed (npm install)';
  }
  return undefined;
});

const required = () => process.env.CI === 'true';

/** What of `requirements` is missing, as one sentence; undefined when all is there. */
export function missingOf(requirements: readonly Requirement[]): string | undefined {
  const missing = requirements.flatMap((r) => {
    const why = r.missing();
    return why === undefined ? [] : [`${r.name}: ${why}`];
  });
  return missing.length === 0 ? undefined : missing.join('; ');
}

function announce(name: string, why: string): void {
  process.stderr.write(`skipped "${name}": needs ${why}\n`);
}

/**
 * A describe that runs when every requirement is met. Otherwise it is skipped,
 * its name and a line on stderr saying what is missing; with CI=true the file
 * fails as it is collected instead, before any of its hooks runs.
 */
export function describeWith(requirements: readonly Requirement[], name: string, body: () => void): void {
  const why = missingOf(requirements);
  if (why === undefined) {
    describe(name, body);
  } else if (required()) {
    throw new Error(`"${name}" needs ${why}. With CI=true these tests are required, not skipped`);
  } else {
    announce(name, why);
    describe.skip(`${name} [skipped: needs ${why}]`, body);
  }
}

/** One test that runs when every requirement is met; otherwise skipped saying why, or with CI=true a failure saying what is missing. */
export function itWith(requirements: readonly Requirement[], name: string, fn: () => Promise<void> | void, timeout?: number): void {
  const why = missingOf(requirements);
  if (why === undefined) {
    it(name, fn, timeout);
  } else if (required()) {
    it(name, () => {
      throw new Error(`needs ${why}. With CI=true this test is required, not skipped`);
    });
  } else {
    announce(name, why);
    it.skip(`${name} [skipped: needs ${why}]`, fn);
  }
}
