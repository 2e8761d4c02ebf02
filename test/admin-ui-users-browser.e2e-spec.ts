import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, createUser, signIn } from './helpers/auth';
import {
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';

const TIMEOUT = 120_000;

/**
 * The Users page in real Chromium, at a desktop and a phone width: a global
 * admin searches, creates a user (a taken email refused under its field),
 * makes them admin, deactivates them (their tokens stop at once) and
 * reactivates them; their own row's controls are off, with the reason. Anyone
 * else sees no Users link.
 */
describeInBrowser('the admin UI users page in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-users', TIMEOUT);

  const inject = (token: string, url: string) =>
    world.t.app.inject({ method: 'GET', url, headers: bearer(token) });

  const openMenu = async (page: Page, width: number) => {
    if (width < 768) await page.getByRole('button', { name: 'Navigation' }).click();
  };

  const signInOnPage = async (page: Page, email: string, password: string) => {
    await page.goto(`${world.origin}/admin/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
  };

  it.each(VIEWPORTS)(
    '$label ($width px): search, create, make admin, deactivate, reactivate — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      const stamp = `${label}-${Date.now()}`;
      const admin = await createUser(world.t.app, { isAdmin: true, name: `Admin ${stamp}` });
      const taken = await createUser(world.t.app, { name: `Taken ${stamp}` });
      const adminToken = (await signIn(world.t.app, admin.email, admin.password)).access_token;

      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await signInOnPage(page, admin.email, admin.password);
        await openMenu(page, width);
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Users' })
          .click();
        await page.getByRole('heading', { name: 'Users' }).waitFor();
        const table = page.getByRole('table', { name: 'Users' });

        // Search: by part of the name, case-insensitively; others drop out.
        await page.getByLabel('Search users').fill(`taken ${stamp}`);
        await table.getByRole('row', { name: `Taken ${stamp}` }).waitFor();
        await table.getByRole('row', { name: `Admin ${stamp}` }).waitFor({ state: 'detached' });

        // Create: a taken email is refused under the email field; then the user is made.
        await page.getByRole('button', { name: 'New user' }).click();
        const dialog = page.getByRole('dialog', { name: 'New user' });
        const name = `Created ${stamp}`;
        const email = `created-${stamp}@example.com`;
        await dialog.getByLabel('Name').fill(name);
        await dialog.getByLabel('Email').fill(taken.email.toUpperCase());
        await dialog.getByRole('textbox', { name: 'Password' }).fill('a fine passphrase');
        await dialog.getByRole('button', { name: 'Create' }).click();
        const emailError = dialog.getByText('A user with this email already exists');
        await emailError.waitFor();
        // Under the field, tied to it for screen readers.
        expect(await dialog.getByLabel('Email').getAttribute('aria-describedby')).toContain(
          await emailError.getAttribute('id'),
        );
        await dialog.getByLabel('Email').fill(email);
        await dialog.getByRole('button', { name: 'Create' }).click();
        await page.getByText(`${name} can now sign in`).waitFor();
        await dialog.waitFor({ state: 'detached' });
        const listed = await inject(adminToken, `/user?search=${encodeURIComponent(email)}`);
        expect(listed.json()).toMatchObject({
          totalRecords: 1,
          results: [{ email, name, isAdmin: false, isActive: true }],
        });
        const created = listed.json<{ results: { id: number }[] }>().results[0];
        const theirs = await signIn(world.t.app, email, 'a fine passphrase');
        const user = () => inject(adminToken, `/user/${created.id}`);

        await page.getByLabel('Search users').fill(email);
        const row = table.getByRole('row', { name });
        await row.waitFor();

        // Make them a global admin.
        await row.getByRole('button', { name: `Make admin: ${name}` }).click();
        await row.getByRole('button', { name: `Remove admin: ${name}` }).waitFor();
        expect((await user()).json()).toMatchObject({ isAdmin: true, isActive: true });

        // Deactivate: the dialog says their sessions end at once, and they do.
        await row.getByRole('button', { name: `Deactivate: ${name}` }).click();
        const confirm = page.getByRole('dialog', { name: `Deactivate ${name}?` });
        await confirm.getByText(/signed out everywhere at once/).waitFor();
        await shot('deactivate');
        await confirm.getByRole('button', { name: 'Deactivate' }).click();
        await row.getByRole('button', { name: `Reactivate: ${name}` }).waitFor();
        await row.getByText('Inactive').waitFor();
        expect((await user()).json()).toMatchObject({ isActive: false });
        expect((await inject(theirs.access_token, '/user/me')).statusCode).toBe(401);

        // Reactivate: they can sign in again.
        await row.getByRole('button', { name: `Reactivate: ${name}` }).click();
        await row.getByRole('button', { name: `Deactivate: ${name}` }).waitFor();
        expect((await user()).json()).toMatchObject({ isActive: true, isAdmin: true });
        const again = await signIn(world.t.app, email, 'a fine passphrase');
        expect((await inject(again.access_token, '/user/me')).statusCode).toBe(200);

        // Your own row: admin right and activity off, with the reason beside them.
        await page.getByLabel('Search users').fill(admin.email);
        const mine = table.getByRole('row', { name: `Admin ${stamp}` });
        await mine.waitFor();
        const removeOwn = mine.getByRole('button', { name: `Remove admin: Admin ${stamp}` });
        const deactivateOwn = mine.getByRole('button', { name: `Deactivate: Admin ${stamp}` });
        await expect(removeOwn.isDisabled()).resolves.toBe(true);
        await expect(deactivateOwn.isDisabled()).resolves.toBe(true);
        const reason = mine.getByText('You cannot remove your own admin right or deactivate');
        await reason.waitFor();
        expect(await deactivateOwn.getAttribute('aria-describedby')).toBe(
          await reason.getAttribute('id'),
        );
        await shot('own-row');
        expect((await user()).json()).toMatchObject({ isActive: true, isAdmin: true });

        // The refusal this journey provoked (the taken email) and the boot-time 401.
        const provoked = [`status of 409 (Conflict) (${world.origin}/user)`];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'someone who is not a global admin sees no Users link, and /users says why',
    async () => {
      const member = await createUser(world.t.app);
      const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      try {
        const problems = watchProblems(page);
        await signInOnPage(page, member.email, member.password);
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Your account' }).waitFor();
        await expect(nav.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0);
        await page.goto(`${world.origin}/admin/users`);
        await page.getByText('Only global admins manage users.').waitFor();
        await expect(page.getByRole('table', { name: 'Users' }).count()).resolves.toBe(0);
        expect(problems.filter((problem) => !/401 \(Unauthorized\)/.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
