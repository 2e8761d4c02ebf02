import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, signIn } from './helpers/auth';
import {
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';
import { delegatedTokens, publisher } from './helpers/delegation';

const TIMEOUT = 120_000;

/**
 * The account page in real Chromium, at a desktop and a phone width: change
 * your name, revoke an app you allowed, sign out other sessions
 * one by one and everywhere else, change your password (other sessions end,
 * this one goes on, a reload too).
 */
describeInBrowser('the admin UI account page in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-account', TIMEOUT);

  const me = (token: string) =>
    world.t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) });

  const openMenu = async (page: Page, width: number) => {
    if (width < 768) await page.getByRole('button', { name: 'Navigation' }).click();
  };

  it.each(VIEWPORTS)(
    '$label ($width px): name, apps you allowed, sessions, password — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      // A member of a project whose app acts for them (authorization code grant).
      const setup = await publisher(world.t.app);
      const user = setup.member;
      const appTokens = await delegatedTokens(world.t.app, setup, 'read');
      const signInFrom = async (userAgent: string) => {
        const res = await world.t.app.inject({
          method: 'POST',
          url: '/authenticate',
          headers: { 'user-agent': userAgent },
          payload: { username: user.email, password: user.password, grant_type: 'password' },
        });
        return res.json<{ access_token: string }>();
      };
      const laptop = await signInFrom(
        'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      );
      const script = await signInFrom('curl/8.5.0');
      const otherSession = await signIn(world.t.app, user.email, user.password);

      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await page.goto(`${world.origin}/admin/sign-in`);
        await page.getByLabel('Email').fill(user.email);
        await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Projects' }).waitFor();
        await openMenu(page, width);
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Your account' })
          .click();
        await page.getByRole('heading', { name: 'Your account' }).waitFor();

        // Name and email: a malformed address is refused under its field; a name is saved at
        // once (a new address waits for a mailed link: admin-ui-recovery-browser.e2e-spec.ts).
        const profile = page.locator('form', {
          has: page.getByRole('heading', { name: 'Name and email' }),
        });
        await profile.getByLabel('Name').fill(`Renamed ${label}`);
        await profile.getByLabel('Email').fill('not-an-address');
        await profile.getByRole('button', { name: 'Save' }).click();
        await profile.getByText('Give an email address').waitFor();
        await profile.getByLabel('Email').fill(user.email);
        await profile.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Your name and email are saved').waitFor();
        if (width >= 576) await page.getByRole('banner').getByText(`Renamed ${label}`).waitFor();
        expect((await me(otherSession.access_token)).json()).toMatchObject({
          name: `Renamed ${label}`,
          email: user.email,
        });

        // The app this user allowed: listed, then revoked — its token stops at once.
        const apps = page.getByRole('table', { name: 'Apps you allowed' });
        await apps.getByRole('cell', { name: 'Publisher App' }).waitFor();
        await shot('account');
        await apps.getByRole('button', { name: 'Revoke' }).click();
        await page
          .getByRole('dialog', { name: 'Revoke Publisher App?' })
          .getByRole('button', { name: 'Revoke access' })
          .click();
        await page.getByText('No app acts for you.').waitFor();
        const afterRevoke = await world.t.app.inject({
          method: 'GET',
          url: `/project/${setup.projectId}/entry`,
          headers: bearer(appTokens.access_token),
        });
        expect(afterRevoke.statusCode).toBe(401);

        // Sessions: this one marked; sign out the laptop, then everywhere else.
        const sessions = page.getByRole('table', { name: 'Your sessions' });
        await sessions.getByText('This session').waitFor();
        await sessions.getByText('Firefox on Linux').waitFor();
        await sessions.getByRole('button', { name: /^Sign out Firefox on Linux/ }).click();
        await page
          .getByRole('dialog', { name: 'Sign out that session?' })
          .getByRole('button', { name: 'Sign out' })
          .click();
        await page.getByText('That session is signed out').waitFor();
        await expect(sessions.getByText('Firefox on Linux').count()).resolves.toBe(0);
        expect((await me(laptop.access_token)).statusCode).toBe(401);
        expect((await me(script.access_token)).statusCode).toBe(200);
        await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
        await page
          .getByRole('dialog', { name: 'Sign out everywhere else?' })
          .getByRole('button', { name: 'Sign out the others' })
          .click();
        await page.getByText(/Signed out everywhere else \(\d+ sessions\)/).waitFor();
        expect((await me(script.access_token)).statusCode).toBe(401);
        expect((await me(otherSession.access_token)).statusCode).toBe(401);
        await expect(sessions.getByRole('row').count()).resolves.toBe(2);
        await shot('sessions');

        // Password: a wrong current one is refused under its field; then changed.
        const lateSession = await signIn(world.t.app, user.email, user.password);
        const password = page.locator('form', {
          has: page.getByRole('heading', { name: 'Password' }),
        });
        await password.getByLabel('Current password').fill('not my password');
        await password.getByLabel('New password').first().fill('a brand new passphrase');
        await password.getByLabel('New password again').fill('a brand new passphrase');
        await password.getByRole('button', { name: 'Change password' }).click();
        await password.getByText('currentPassword is incorrect').waitFor();
        await password.getByLabel('Current password').fill(user.password);
        await password.getByRole('button', { name: 'Change password' }).click();
        await page.getByText(/Password changed/).waitFor();
        // The other session ended; this page goes on, and after a reload too.
        expect((await me(lateSession.access_token)).statusCode).toBe(401);
        await page.reload();
        await page.getByRole('heading', { name: 'Your account' }).waitFor();
        await expect(
          signIn(world.t.app, user.email, 'a brand new passphrase').then(
            (tokens) => typeof tokens.access_token,
          ),
        ).resolves.toBe('string');
        await shot('password-changed');

        // The refusals this journey provoked (the wrong password) and the boot-time 401.
        const provoked = [`status of 400 (Bad Request) (${world.origin}/admin/session/password)`];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
