import { join } from 'node:path';
import { HookSecrets } from '../src/webhooks/hook-secrets';
import { DELIVERY_QUEUE } from '../src/webhooks/delivery-job';
import { bearer, createUser, signIn } from './helpers/auth';
import { openSection, signInThroughPage } from './helpers/admin-ui-steps';
import {
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  watchProblems,
} from './helpers/browser';

const TIMEOUT = 120_000;

/**
 * The web hooks page in real Chromium (desktop): a private URL refused under
 * its field, a hook created with a group of events off, its secret shown
 * once and copied; a hook disabled after failing says so and comes back with
 * “Re-enable”; its delivery log shows each attempt, and “Redeliver” is
 * refused while disabled, queued once enabled; edit, rotate, delete.
 */
describeInBrowser('the admin UI web hooks page in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-web-hooks', TIMEOUT, {
    // Redeliveries stay queued: the test reads them, and nothing is sent.
    env: { JOBS_WORKERS: 'off' },
  });
  let owner: { email: string; password: string };
  let token: string;
  let projectId: number;

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.t.app.inject({ method, url, headers: bearer(token), payload });
    return { status: res.statusCode, body: res.body ? res.json<unknown>() : undefined };
  };
  const query = <Row>(sql: string, params: unknown[] = []): Promise<Row[]> =>
    world.t.dataSource.query(sql, params);

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Hana Hooks' });
    token = (await signIn(world.t.app, owner.email, owner.password)).access_token;
    projectId = ((await api('POST', '/project', { name: 'Static site' })).body as { id: number })
      .id;
  }, TIMEOUT);

  it(
    'creates, shows the secret once, re-enables, shows the log, redelivers, edits, rotates, deletes — no CSP violation',
    async () => {
      const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: world.origin,
      });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await signInThroughPage(page, world.origin, owner);
        await page.getByRole('link', { name: 'Static site', exact: true }).click();
        await openSection(page, 'Web hooks');
        await page.getByText('No web hooks yet.').waitFor();

        // A private target: the API's refusal under the URL field.
        await page.getByRole('button', { name: 'New web hook' }).click();
        const dialog = page.getByRole('dialog', { name: 'New web hook' });
        await dialog.getByRole('textbox', { name: 'Name' }).fill('Rebuild');
        await dialog.getByRole('textbox', { name: 'URL' }).fill('http://127.0.0.1:8080/hook');
        await dialog.getByRole('button', { name: 'Create web hook' }).click();
        await dialog.getByText(/must not point at localhost/).waitFor();
        await dialog.getByRole('textbox', { name: 'URL' }).fill('https://ci.example.com/hook');
        await dialog.getByRole('checkbox', { name: 'All media events' }).uncheck();
        await dialog.getByRole('checkbox', { name: 'Project: Deleted' }).uncheck();
        await shot('form');
        await dialog.getByRole('button', { name: 'Create web hook' }).click();

        // The secret, once, with its copy button.
        const created = page.getByRole('dialog', { name: 'Web hook created' });
        await created.getByText('You will not see it again.', { exact: false }).waitFor();
        const secret = await created.getByRole('textbox', { name: 'Signing secret' }).inputValue();
        expect(secret).toMatch(/^whsec_/);
        await created.getByRole('button', { name: 'Copy the signing secret' }).click();
        await created.getByRole('button', { name: 'Copied' }).waitFor();
        await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(secret);
        await shot('secret');
        await created.getByRole('button', { name: 'I have copied the secret' }).click();

        const [hook] = (await api('GET', `/project/${projectId}/web-hook`)).body as {
          id: number;
          [event: string]: unknown;
        }[];
        expect(hook).toMatchObject({
          name: 'Rebuild',
          url: 'https://ci.example.com/hook',
          isActive: true,
          projectDeleted: false,
          mediaCreated: false,
          mediaUpdated: false,
          mediaDeleted: false,
          mediaDeletedBulk: false,
          entryPublished: true,
        });
        const [row] = await query<{ secret_sealed: string }>(
          `SELECT secret_sealed FROM web_hook WHERE id = $1`,
          [hook.id],
        );
        expect(world.t.app.get(HookSecrets).open(row.secret_sealed, hook.id)).toBe(secret);
        const card = page.getByRole('list', { name: 'Web hooks' }).getByRole('listitem', {
          name: 'Rebuild',
        });
        await card.getByText('9 events').waitFor();
        await card.getByText('Active', { exact: true }).waitFor();

        // Twenty failures in a row, as the worker leaves them, and a failed delivery.
        await query(`UPDATE web_hook SET failure_count = 20, disabled_at = now() WHERE id = $1`, [
          hook.id,
        ]);
        const [{ id: deliveryId }] = await query<{ id: string }>(
          `INSERT INTO web_hook_delivery (web_hook_id, project_id, message_id, event, body, status,
             attempts, completed_at)
           VALUES ($1, $2, 'msg_browser', 'entryUpdated', '{}', 'failed', 2, now()) RETURNING id`,
          [hook.id, projectId],
        );
        await query(
          `INSERT INTO web_hook_attempt (delivery_id, attempt, started_at, duration_ms, status_code,
             response_excerpt, error)
           VALUES ($1, 1, now(), 120, 500, 'Internal Server Error', NULL),
                  ($1, 2, now(), 10001, NULL, NULL, 'timed out after 10 s')`,
          [deliveryId],
        );
        await page.reload();
        await card
          .getByText('Disabled after 20 failed deliveries in a row', { exact: false })
          .waitFor();
        await card.getByText('Disabled', { exact: true }).first().waitFor();
        await shot('disabled');

        // The log: each attempt; redeliver refused while the hook is disabled.
        await card.getByRole('button', { name: 'Deliveries' }).click();
        const log = page.getByRole('dialog', { name: 'Deliveries of “Rebuild”' });
        const delivery = log.getByRole('listitem', { name: `Delivery ${deliveryId}` });
        await delivery.getByText('entryUpdated').waitFor();
        await delivery.getByText('failed', { exact: true }).waitFor();
        await delivery.getByText('HTTP 500 · 120 ms', { exact: false }).waitFor();
        await delivery.getByText('timed out after 10 s · 10001 ms', { exact: false }).waitFor();
        await delivery.getByRole('button', { name: 'Redeliver' }).click();
        await log
          .getByRole('alert')
          .getByText(/disabled after 20 failed deliveries/)
          .waitFor();
        await shot('log-refused');
        await page.keyboard.press('Escape');

        // Re-enable: the banner goes, and the hook is active again.
        await card.getByRole('button', { name: 'Re-enable' }).click();
        await card.getByText('Active', { exact: true }).waitFor();
        expect(await card.getByText('Disabled after', { exact: false }).count()).toBe(0);
        expect(
          await query(`SELECT failure_count, disabled_at FROM web_hook WHERE id = $1`, [hook.id]),
        ).toEqual([{ failure_count: 0, disabled_at: null }]);

        // Now redeliver is queued: pending, and its third attempt is a job.
        await card.getByRole('button', { name: 'Deliveries' }).click();
        await delivery.getByRole('button', { name: 'Redeliver' }).click();
        await delivery.getByText('pending', { exact: true }).waitFor();
        await delivery.getByText(/next attempt/).waitFor();
        const jobs = await query<{ data: unknown }>(`SELECT data FROM pgboss.job WHERE name = $1`, [
          DELIVERY_QUEUE,
        ]);
        expect(jobs).toEqual([{ data: { deliveryId: String(deliveryId), attempt: 3 } }]);
        await shot('log-redelivered');
        await page.keyboard.press('Escape');

        // Edit: inactive, entries' events only.
        await card.getByRole('button', { name: 'Edit' }).click();
        const edit = page.getByRole('dialog', { name: 'Edit Rebuild' });
        await edit.getByRole('checkbox', { name: 'Active' }).uncheck();
        // Half on, the group's box is indeterminate: the one left goes by itself.
        await expect(
          edit
            .getByRole('checkbox', { name: 'All project events' })
            .evaluate((box: { indeterminate: boolean }) => box.indeterminate),
        ).resolves.toBe(true);
        await edit.getByRole('checkbox', { name: 'Project: Updated' }).uncheck();
        await edit.getByRole('checkbox', { name: 'All entry types events' }).uncheck();
        await edit.getByRole('button', { name: 'Save' }).click();
        await card.getByText('Inactive', { exact: true }).waitFor();
        await card.getByText('5 events').waitFor();

        // Rotate: a new secret, once.
        await card.getByRole('button', { name: 'Rotate secret' }).click();
        await page
          .getByRole('dialog', { name: 'Rotate the secret of “Rebuild”?' })
          .getByRole('button', { name: 'Rotate secret' })
          .click();
        const rotated = page.getByRole('dialog', { name: 'The new signing secret' });
        const newSecret = await rotated
          .getByRole('textbox', { name: 'Signing secret' })
          .inputValue();
        expect(newSecret).toMatch(/^whsec_/);
        expect(newSecret).not.toBe(secret);
        await rotated.getByRole('button', { name: 'I have copied the secret' }).click();

        // Delete, confirmed: the hook and its log are gone.
        await card.getByRole('button', { name: 'Delete' }).click();
        await page
          .getByRole('dialog', { name: 'Delete “Rebuild”?' })
          .getByRole('button', { name: 'Delete web hook' })
          .click();
        await page.getByText('No web hooks yet.').waitFor();
        expect(
          await query(`SELECT id FROM web_hook_delivery WHERE web_hook_id = $1`, [hook.id]),
        ).toEqual([]);
        // Chromium logs every 4xx: the boot-time refresh without a cookie (401), and the two
        // refusals provoked above. Anything else is a problem.
        const provoked = [
          `status of 400 (Bad Request) (${world.origin}/project/${projectId}/web-hook)`,
          `status of 409 (Conflict) (${world.origin}/project/${projectId}/web-hook/${hook.id}/delivery/${deliveryId}/redeliver)`,
        ];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
        expect(problems.filter((problem) => /Content Security Policy/i.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
