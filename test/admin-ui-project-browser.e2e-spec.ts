import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, createUser, signIn } from './helpers/auth';
import { openSection, signInThroughPage } from './helpers/admin-ui-steps';
import {
  contrastOf,
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';
import { eventually, sleep } from './helpers/eventually';

const TIMEOUT = 120_000;
/** Expiry is typed in the browser's time zone: one fixed for the test. */
const TIME_ZONE = 'Europe/Paris';

/**
 * A project's pages in real Chromium, at a desktop and a phone width: rename
 * it, add a member and change their role, create an API client whose secret
 * then reads the project over HTTP, rotate and delete it, delete the project;
 * then an API key with a preview scope, a label, an entry-type limit and an
 * expiry, edited, and rotated with a grace.
 */
describeInBrowser('the admin UI project pages in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-project', TIMEOUT);
  let owner: { id: number; email: string; password: string };
  let ownerToken: string;

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Ada Owner' });
    ownerToken = (await signIn(world.t.app, owner.email, owner.password)).access_token;
  }, TIMEOUT);

  /** The API as the owner sees it, to check what the page did. */
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await world.t.app.inject({ method, url, headers: bearer(ownerToken), payload });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  /** Over real HTTP, as a website would: client credentials, then the project's entries. */
  const readEntries = async (projectId: number, clientId: string, clientSecret: string) => {
    const token = await fetch(`${world.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    if (token.status !== 200) return { token: token.status, entries: null };
    const { access_token } = (await token.json()) as { access_token: string };
    const entries = await fetch(`${world.origin}/project/${projectId}/entry`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    return { token: 200, entries: entries.status, accessToken: access_token };
  };

  const section = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name }).click();

  it.each(VIEWPORTS)(
    '$label ($width px): open a project, rename, members, an API client that reads, delete — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      const name = `Shop ${label}`;
      const created = await api('POST', '/project', { name, metadata: 'Made for the test' });
      expect(created.status).toBe(201);
      const projectId = (created.body as { id: number }).id;
      const other = await createUser(world.t.app, { name: `Bea ${label}` });

      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: world.origin,
      });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        let clientRowId = 0;
        await page.goto(`${world.origin}/admin/sign-in`);
        await page.getByLabel('Email').fill(owner.email);
        await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
        await page.getByRole('button', { name: 'Sign in' }).click();

        // Open the project from the list.
        await page.getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { name, level: 2 }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/admin/projects/${projectId}`);
        await page.getByText('Made for the test').waitFor();
        await shot('overview');

        // Settings: the API's field error under its field, then a rename.
        await section(page, 'Settings');
        await page.getByLabel('Description').fill('x'.repeat(10_001));
        await page.getByRole('button', { name: 'Save' }).click();
        const tooLong = page.getByText(/metadata must be shorter/);
        await tooLong.waitFor();
        // Mantine ties the message to its input.
        const describedBy = await page.getByLabel('Description').getAttribute('aria-describedby');
        expect(await tooLong.getAttribute('id')).toBe(describedBy);
        const renamed = `${name} renamed`;
        await page.getByLabel('Project name').fill(renamed);
        await page.getByLabel('Description').fill('Renamed in the browser');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByRole('heading', { name: renamed, level: 2 }).waitFor();
        expect((await api('GET', `/project/${projectId}`)).body).toMatchObject({
          name: renamed,
          metadata: 'Renamed in the browser',
        });
        await shot('settings');

        // Members: the owner's controls are off, with the reason; add someone, change their role.
        await section(page, 'Members');
        const members = page.getByRole('list', { name: 'Members' });
        const ownerRow = members.getByRole('listitem', { name: 'Ada Owner' });
        await ownerRow
          .getByText('The project owner cannot be demoted, deactivated or removed.')
          .waitFor();
        await expect(ownerRow.getByLabel('Role').isDisabled()).resolves.toBe(true);
        await expect(ownerRow.getByRole('button', { name: 'Remove' }).isDisabled()).resolves.toBe(
          true,
        );
        await page.getByLabel('Email').fill('nobody-here@example.com');
        await page.getByRole('button', { name: 'Add member' }).click();
        // No account has it: an invitation instead (admin-ui-invites-browser.e2e-spec.ts).
        await page
          .getByText(
            'No account has this address: an invitation was sent to nobody-here@example.com',
          )
          .waitFor();
        await page.getByLabel('Email').fill(other.email);
        await page.getByRole('button', { name: 'Add member' }).click();
        const otherRow = members.getByRole('listitem', { name: `Bea ${label}` });
        await otherRow.waitFor();
        await expect(otherRow.getByLabel('Role').inputValue()).resolves.toBe('author');
        await otherRow.getByLabel('Role').selectOption('admin');
        await page.getByText(`Bea ${label} is now an admin`).waitFor();
        const afterRole = await api('GET', `/project/${projectId}/member`);
        expect(afterRole.body).toContainEqual(
          expect.objectContaining({
            id: other.id,
            membershipType: 'admin',
            membershipIsActive: true,
          }),
        );
        await shot('members');

        // API clients: empty at first; create one and read its secret, once.
        await section(page, 'API clients');
        await page.getByText('No API clients yet').waitFor();
        await page.getByRole('button', { name: 'New API client' }).click();
        const form = page.getByRole('dialog', { name: 'New API client' });
        await form.getByLabel('Name').fill('Website');
        await form.getByRole('button', { name: 'Create' }).click();
        const shown = page.getByRole('dialog', { name: 'API client created' });
        await shown.getByText('You will not see it again').waitFor();
        const clientId = await shown.getByLabel('Client ID', { exact: true }).inputValue();
        const secret = await shown.getByLabel('Client secret', { exact: true }).inputValue();
        expect(secret.length).toBeGreaterThanOrEqual(40);
        await shown.getByRole('button', { name: 'Copy the client secret' }).click();
        await shown
          .getByRole('button', { name: 'Copy the client secret' })
          .getByText('Copied')
          .waitFor();
        await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(secret);
        // The snippet has the project and the client filled in.
        await shown.getByText(`${world.origin}/project/${projectId}/entry`).waitFor();
        await shot('client-secret');
        expect(await readEntries(projectId, clientId, secret)).toMatchObject({
          token: 200,
          entries: 200,
        });
        await shown.getByRole('button', { name: 'I have copied the secret' }).click();
        await shown.waitFor({ state: 'hidden' });
        const clients = page.getByRole('list', { name: 'API clients' });
        const card = clients.getByRole('listitem', { name: 'Website' });
        await card.getByText(clientId).waitFor();

        // Rotate (confirmed): a new secret that reads; the old one no longer does.
        await card.getByRole('button', { name: 'Rotate secret' }).click();
        await page
          .getByRole('dialog', { name: 'Rotate the secret of “Website”?' })
          .getByRole('button', { name: 'Rotate secret' })
          .click();
        const rotated = page.getByRole('dialog', { name: 'The new client secret' });
        const newSecret = await rotated.getByLabel('Client secret', { exact: true }).inputValue();
        expect(newSecret).not.toBe(secret);
        expect((await readEntries(projectId, clientId, secret)).token).not.toBe(200);
        const reading = await readEntries(projectId, clientId, newSecret);
        expect(reading).toMatchObject({ token: 200, entries: 200 });
        await rotated.getByRole('button', { name: 'I have copied the secret' }).click();
        await rotated.waitFor({ state: 'hidden' });

        // Edit: a bad redirect URI is refused under its field; fixed, name and URIs are saved.
        await card.getByRole('button', { name: 'Edit' }).click();
        const editing = page.getByRole('dialog', { name: 'Edit Website' });
        await editing.getByLabel('Name').fill('Website live');
        await editing.getByLabel('Redirect URIs').fill('not a uri');
        await editing.getByRole('button', { name: 'Save' }).click();
        await editing
          .getByText(/redirectUris|redirect URI/i)
          .first()
          .waitFor();
        await editing.getByLabel('Redirect URIs').fill('https://app.example.com/callback');
        await editing.getByRole('button', { name: 'Save' }).click();
        await editing.waitFor({ state: 'hidden' });
        const edited = clients.getByRole('listitem', { name: 'Website live' });
        await edited.getByText('1 redirect URI').waitFor();
        const stored = await api('GET', `/project/${projectId}/client`);
        clientRowId = (stored.body as { id: number }[])[0].id;
        expect(stored.body).toEqual([
          expect.objectContaining({
            name: 'Website live',
            redirectUris: ['https://app.example.com/callback'],
          }),
        ]);

        // Delete (confirmed): gone from the list, and its token stops at once.
        await edited.getByRole('button', { name: 'Delete' }).click();
        await page
          .getByRole('dialog', { name: 'Delete “Website live”?' })
          .getByRole('button', { name: 'Delete API client' })
          .click();
        await page.getByText('No API clients yet').waitFor();
        const afterDelete = await fetch(`${world.origin}/project/${projectId}/entry`, {
          headers: { authorization: `Bearer ${reading.accessToken}` },
        });
        expect(afterDelete.status).toBe(401);

        // Delete the project: only once its name is typed.
        await section(page, 'Settings');
        await page.getByRole('button', { name: 'Delete project…' }).click();
        const confirm = page.getByRole('dialog', { name: `Delete “${renamed}”?` });
        const button = confirm.getByRole('button', { name: 'Delete this project' });
        await confirm.getByLabel(`Type “${renamed}” to confirm`).fill(name);
        await expect(button.isDisabled()).resolves.toBe(true);
        await confirm.getByLabel(`Type “${renamed}” to confirm`).fill(renamed);
        await shot('delete');
        await button.click();
        await page.getByRole('heading', { name: 'Projects', level: 2 }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/admin/projects');
        await page.getByText(`Project “${renamed}” deleted`).waitFor();
        await expect(page.getByRole('link', { name: renamed }).count()).resolves.toBe(0);
        expect((await api('GET', `/project/${projectId}`)).status).toBe(404);

        // The boot-time refresh without a cookie is a 401 the app expects, and the 400s
        // are the refusals this journey provoked on purpose (the long description, the bad
        // redirect URI):
        // Chromium logs every 4xx. Anything else is a problem.
        const provoked = [
          `status of 400 (Bad Request) (${world.origin}/project/${projectId})`,
          `status of 400 (Bad Request) (${world.origin}/project/${projectId}/client/${clientRowId})`,
        ];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
        expect(problems.filter((problem) => /Content Security Policy/i.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  /** Over real HTTP: the client credentials grant, answered as the client's format says. */
  const tokenWith = async (clientId: string, clientSecret: string) => {
    const res = await fetch(`${world.origin}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it.each(VIEWPORTS)(
    '$label ($width px): an API key with preview, a label, one entry type and an expiry; reload, edit, rotate with a grace',
    async ({ label, width, height, colorScheme }) => {
      const created = await api('POST', '/project', { name: `Keys ${label}` });
      expect(created.status).toBe(201);
      const projectId = (created.body as { id: number }).id;
      const types = await Promise.all(
        ['Article', 'Note'].map((name) =>
          api('POST', `/project/${projectId}/entry-type`, { name: `${name} ${label}` }),
        ),
      );
      const [article, note] = types.map((type) => (type.body as { id: number }).id);
      // A key that expires in a moment: the list says so once it has.
      const soon = new Date(Date.now() + 2000).toISOString();
      const oldSite = await api('POST', `/project/${projectId}/client`, {
        name: 'Old site',
        expiresAt: soon,
      });
      expect(oldSite.status).toBe(201);

      const context = await world.browser.newContext({
        viewport: { width, height },
        colorScheme,
        timezoneId: TIME_ZONE,
      });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({
          path: join(world.artifacts, `${label}-key-${step}.png`),
          fullPage: true,
        });
      /** An instant as the page writes it, in the browser's locale and time zone. */
      const shown = (iso: string): Promise<string> =>
        page.evaluate(
          (at) =>
            new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
          iso,
        );
      const clientsUrl = `${world.origin}/admin/projects/${projectId}/clients`;
      try {
        const problems = watchProblems(page);
        await signInThroughPage(page, world.origin, owner);
        await page.getByRole('link', { name: `Keys ${label}`, exact: true }).click();
        await sleep(Date.parse(soon) - Date.now() + 100);
        await openSection(page, 'API clients');
        const clients = page.getByRole('list', { name: 'API clients' });
        const badgesOf = (name: string) =>
          clients.getByRole('listitem', { name }).locator('.mantine-Badge-label').allTextContents();
        const expired = clients.getByRole('listitem', { name: 'Old site' }).getByText('Expired');
        await expired.waitFor();
        expect(await contrastOf(expired)).toBeGreaterThanOrEqual(4.5);

        // New key: preview, a label (a bad one refused first), one entry type, an expiry.
        await page.getByRole('button', { name: 'New API client' }).click();
        const form = page.getByRole('dialog', { name: 'New API client' });
        // The form loads on this first opening, and its name field has the focus.
        const nameId = await form.getByLabel('Name').getAttribute('id');
        await eventually(
          async () => (await page.evaluate('document.activeElement?.id')) === nameId,
          {
            withinMs: 5000,
          },
        );
        await form.getByLabel('Name').fill('Preview site');
        const read = form.getByRole('checkbox', { name: 'read', exact: true });
        await expect(read.isChecked()).resolves.toBe(true);
        await expect(read.isDisabled()).resolves.toBe(true);
        const reason = form.getByText('Every key reads published content');
        expect((await read.getAttribute('aria-describedby'))?.split(' ')).toContain(
          await reason.getAttribute('id'),
        );
        expect(await contrastOf(reason)).toBeGreaterThanOrEqual(4.5);
        await form.getByRole('checkbox', { name: 'preview', exact: true }).check();
        const labels = form.getByRole('combobox', { name: 'Labels' });
        await labels.fill('Shop Orders');
        await labels.press('Enter');
        const badLabel = form.getByText(/“Shop Orders” is not a valid label/);
        await badLabel.waitFor();
        expect((await labels.getAttribute('aria-describedby'))?.split(' ')).toContain(
          await badLabel.getAttribute('id'),
        );
        expect(await contrastOf(badLabel)).toBeGreaterThanOrEqual(4.5);
        await labels.press('Backspace');
        await labels.fill('shop:orders');
        await labels.press('Enter');
        await expect(badLabel.count()).resolves.toBe(0);
        await shot('new-scopes');
        await form.getByRole('radio', { name: 'Only some' }).check();
        await form.getByRole('combobox', { name: 'Entry types', exact: true }).click();
        await page.getByRole('option', { name: `Article ${label}` }).click();
        await form.getByLabel('Expires').fill('2031-01-01 09:00');
        await form.getByLabel('Token lifetime (seconds)').focus();
        await shot('new');
        await form.getByRole('button', { name: 'Create' }).click();
        const secretDialog = page.getByRole('dialog', { name: 'API client created' });
        const clientId = await secretDialog.getByLabel('Client ID', { exact: true }).inputValue();
        const secret = await secretDialog.getByLabel('Client secret', { exact: true }).inputValue();
        await secretDialog.getByRole('button', { name: 'I have copied the secret' }).click();
        await secretDialog.waitFor({ state: 'hidden' });
        const listed = await api('GET', `/project/${projectId}/client`);
        const stored = (listed.body as { name: string; id: number }[]).find(
          (client) => client.name === 'Preview site',
        )!;
        expect(stored).toMatchObject({
          clientId,
          scopes: ['read', 'preview', 'shop:orders'],
          entryTypeIds: [article],
          // 09:00 in Paris in January: winter time.
          expiresAt: '2031-01-01T08:00:00.000Z',
          tokenLifetime: null,
          tokenResponse: 'oauth2',
          previousSecretExpiresAt: null,
        });
        // The key grants what the page set.
        const granted = await tokenWith(clientId, secret);
        expect(granted).toMatchObject({
          status: 200,
          body: { scope: 'read preview shop:orders' },
        });

        // After a reload: the card and the form show what was stored.
        await page.reload();
        const expiry = `Expires ${await shown('2031-01-01T08:00:00.000Z')}`;
        const card = clients.getByRole('listitem', { name: 'Preview site' });
        await card.getByText(expiry).waitFor();
        expect(await badgesOf('Preview site')).toEqual([
          'read',
          'preview',
          'shop:orders',
          `Only Article ${label}`,
          expiry,
        ]);
        expect(await contrastOf(card.getByText('shop:orders'))).toBeGreaterThanOrEqual(4.5);
        await shot('listed');
        await card.getByRole('button', { name: 'Edit' }).click();
        const editing = page.getByRole('dialog', { name: 'Edit Preview site' });
        await expect(
          editing.getByRole('checkbox', { name: 'preview', exact: true }).isChecked(),
        ).resolves.toBe(true);
        await editing.getByText('shop:orders', { exact: true }).waitFor();
        await expect(editing.getByRole('radio', { name: 'Only some' }).isChecked()).resolves.toBe(
          true,
        );
        await editing.getByText(`Article ${label}`, { exact: true }).waitFor();
        await expect(editing.getByLabel('Expires').inputValue()).resolves.toBe('2031-01-01 09:00');

        // Edit: a lifetime the API refuses (under its field), then one it takes; the other
        // entry type too, and the /v1 token API's envelope.
        const lifetime = editing.getByLabel('Token lifetime (seconds)');
        await lifetime.fill('30');
        await editing.getByRole('button', { name: 'Save' }).click();
        const tooShort = editing.getByText('tokenLifetime must be at least 60');
        await tooShort.waitFor();
        expect((await lifetime.getAttribute('aria-describedby'))?.split(' ')).toContain(
          await tooShort.getAttribute('id'),
        );
        await lifetime.fill('600');
        await editing.getByRole('combobox', { name: 'Entry types', exact: true }).click();
        await page.getByRole('option', { name: `Note ${label}` }).click();
        await editing.getByLabel('Token response').selectOption('Envelope (/v1 token API)');
        await shot('edit');
        await editing.getByRole('button', { name: 'Save' }).click();
        await editing.waitFor({ state: 'hidden' });
        await card.getByText('Envelope tokens').waitFor();
        expect(await badgesOf('Preview site')).toEqual([
          'read',
          'preview',
          'shop:orders',
          `Only Article ${label}, Note ${label}`,
          expiry,
          'Envelope tokens',
        ]);
        expect((await api('GET', `/project/${projectId}/client/${stored.id}`)).body).toMatchObject({
          scopes: ['read', 'preview', 'shop:orders'],
          entryTypeIds: [article, note].sort((a, b) => a - b),
          expiresAt: '2031-01-01T08:00:00.000Z',
          tokenLifetime: 600,
          tokenResponse: 'envelope',
        });

        // Rotate with a grace of an hour: the old secret still works, until when is said.
        await card.getByRole('button', { name: 'Rotate secret' }).click();
        const rotating = page.getByRole('dialog', { name: 'Rotate the secret of “Preview site”?' });
        await rotating.getByRole('radio', { name: '1 hour' }).check();
        await rotating.getByText(/keeps working for 1 hour/).waitFor();
        await shot('rotate');
        const before = Date.now();
        await rotating.getByRole('button', { name: 'Rotate secret' }).click();
        const rotated = page.getByRole('dialog', { name: 'The new client secret' });
        const newSecret = await rotated.getByLabel('Client secret', { exact: true }).inputValue();
        const afterRotation = (await api('GET', `/project/${projectId}/client/${stored.id}`))
          .body as { previousSecretExpiresAt: string };
        const graceEnd = Date.parse(afterRotation.previousSecretExpiresAt);
        expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000 - 5_000);
        expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000 + 5_000);
        const until = await shown(afterRotation.previousSecretExpiresAt);
        await rotated.getByText(`The old secret still works until ${until}`).waitFor();
        // The snippet reads the envelope's token.
        await rotated.getByText(/jq -r \.data\.access_token\)/).waitFor();
        await shot('rotated');
        // Both secrets get a token, in the envelope now.
        for (const presented of [secret, newSecret]) {
          expect(await tokenWith(clientId, presented)).toMatchObject({
            status: 200,
            body: { success: true, data: { type: 'token', expires_in: 600 } },
          });
        }
        await rotated.getByRole('button', { name: 'I have copied the secret' }).click();
        await rotated.waitFor({ state: 'hidden' });
        const previous = card.getByText(`The previous secret works until ${until}`);
        await previous.waitFor();
        expect(await contrastOf(previous)).toBeGreaterThanOrEqual(4.5);

        // The one 400 provoked on purpose: the lifetime the API refused.
        expect(
          problems.filter(
            (problem) =>
              !/401 \(Unauthorized\)/.test(problem) &&
              !problem.endsWith(
                `status of 400 (Bad Request) (${world.origin}/project/${projectId}/client/${stored.id})`,
              ),
          ),
        ).toEqual([]);
        expect(new URL(page.url()).href).toBe(clientsUrl);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
