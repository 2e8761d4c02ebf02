import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Debian's Chromium: never a browser a test tool would download. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A suite that needs a real browser. Without Chromium it is skipped with one
 * loud line, so `npm test` passes on a machine that has none; in CI
 * (`CI=true`) a missing Chromium fails the run instead.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs Chromium at ${CHROMIUM} when CI=true`, () => {
        throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
      });
    });
    return;
  }
  // One line on stderr, not console.warn: Jest would add a stack to it.
  process.stderr.write(
    `SKIPPED browser suite "${name}": no Chromium at ${CHROMIUM} (apt-get install -y chromium; required when CI=true)\n`,
  );
  describe.skip(name, suite);
}

/** Console errors (a CSP violation is one), failed loads and uncaught exceptions on a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => {
    // A reload or sign-out navigates away from requests still in flight (the
    // favicon, say): the browser aborts them, which is no fault of the page.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  return problems;
}
