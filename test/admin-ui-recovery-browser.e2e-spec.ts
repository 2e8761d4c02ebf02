import { join } from 'node:path';
import { bearer, createUser, signIn } from './helpers/auth';
import { signInThroughPage } from './helpers/admin-ui-steps';
import {
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';
import { mailingEnv } from './helpers/mail-env';
import { SmtpInbox } from './helpers/smtp-inbox';

const TIMEOUT = 120_000;

/**
 * Recovering and moving an account in real Chromium, at a desktop and a
 * phone width, following the links that arrive over real SMTP: "Forgot
 * password?" on the sign-in page, the mailed link, a new password, signing
 * in with it; then a new email on the account page (it takes the current
 * password), the link mailed to the new address, the new address shown.
 */
describeInBrowser('the admin UI recovery pages in a real browser (headless Chromium)', () => {
  let inbox: SmtpInbox;
  // Filled before the world's app starts (hooks run in the order declared).
  const env: Record<string, string | undefined> = {};
  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    // Links to this app's own admin UI (PUBLIC_URL/admin), which the browser opens.
    Object.assign(env, mailingEnv(inbox), { ADMIN_URL: undefined });
  });
  const world = useBrowserWorld('admin-ui-recovery', TIMEOUT, { env });
  afterAll(() => inbox.close());

  const me = async (token: string) =>
    (await world.t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) })).json<{
      email: string;
    }>();

  it.each(VIEWPORTS)(
    '$label ($width px): forgot password, set a new one, sign in with it; change email, confirm it — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      const user = await createUser(world.t.app, { name: `Forgetful ${label}` });
      const newPassword = `a new passphrase for ${label}`;
      const newEmail = `moved-${label}-${Date.now()}@example.com`;
      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);

        // Forgot password, from the sign-in page.
        await page.goto(`${world.origin}/admin/sign-in`);
        await page.getByRole('link', { name: 'Forgot password?' }).click();
        await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
        await page.getByLabel('Email').fill(user.email);
        await page.getByRole('button', { name: 'Send me a link' }).click();
        await page.getByText(/If an account has this address, we sent it a link/).waitFor();
        await shot('forgot-password');

        // The mailed link, opened in the browser: a new password, twice.
        const resetMail = await inbox.latestTo(user.email);
        const resetLink = resetMail.links[0];
        expect(resetLink.startsWith(`${world.origin}/admin/set-password/`)).toBe(true);
        await page.goto(resetLink);
        await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
        await page.getByLabel('New password').first().fill(newPassword);
        await page.getByLabel('New password again').fill('something else entirely');
        await page.getByRole('button', { name: 'Set password' }).click();
        await page.getByText('The two passwords differ').waitFor();
        await page.getByLabel('New password again').fill(newPassword);
        await page.getByRole('button', { name: 'Set password' }).click();
        await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
        await shot('password-set');
        await expect(signIn(world.t.app, user.email, user.password)).rejects.toThrow(/400/);

        // Signing in with it, from the page's own link.
        await page.getByRole('link', { name: 'Sign in' }).click();
        await signInThroughPage(page, world.origin, { email: user.email, password: newPassword });

        // A new email on the account page: the current password first.
        const session = await signIn(world.t.app, user.email, newPassword);
        await page.goto(`${world.origin}/admin/account`);
        await page.getByRole('heading', { name: 'Your account' }).waitFor();
        const profile = page.locator('form', {
          has: page.getByRole('heading', { name: 'Name and email' }),
        });
        await profile.getByLabel('Email').fill(newEmail);
        await profile.getByLabel('Current password').fill('not my password');
        await profile.getByRole('button', { name: 'Save' }).click();
        await profile.getByText('currentPassword is incorrect').waitFor();
        await profile.getByLabel('Current password').fill(newPassword);
        await profile.getByRole('button', { name: 'Save' }).click();
        await page.getByText(`We sent a confirmation link to ${newEmail}`).waitFor();
        await profile.getByText(`We sent a link to ${newEmail}.`).waitFor();
        await shot('email-pending');
        expect((await me(session.access_token)).email).toBe(user.email);

        // The link mailed to the new address, in the same browser.
        const confirmLink = (await inbox.latestTo(newEmail)).links[0];
        expect(confirmLink.startsWith(`${world.origin}/admin/confirm-email/`)).toBe(true);
        await page.goto(confirmLink);
        await page.getByRole('heading', { name: 'Confirm your new email address' }).waitFor();
        await page.getByRole('button', { name: 'Confirm my new address' }).click();
        await page.getByRole('heading', { name: 'Your new address is confirmed' }).waitFor();
        await page.getByText(`Your account’s email is now ${newEmail}.`).waitFor();
        await shot('email-confirmed');
        await page.getByRole('link', { name: 'Go to your account' }).click();
        await page.getByRole('heading', { name: 'Your account' }).waitFor();
        await expect(profile.getByLabel('Email').inputValue()).resolves.toBe(newEmail);
        expect((await me(session.access_token)).email).toBe(newEmail);

        // The refusal this journey provoked (the wrong password) and the boot-time 401s.
        const provoked = [`status of 400 (Bad Request) (${world.origin}/user/me)`];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
