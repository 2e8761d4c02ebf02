import { existsSync } from 'node:fs';

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
