import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, type Locator, type Page } from 'playwright-core';
import type { TestApp, TestAppOptions } from './app';
import { listeningApp } from './listening';

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

/**
 * The problems a journey did not provoke itself: every one but the boot-time
 * 401s (a page's session check before sign-in) and the refusals in
 * `provoked` (each the end of a console line, e.g. "status of 400 (Bad
 * Request) (<url>)").
 */
export function unexpectedProblems(problems: string[], provoked: string[]): string[] {
  return problems.filter(
    (problem) =>
      !/401 \(Unauthorized\)/.test(problem) &&
      !provoked.some((expected) => problem.endsWith(expected)),
  );
}

/** What a browser suite runs against: the app on a real port and one Chromium. */
export interface BrowserWorld {
  t: TestApp;
  browser: Browser;
  /** The app's origin (its PUBLIC_URL), e.g. `http://127.0.0.1:41234`. */
  origin: string;
  issuer: URL;
  /** Screenshots kept after the run for a person to look at (gitignored). */
  artifacts: string;
}

/**
 * Starts the app on a free port and launches Chromium before the suite's
 * tests (before its own `beforeAll`s, declared after this call), and closes
 * both after. The fields are set once `beforeAll` has run.
 */
export function useBrowserWorld(
  artifactsName: string,
  timeout = 120_000,
  options: Pick<TestAppOptions, 'env' | 'extraModules'> = {},
): BrowserWorld {
  const world = {} as BrowserWorld;
  beforeAll(async () => {
    const { t, issuer } = await listeningApp(options);
    Object.assign(world, { t, issuer, origin: issuer.origin });
    world.artifacts = join(__dirname, '..', '..', 'test-artifacts', artifactsName);
    mkdirSync(world.artifacts, { recursive: true });
    world.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, timeout);
  afterAll(async () => {
    await world.browser?.close();
    await world.t?.close();
  }, timeout);
  return world;
}

/** The widths every admin UI journey runs at: a desktop, and a phone in the dark scheme. */
export const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 800, colorScheme: 'light' as const },
  { label: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
];

/** What the contrast check reads of an element in the page (this file has no DOM types). */
interface StyledNode {
  parentElement: StyledNode | null;
  ownerDocument: {
    defaultView: {
      getComputedStyle(node: StyledNode): { color: string; backgroundColor: string };
    };
  };
}

/**
 * The WCAG contrast ratio of an element's text against the first opaque
 * background behind it (in the page's colour scheme).
 */
export const contrastOf = (locator: Locator): Promise<number> =>
  locator.evaluate((element: StyledNode) => {
    const parse = (css: string) => {
      // rgb(…) and rgba(…) in 0–255, color(srgb …) in 0–1; anything else counts as transparent.
      const rgb = /^rgba?\(([^)]+)\)$/.exec(css);
      const srgb = /^color\(srgb ([^)]+)\)$/.exec(css);
      const parts = (rgb ?? srgb)?.[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      if (!parts) return { r: 0, g: 0, b: 0, a: 0 };
      const scale = rgb ? 255 : 1;
      const [r, g, b, a = 1] = parts;
      return { r: r / scale, g: g / scale, b: b / scale, a };
    };
    const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) =>
      0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    const style = (node: StyledNode) => node.ownerDocument.defaultView.getComputedStyle(node);
    let background = { r: 1, g: 1, b: 1, a: 1 };
    for (let node: StyledNode | null = element; node; node = node.parentElement) {
      const colour = parse(style(node).backgroundColor);
      if (colour.a > 0.99) {
        background = colour;
        break;
      }
    }
    const [light, dark] = [luminance(parse(style(element).color)), luminance(background)].sort(
      (a, b) => b - a,
    );
    return (light + 0.05) / (dark + 0.05);
  });
