import { join } from 'node:path';
import { createUser } from './helpers/auth';
import { describeInBrowser, useBrowserWorld, VIEWPORTS, watchProblems } from './helpers/browser';

const TIMEOUT = 90_000;

/**
 * The admin UI in real Chromium, at a desktop and a phone width: sign in,
 * see the projects, create one, reload and still be signed in, sign out.
 */
describeInBrowser('the admin UI in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui', TIMEOUT);
  let user: { email: string; password: string };

  beforeAll(async () => {
    user = await createUser(world.t.app, { name: 'Ada Admin' });
  }, TIMEOUT);

  it.each(VIEWPORTS)(
    '$label ($width px, $colorScheme scheme): sign in, projects, create, reload, sign out — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      const shot = (name: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${name}.png`), fullPage: true });
      const page = await context.newPage();
      try {
        const problems = watchProblems(page);

        // A deep link while signed out: the sign-in page, which remembers it.
        await page.goto(`${world.origin}/admin/projects`);
        await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
        expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/projects'.slice(6));
        // The scheme follows the system setting.
        await expect(
          page.evaluate('document.documentElement.dataset.mantineColorScheme'),
        ).resolves.toBe(colorScheme);
        // Mantine's <style> got in under the CSP thanks to the nonce.
        await expect(
          page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-body')",
          ),
        ).resolves.not.toBe('');
        await shot('sign-in');

        await page.getByLabel('Email').fill(user.email);
        await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Projects' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/admin/projects');

        // Create a project from the form in its dialog.
        const name = `Site ${label}`;
        await page.getByRole('button', { name: 'New project' }).click();
        const dialog = page.getByRole('dialog', { name: 'New project' });
        await dialog.getByLabel('Name').fill(name);
        await dialog.getByLabel('Description').fill('Made in the browser test');
        await dialog.getByRole('button', { name: 'Create' }).click();
        await dialog.waitFor({ state: 'hidden' });
        const table = page.getByRole('table', { name: 'Projects' });
        await table.getByRole('cell', { name, exact: true }).waitFor();

        // Search narrows the list.
        await page.getByLabel('Search projects').fill('no such project anywhere');
        await page.getByText('No project matches').waitFor();
        await page.getByLabel('Search projects').fill(label);
        await table.getByRole('cell', { name, exact: true }).waitFor();
        await shot('projects');

        // Nothing a script could read holds a token.
        // Evaluated in the page (the tests' types have no DOM).
        const readable = await page.evaluate(
          '({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie })',
        );
        expect(readable).toEqual({ local: 0, session: 0, cookie: '' });

        // A reload keeps the session (the HttpOnly cookie renews it).
        await page.reload();
        await page.getByRole('table', { name: 'Projects' }).getByRole('cell', { name }).waitFor();

        // Sign out: back to sign-in, and a reload does not bring the session back.
        if (width < 576) {
          // The header keeps the button at every width; the navigation folds behind the burger.
          await expect(page.getByRole('button', { name: 'Navigation' }).isVisible()).resolves.toBe(
            true,
          );
        }
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
        await shot('signed-out');

        // The boot-time refresh without a cookie is a 401 the app expects: not a problem.
        expect(problems.filter((problem) => !/401 \(Unauthorized\)/.test(problem))).toEqual([]);
        expect(problems.filter((problem) => /Content Security Policy/i.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'two tabs renewing at the same moment, round after round, are never signed out (Web Locks take turns)',
    async () => {
      const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const renewals: number[] = [];
        context.on('response', (response) => {
          if (response.url().endsWith('/admin/session/refresh')) renewals.push(response.status());
        });
        const first = await context.newPage();
        const problems = watchProblems(first);
        await first.goto(`${world.origin}/admin/sign-in`);
        await first.getByLabel('Email').fill(user.email);
        await first.getByRole('textbox', { name: 'Password' }).fill(user.password);
        await first.getByRole('button', { name: 'Sign in' }).click();
        await first.getByRole('heading', { name: 'Projects' }).waitFor();
        // Before signing in, the boot-time renewal found no cookie (a 401): count from here.
        renewals.length = 0;
        // The second tab starts from the shared cookie, as a new tab would.
        const second = await context.newPage();
        problems.push(...watchProblems(second));
        await second.goto(`${world.origin}/admin/projects`);
        await second.getByRole('heading', { name: 'Projects' }).waitFor();
        const tabs = [first, second];

        // Each round moves both tabs' clocks past the access token's expiry, then both
        // ask for a page at once: each renews, both through the one cookie.
        const start = Date.now();
        const rounds = 4;
        for (let round = 1; round <= rounds; round += 1) {
          await context.clock.setFixedTime(start + round * 6 * 60_000);
          const answered = tabs.map((tab) =>
            tab.waitForResponse(
              (response) =>
                new URL(response.url()).searchParams.get('search') === `round ${round}` &&
                response.status() === 200,
            ),
          );
          await Promise.all(
            tabs.map((tab) => tab.getByLabel('Search projects').fill(`round ${round}`)),
          );
          await Promise.all(answered);
          await Promise.all(
            tabs.map((tab) => tab.getByText(`No project matches “round ${round}”`).waitFor()),
          );
        }

        // Every renewal went through (the one at the second tab's start, then two a round),
        // none presented a used cookie, and both tabs are still signed in.
        expect(renewals.filter((status) => status === 200).length).toBeGreaterThanOrEqual(
          1 + 2 * rounds,
        );
        expect(renewals.filter((status) => status !== 200)).toEqual([]);
        for (const tab of tabs) {
          await expect(tab.getByRole('heading', { name: 'Projects' }).isVisible()).resolves.toBe(
            true,
          );
        }
        expect(problems.filter((problem) => !/401 \(Unauthorized\)/.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
