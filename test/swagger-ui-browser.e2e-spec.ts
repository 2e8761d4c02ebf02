import { Browser, chromium } from 'playwright-core';
import { TestApp } from './helpers/app';
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser } from './helpers/browser';
import { listeningApp } from './helpers/listening';

const TIMEOUT = 60_000;

/**
 * Swagger UI's "Try it out" from a page opened under another host name than
 * PUBLIC_URL (here `localhost`, while PUBLIC_URL says `127.0.0.1`): the
 * page's CSP allows requests to its own origin only, so the document's
 * first server must be relative.
 */
describeInBrowser('Swagger UI in a real browser (headless Chromium)', () => {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let port: string;

  beforeAll(async () => {
    const listening = await listeningApp();
    t = listening.t;
    port = listening.issuer.port;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  }, TIMEOUT);

  it(
    '"Try it out" on GET /health answers 200 when the page came in by another host name',
    async () => {
      const page = await browser!.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Failed to fetch/i.test(message.text())) {
          blocked.push(message.text());
        }
      });
      await page.goto(`http://localhost:${port}/swagger/`);
      const operation = page.locator('#operations-health-healthCheck');
      await operation.locator('.opblock-summary').click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      await operation.getByRole('button', { name: 'Execute' }).click();
      const status = operation
        .locator('.live-responses-table tr.response .response-col_status')
        .first();
      await status.waitFor({ timeout: 20_000 });
      expect((await status.innerText()).trim()).toBe('200');
      expect(await operation.locator('.request-url').innerText()).toContain(
        `http://localhost:${port}/health`,
      );
      expect(blocked).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});
