import { DELIVERY_QUEUE } from '../src/webhooks/delivery-job';
import { HookSecrets } from '../src/webhooks/hook-secrets';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { WEB_HOOK_EVENTS } from './helpers/web-hook-events';

const EVENTS = WEB_HOOK_EVENTS;

const allEvents = (value: boolean) =>
  Object.fromEntries(EVENTS.map((event) => [event, value])) as Record<
    (typeof EVENTS)[number],
    boolean
  >;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Web hooks as project admins manage them: create (the secret shown once,
 * stored sealed), read, change, delete, rotate the secret, re-enable after
 * failures, the delivery log and redelivery; who may do any of it; which
 * targets are refused.
 */
describe('web hooks: the API', () => {
  let t: TestApp;
  let admin: string;
  let author: string;
  let outsider: string;
  let globalAdmin: string;
  let projectId: number;
  let otherProjectId: number;
  let siteToken: string;

  const call = (method: Method, url: string, token: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(token), payload: payload as object });
  const hooksUrl = (project = projectId) => `/project/${project}/web-hook/`;

  async function newHook(body: Record<string, unknown> = {}, project = projectId) {
    const res = await call('POST', hooksUrl(project), admin, {
      name: 'Site build',
      url: 'https://example.com/hooks/tessera',
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number; secret: string } & Record<string, unknown>>();
  }

  const hookRow = async (id: number) =>
    (
      await t.dataSource.query(
        `SELECT name, url, is_active, events, secret_sealed, failure_count, disabled_at
           FROM web_hook WHERE id = $1`,
        [id],
      )
    )[0] as
      | {
          name: string;
          url: string;
          is_active: boolean;
          events: string[];
          secret_sealed: string;
          failure_count: number;
          disabled_at: Date | null;
        }
      | undefined;

  /** A delivery as the fan-out writes it, and its attempts: `[statusCode, error]` each. */
  async function insertDelivery(
    hookId: number,
    options: {
      event?: string;
      status?: string;
      attempts?: [number | null, string | null][];
      project?: number;
      data?: unknown;
    } = {},
  ): Promise<number> {
    const event = options.event ?? 'entryCreated';
    const project = options.project ?? projectId;
    const attempts = options.attempts ?? [];
    const body = JSON.stringify({
      type: event,
      projectId: project,
      occurredAt: '2025-01-01T00:00:00.000Z',
      data: options.data ?? { id: 1, name: 'An entry' },
    });
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO web_hook_delivery (web_hook_id, project_id, message_id, event, body, status,
         attempts, next_attempt_at, completed_at)
       VALUES ($1, $2, 'msg_' || md5(random()::text), $3, $4, $5::varchar, $6,
               CASE WHEN $5::varchar = 'pending' THEN now() + interval '2 minutes' END,
               CASE WHEN $5::varchar <> 'pending' THEN now() END)
       RETURNING id`,
      [hookId, project, event, body, options.status ?? 'succeeded', attempts.length],
    );
    for (const [index, [statusCode, error]] of attempts.entries()) {
      await t.dataSource.query(
        `INSERT INTO web_hook_attempt (delivery_id, attempt, started_at, duration_ms, status_code,
           response_excerpt, error)
         VALUES ($1, $2, now() - make_interval(mins => $3), $4, $5, $6, $7)`,
        [
          id,
          index + 1,
          10 - index,
          40 + index,
          statusCode,
          statusCode === null ? null : `answer ${index + 1}`,
          error,
        ],
      );
    }
    return Number(id);
  }

  const deliveryJobs = (): Promise<
    { data: { deliveryId: string; attempt: number }; state: string }[]
  > =>
    t.dataSource.query(`SELECT data, state FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [
      DELIVERY_QUEUE,
    ]);

  beforeAll(async () => {
    t = await createTestApp({
      // Jobs stay queued: this suite looks at them, and nothing is delivered.
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000', JOBS_WORKERS: 'off' },
    });
    const person = async (isAdmin = false) => {
      const user = await createUser(t.app, { isAdmin });
      return { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
    };
    const owner = await person();
    admin = owner.token;
    projectId = (await call('POST', '/project/', admin, { name: 'Hooked' })).json().id;
    otherProjectId = (await call('POST', '/project/', admin, { name: 'Elsewhere' })).json().id;
    const writer = await person();
    await call('POST', `/project/${projectId}/member/`, admin, {
      email: writer.email,
      membershipType: 'author',
    });
    author = writer.token;
    outsider = (await person()).token;
    globalAdmin = (await person(true)).token;
    const site = await call('POST', `/project/${projectId}/client/`, admin, { name: 'Site' });
    siteToken = await clientToken(t.app, site.json());
  });

  afterAll(() => t?.close());

  describe('create', () => {
    it('answers 201 with the hook, every event on by default, and its secret this once', async () => {
      const res = await call('POST', hooksUrl(), admin, {
        name: '  Site build  ',
        url: 'https://example.com/hooks/tessera?token=abc',
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const hook = res.json();
      expect(hook).toEqual({
        id: expect.any(Number),
        projectId,
        name: 'Site build',
        url: 'https://example.com/hooks/tessera?token=abc',
        isActive: true,
        ...allEvents(true),
        failureCount: 0,
        disabledAt: null,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      expect(Buffer.from(hook.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

      const read = await call('GET', `${hooksUrl()}${hook.id}`, admin);
      expect(read.statusCode).toBe(200);
      const { secret: _secret, ...asCreated } = hook;
      expect(read.json()).toEqual(asCreated);
      expect(read.body).not.toContain(hook.secret);
      expect(read.body).not.toMatch(/secret/i);
    });

    it('stores the secret only sealed, bound to the hook', async () => {
      const hook = await newHook();
      const row = (await hookRow(hook.id))!;
      const raw = hook.secret.slice('whsec_'.length);
      expect(row.secret_sealed).not.toContain(hook.secret);
      expect(row.secret_sealed).not.toContain(raw);
      expect(row.secret_sealed).not.toContain(Buffer.from(raw, 'base64').toString('base64url'));
      const secrets = t.app.get(HookSecrets);
      expect(secrets.open(row.secret_sealed, hook.id)).toBe(hook.secret);
      expect(() => secrets.open(row.secret_sealed, hook.id + 1)).toThrow();
    });

    it('takes the events it is given, each off only when false; the row lists those on', async () => {
      const hook = await newHook({
        isActive: false,
        projectDeleted: false,
        entryDeletedBulk: false,
        mediaDeletedBulk: false,
        entryPublished: true,
      });
      expect(hook).toMatchObject({
        isActive: false,
        ...allEvents(true),
        projectDeleted: false,
        entryDeletedBulk: false,
        mediaDeletedBulk: false,
      });
      const row = (await hookRow(hook.id))!;
      expect(row.is_active).toBe(false);
      expect([...row.events].sort()).toEqual(
        EVENTS.filter(
          (event) => !['projectDeleted', 'entryDeletedBulk', 'mediaDeletedBulk'].includes(event),
        ).sort(),
      );
    });

    it('gives each hook a secret of its own', async () => {
      const [a, b] = [await newHook(), await newHook()];
      expect(a.secret).not.toBe(b.secret);
    });

    it.each([
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(65) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ url: undefined }, 'url'],
      [{ url: 'example.com/hook' }, 'url'],
      [{ url: '/hook' }, 'url'],
      [{ url: 'ftp://example.com/hook' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'https://user:pass@example.com/hook' }, 'url'],
      [{ url: 'https://user@example.com/hook' }, 'url'],
      [{ url: ' https://example.com/hook' }, 'url'],
      [{ url: 'https://example.com/a hook' }, 'url'],
      [{ url: 'https://example.com/\thook' }, 'url'],
      [{ url: 'https://example.com/\u0001hook' }, 'url'],
      [{ url: `https://example.com/${'a'.repeat(2030)}` }, 'url'],
      [{ isActive: 'yes' }, 'isActive'],
      [{ entryCreated: 1 }, 'entryCreated'],
      [{ secretSauce: true }, 'secretSauce'],
      [{ events: ['entryCreated'] }, 'events'],
    ])('refuses %j with 400 errors.%s, and writes nothing', async (change, field) => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM web_hook`);
      const res = await call('POST', hooksUrl(), admin, {
        name: 'Bad',
        url: 'https://example.com/hook',
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        status: 400,
        name: 'ValidationError',
        errors: { [field]: expect.arrayContaining([expect.any(String)]) },
      });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM web_hook`)).toEqual(before);
    });

    it('takes a URL of exactly 2048 characters', async () => {
      const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
      expect(url).toHaveLength(2048);
      expect((await newHook({ url })).url).toBe(url);
    });

    it.each([
      'http://localhost:3000/hook',
      'http://LocalHost./hook',
      'http://build.localhost/hook',
      'http://127.0.0.1/hook',
      'http://2130706433/hook',
      'http://0x7f.0.0.1/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'https://10.0.0.8/hook',
      'https://192.168.1.20/hook',
      'https://172.20.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://[fe80::1]/hook',
      'http://0.0.0.0/hook',
    ])('refuses the private target %s (400 errors.url), on create and on update', async (url) => {
      const res = await call('POST', hooksUrl(), admin, { name: 'Private', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.url[0]).toMatch(/WEBHOOK_ALLOW_PRIVATE/);
      const hook = await newHook();
      const put = await call('PUT', `${hooksUrl()}${hook.id}`, admin, { name: 'Private', url });
      expect(put.statusCode).toBe(400);
      expect(put.json().errors.url).toHaveLength(1);
      expect((await hookRow(hook.id))!.url).toBe('https://example.com/hooks/tessera');
    });

    it('takes public addresses and names that are only resolved at delivery', async () => {
      for (const url of [
        'http://93.184.216.34/hook',
        'https://[2606:4700::6810:84e5]/hook',
        'http://hooks.example.net:8080/build',
      ]) {
        expect((await newHook({ url })).url).toBe(url);
      }
    });
  });

  describe('list', () => {
    it('is a plain array of the project’s hooks, newest first, without secrets', async () => {
      const own = await call('POST', '/project/', admin, { name: 'Listed' });
      const listed = own.json().id as number;
      const first = await newHook({ name: 'First' }, listed);
      const second = await newHook({ name: 'Second' }, listed);
      await newHook({ name: 'Other project' }, otherProjectId);
      for (const url of [`/project/${listed}/web-hook/`, `/project/${listed}/web-hook`]) {
        const res = await call('GET', url, admin);
        expect(res.statusCode).toBe(200);
        expect(res.json().map((hook: { id: number }) => hook.id)).toEqual([second.id, first.id]);
        expect(res.body).not.toContain(first.secret);
        expect(res.body).not.toMatch(/secret/i);
      }
      const empty = await call('POST', '/project/', admin, { name: 'Empty' });
      expect((await call('GET', hooksUrl(empty.json().id), admin)).json()).toEqual([]);
    });
  });

  describe('update (PUT)', () => {
    it('takes the hook as read back whole, read-only fields ignored (contentjet-ui’s save)', async () => {
      const hook = await newHook();
      await t.dataSource.query(`UPDATE web_hook SET failure_count = 3 WHERE id = $1`, [hook.id]);
      const read = (await call('GET', `${hooksUrl()}${hook.id}/`, admin)).json();
      const res = await call('PUT', `${hooksUrl()}${hook.id}/`, admin, {
        ...read,
        // A copy of what create answered, secret included, is ignored too.
        secret: 'whsec_AAAA',
        id: 999999,
        projectId: otherProjectId,
        failureCount: 0,
        disabledAt: '2020-01-01T00:00:00Z',
        createdAt: '2020-01-01T00:00:00Z',
        name: 'Renamed',
        url: 'https://example.org/new',
        mediaCreated: false,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        ...read,
        name: 'Renamed',
        url: 'https://example.org/new',
        mediaCreated: false,
        modifiedAt: expect.any(String),
      });
      expect(new Date(res.json().modifiedAt).getTime()).toBeGreaterThan(
        new Date(read.modifiedAt).getTime(),
      );
      const row = (await hookRow(hook.id))!;
      expect(row.failure_count).toBe(3);
      expect(row.disabled_at).toBeNull();
      expect(row.events).not.toContain('mediaCreated');
      expect(t.app.get(HookSecrets).open(row.secret_sealed, hook.id)).toBe(hook.secret);
      // Still in this project, under its id.
      expect((await call('GET', `${hooksUrl()}${hook.id}`, admin)).json().name).toBe('Renamed');
    });

    it('keeps isActive and every event left out, and changes only those given', async () => {
      const hook = await newHook({ isActive: false, entryCreated: false, mediaDeleted: false });
      const res = await call('PUT', `${hooksUrl()}${hook.id}`, admin, {
        name: 'Partial',
        url: 'https://example.com/hook',
        entryCreated: true,
        entryUpdated: false,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        ...allEvents(true),
        isActive: false,
        entryUpdated: false,
        mediaDeleted: false,
      });
      const again = await call('PUT', `${hooksUrl()}${hook.id}`, admin, {
        name: 'Partial',
        url: 'https://example.com/hook',
        isActive: true,
      });
      expect(again.json()).toMatchObject({ isActive: true, entryUpdated: false });
    });

    it('needs name and url, refuses unknown fields, and changes nothing then', async () => {
      const hook = await newHook();
      for (const [body, field] of [
        [{ url: 'https://example.com/x' }, 'name'],
        [{ name: 'No url' }, 'url'],
        [{ name: 'X', url: 'https://example.com/x', user: { id: 1 } }, 'user'],
      ] as const) {
        const res = await call('PUT', `${hooksUrl()}${hook.id}`, admin, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[field]).toEqual(expect.arrayContaining([expect.any(String)]));
      }
      expect((await hookRow(hook.id))!.name).toBe('Site build');
    });

    it('is a 404 for a hook that is not there, or not this project’s', async () => {
      const foreign = await newHook({}, otherProjectId);
      for (const id of [foreign.id, 2147483647, 'abc', '0', '1e3']) {
        const res = await call('PUT', `${hooksUrl()}${id}`, admin, {
          name: 'X',
          url: 'https://example.com/x',
        });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ status: 404, message: 'Web hook not found' });
      }
      expect((await hookRow(foreign.id))!.name).toBe('Site build');
    });
  });

  describe('delete', () => {
    it('answers 204 and takes the hook’s delivery log with it, no other', async () => {
      const hook = await newHook();
      const kept = await newHook();
      const gone = await insertDelivery(hook.id, {
        attempts: [
          [500, null],
          [200, null],
        ],
      });
      const other = await insertDelivery(kept.id, { attempts: [[200, null]] });
      const res = await call('DELETE', `${hooksUrl()}${hook.id}/`, admin);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expect(await hookRow(hook.id)).toBeUndefined();
      const left = async (id: number) => ({
        deliveries: (
          await t.dataSource.query(`SELECT id FROM web_hook_delivery WHERE id = $1`, [id])
        ).length,
        attempts: (
          await t.dataSource.query(`SELECT id FROM web_hook_attempt WHERE delivery_id = $1`, [id])
        ).length,
      });
      expect(await left(gone)).toEqual({ deliveries: 0, attempts: 0 });
      expect(await left(other)).toEqual({ deliveries: 1, attempts: 1 });
      expect((await call('DELETE', `${hooksUrl()}${hook.id}`, admin)).statusCode).toBe(404);
      expect((await call('GET', `${hooksUrl()}${hook.id}`, admin)).statusCode).toBe(404);
    });

    it('of another project’s hook is a 404 and deletes nothing', async () => {
      const foreign = await newHook({}, otherProjectId);
      const delivery = await insertDelivery(foreign.id, { project: otherProjectId });
      expect((await call('DELETE', `${hooksUrl()}${foreign.id}`, admin)).statusCode).toBe(404);
      expect(await hookRow(foreign.id)).toBeDefined();
      expect(
        await t.dataSource.query(`SELECT id FROM web_hook_delivery WHERE id = $1`, [delivery]),
      ).toHaveLength(1);
    });
  });

  describe('rotate-secret', () => {
    it('answers the hook with a new secret, shown once; the row now opens to it alone', async () => {
      const hook = await newHook();
      const res = await call('POST', `${hooksUrl()}${hook.id}/rotate-secret`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const rotated = res.json();
      expect(rotated).toMatchObject({ id: hook.id, name: 'Site build', secret: /^whsec_/ });
      expect(rotated.secret).not.toBe(hook.secret);
      const row = (await hookRow(hook.id))!;
      expect(row.secret_sealed).not.toContain(rotated.secret.slice('whsec_'.length));
      expect(t.app.get(HookSecrets).open(row.secret_sealed, hook.id)).toBe(rotated.secret);
      expect(
        (await call('POST', `${hooksUrl(otherProjectId)}${hook.id}/rotate-secret`, admin))
          .statusCode,
      ).toBe(404);
      expect(t.app.get(HookSecrets).open((await hookRow(hook.id))!.secret_sealed, hook.id)).toBe(
        rotated.secret,
      );
    });
  });

  describe('enable', () => {
    it('brings back a hook disabled after 20 failures in a row: disabledAt cleared, count reset', async () => {
      const hook = await newHook();
      await t.dataSource.query(
        `UPDATE web_hook SET failure_count = 20, disabled_at = now() WHERE id = $1`,
        [hook.id],
      );
      const read = (await call('GET', `${hooksUrl()}${hook.id}`, admin)).json();
      expect(read).toMatchObject({ failureCount: 20, disabledAt: expect.any(String) });
      const res = await call('POST', `${hooksUrl()}${hook.id}/enable`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: hook.id, failureCount: 0, disabledAt: null });
      expect(res.json()).not.toHaveProperty('secret');
      expect(await hookRow(hook.id)).toMatchObject({ failure_count: 0, disabled_at: null });
    });

    it('leaves isActive as it is, and is a 404 for another project’s hook', async () => {
      const hook = await newHook({ isActive: false });
      const res = await call('POST', `${hooksUrl()}${hook.id}/enable`, admin);
      expect(res.json()).toMatchObject({ isActive: false, disabledAt: null });
      const foreign = await newHook({}, otherProjectId);
      await t.dataSource.query(`UPDATE web_hook SET disabled_at = now() WHERE id = $1`, [
        foreign.id,
      ]);
      expect((await call('POST', `${hooksUrl()}${foreign.id}/enable`, admin)).statusCode).toBe(404);
      expect((await hookRow(foreign.id))!.disabled_at).not.toBeNull();
    });
  });

  describe('the delivery log', () => {
    let hook: { id: number };
    let deliveries: number[];

    beforeAll(async () => {
      hook = await newHook();
      deliveries = [
        await insertDelivery(hook.id, {
          event: 'entryCreated',
          attempts: [
            [500, null],
            [null, 'timed out after 10 s'],
            [200, null],
          ],
        }),
        await insertDelivery(hook.id, {
          event: 'mediaDeleted',
          status: 'failed',
          attempts: [[404, null]],
          data: { id: 7 },
        }),
        await insertDelivery(hook.id, { event: 'entryPublished', status: 'pending' }),
      ];
      // Another hook's, which its log never shows.
      await insertDelivery((await newHook()).id, { attempts: [[200, null]] });
    });

    it('pages newest first, each delivery with its attempts, oldest attempt first', async () => {
      const res = await call('GET', `${hooksUrl()}${hook.id}/delivery/?page=1&pageSize=2`, admin);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({ page: 1, totalPages: 2, totalRecords: 3 });
      expect(page.results.map((d: { id: number }) => d.id)).toEqual([deliveries[2], deliveries[1]]);
      expect(page.results[0]).toEqual({
        id: deliveries[2],
        messageId: expect.stringMatching(/^msg_/),
        event: 'entryPublished',
        status: 'pending',
        attemptCount: 0,
        nextAttemptAt: expect.any(String),
        createdAt: expect.any(String),
        completedAt: null,
        attempts: [],
      });
      expect(page.results[0]).not.toHaveProperty('payload');
      const second = await call('GET', `${hooksUrl()}${hook.id}/delivery?page=2&pageSize=2`, admin);
      const [oldest] = second.json().results;
      expect(oldest).toEqual({
        id: deliveries[0],
        messageId: expect.stringMatching(/^msg_/),
        event: 'entryCreated',
        status: 'succeeded',
        attemptCount: 3,
        nextAttemptAt: null,
        createdAt: expect.any(String),
        completedAt: expect.any(String),
        attempts: [
          {
            attempt: 1,
            startedAt: expect.any(String),
            durationMs: 40,
            statusCode: 500,
            responseExcerpt: 'answer 1',
            error: null,
          },
          {
            attempt: 2,
            startedAt: expect.any(String),
            durationMs: 41,
            statusCode: null,
            responseExcerpt: null,
            error: 'timed out after 10 s',
          },
          {
            attempt: 3,
            startedAt: expect.any(String),
            durationMs: 42,
            statusCode: 200,
            responseExcerpt: 'answer 3',
            error: null,
          },
        ],
      });
    });

    it('pages by 30 unless asked, and refuses a bad page size', async () => {
      const res = await call('GET', `${hooksUrl()}${hook.id}/delivery/`, admin);
      expect(res.json()).toMatchObject({ page: 1, totalPages: 1, totalRecords: 3 });
      const bad = await call('GET', `${hooksUrl()}${hook.id}/delivery/?pageSize=1000`, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toHaveProperty('pageSize');
    });

    it('shows one delivery with the payload it sent', async () => {
      const res = await call('GET', `${hooksUrl()}${hook.id}/delivery/${deliveries[1]}/`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: deliveries[1],
        event: 'mediaDeleted',
        status: 'failed',
        attemptCount: 1,
        attempts: [{ attempt: 1, statusCode: 404 }],
        payload: {
          type: 'mediaDeleted',
          projectId,
          occurredAt: '2025-01-01T00:00:00.000Z',
          data: { id: 7 },
        },
      });
    });

    it('is a 404 for a delivery of another hook, or of a hook of another project', async () => {
      const otherHook = await newHook();
      const foreignHook = await newHook({}, otherProjectId);
      const foreign = await insertDelivery(foreignHook.id, { project: otherProjectId });
      for (const url of [
        `${hooksUrl()}${otherHook.id}/delivery/${deliveries[0]}`,
        `${hooksUrl()}${hook.id}/delivery/${foreign}`,
        `${hooksUrl()}${foreignHook.id}/delivery/${foreign}`,
        `${hooksUrl()}${hook.id}/delivery/abc`,
        `${hooksUrl()}${hook.id}/delivery/0`,
        `${hooksUrl()}${hook.id}/delivery/99999999999999999999`,
      ]) {
        const res = await call('GET', url, admin);
        expect(res.statusCode).toBe(404);
        expect(res.json().message).toMatch(/not found/);
      }
      expect(
        (await call('GET', `${hooksUrl()}${foreignHook.id}/delivery/`, admin)).statusCode,
      ).toBe(404);
      expect((await call('GET', `${hooksUrl()}${otherHook.id}/delivery/`, admin)).json()).toEqual({
        page: 1,
        totalPages: 0,
        totalRecords: 0,
        results: [],
      });
    });
  });

  describe('redeliver', () => {
    it('answers 202, makes the delivery pending and due now, and queues its next attempt in one go', async () => {
      const hook = await newHook();
      const id = await insertDelivery(hook.id, {
        status: 'failed',
        attempts: [
          [500, null],
          [502, null],
        ],
      });
      const jobsBefore = (await deliveryJobs()).length;
      const res = await call('POST', `${hooksUrl()}${hook.id}/delivery/${id}/redeliver`, admin);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({
        id,
        status: 'pending',
        attemptCount: 2,
        nextAttemptAt: expect.any(String),
        completedAt: null,
        attempts: [{ attempt: 1 }, { attempt: 2 }],
      });
      expect(res.json()).not.toHaveProperty('payload');
      const [row] = await t.dataSource.query(
        `SELECT status, attempts, completed_at, abs(extract(epoch FROM next_attempt_at - now())) AS due_in
           FROM web_hook_delivery WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({ status: 'pending', attempts: 2, completed_at: null });
      expect(Number(row.due_in)).toBeLessThan(5);
      const jobs = await deliveryJobs();
      expect(jobs).toHaveLength(jobsBefore + 1);
      expect(jobs.at(-1)).toEqual({
        data: { deliveryId: String(id), attempt: 3 },
        state: 'created',
      });
    });

    it('redelivers a delivery that succeeded, as its next attempt', async () => {
      const hook = await newHook();
      const id = await insertDelivery(hook.id, { attempts: [[204, null]] });
      const res = await call('POST', `${hooksUrl()}${hook.id}/delivery/${id}/redeliver/`, admin);
      expect(res.statusCode).toBe(202);
      expect((await deliveryJobs()).at(-1)!.data).toEqual({ deliveryId: String(id), attempt: 2 });
    });

    it('is a 409 naming why while the hook is disabled or inactive, and queues nothing', async () => {
      const hook = await newHook();
      const id = await insertDelivery(hook.id, { status: 'cancelled' });
      const jobsBefore = (await deliveryJobs()).length;
      await t.dataSource.query(
        `UPDATE web_hook SET failure_count = 20, disabled_at = now() WHERE id = $1`,
        [hook.id],
      );
      const disabled = await call(
        'POST',
        `${hooksUrl()}${hook.id}/delivery/${id}/redeliver`,
        admin,
      );
      expect(disabled.statusCode).toBe(409);
      expect(disabled.json()).toMatchObject({
        status: 409,
        name: 'ConflictError',
        message: expect.stringMatching(/disabled after 20 failed deliveries in a row.*re-enable/),
      });
      await call('POST', `${hooksUrl()}${hook.id}/enable`, admin);
      await call('PUT', `${hooksUrl()}${hook.id}`, admin, {
        name: 'Off',
        url: 'https://example.com/hook',
        isActive: false,
      });
      const inactive = await call(
        'POST',
        `${hooksUrl()}${hook.id}/delivery/${id}/redeliver`,
        admin,
      );
      expect(inactive.statusCode).toBe(409);
      expect(inactive.json().message).toMatch(/inactive/);
      expect(await deliveryJobs()).toHaveLength(jobsBefore);
      const [row] = await t.dataSource.query(`SELECT status FROM web_hook_delivery WHERE id = $1`, [
        id,
      ]);
      expect(row.status).toBe('cancelled');
    });

    it('is a 404 for a delivery of another hook or project, and queues nothing', async () => {
      const hook = await newHook();
      const mine = await insertDelivery(hook.id);
      const foreignHook = await newHook({}, otherProjectId);
      const foreign = await insertDelivery(foreignHook.id, { project: otherProjectId });
      const jobsBefore = (await deliveryJobs()).length;
      for (const url of [
        `${hooksUrl()}${hook.id}/delivery/${foreign}/redeliver`,
        `${hooksUrl()}${foreignHook.id}/delivery/${foreign}/redeliver`,
        `${hooksUrl()}${(await newHook()).id}/delivery/${mine}/redeliver`,
      ]) {
        expect((await call('POST', url, admin)).statusCode).toBe(404);
      }
      expect(await deliveryJobs()).toHaveLength(jobsBefore);
    });
  });

  describe('who may', () => {
    let hook: { id: number };
    let delivery: number;
    const routes = (): [Method, string, unknown?][] => [
      ['GET', hooksUrl()],
      ['POST', hooksUrl(), { name: 'Intruder', url: 'https://evil.example/' }],
      ['GET', `${hooksUrl()}${hook.id}`],
      ['PUT', `${hooksUrl()}${hook.id}`, { name: 'Intruder', url: 'https://evil.example/' }],
      ['POST', `${hooksUrl()}${hook.id}/rotate-secret`],
      ['POST', `${hooksUrl()}${hook.id}/enable`],
      ['GET', `${hooksUrl()}${hook.id}/delivery/`],
      ['GET', `${hooksUrl()}${hook.id}/delivery/${delivery}`],
      ['POST', `${hooksUrl()}${hook.id}/delivery/${delivery}/redeliver`],
      ['DELETE', `${hooksUrl()}${hook.id}`],
    ];

    beforeAll(async () => {
      hook = await newHook({ name: 'Guarded' });
      delivery = await insertDelivery(hook.id, { status: 'failed' });
    });

    /** What a refused caller must leave as it was. */
    const state = async () => ({
      hooks: await t.dataSource.query(
        `SELECT id, name, url, secret_sealed, failure_count FROM web_hook WHERE project_id = $1 ORDER BY id`,
        [projectId],
      ),
      delivery: await t.dataSource.query(`SELECT status FROM web_hook_delivery WHERE id = $1`, [
        delivery,
      ]),
      jobs: (await deliveryJobs()).length,
    });

    it.each([
      ['a member who is not an admin', 403, () => author],
      ['a user outside the project', 404, () => outsider],
      ['the project’s own API client', 403, () => siteToken],
    ])('%s: %i on every route, and nothing changes', async (_who, status, token) => {
      const before = await state();
      for (const [method, url, body] of routes()) {
        const res = await call(method, url, token(), body);
        if (res.statusCode !== status) {
          throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
        }
        expect(res.body).not.toMatch(/whsec_/);
      }
      expect(await state()).toEqual(before);
    });

    it('no token is a 401', async () => {
      const res = await t.app.inject({ method: 'GET', url: hooksUrl() });
      expect(res.statusCode).toBe(401);
    });

    it('a global administrator may, without being a member', async () => {
      const res = await call('GET', `${hooksUrl()}${hook.id}`, globalAdmin);
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe('Guarded');
    });
  });
});

describe('web hooks: WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: '1', JOBS_WORKERS: 'off' } });
  });

  afterAll(() => t?.close());

  it('lets a hook point at a loopback or private address (a local receiver)', async () => {
    const owner = await createUser(t.app);
    const token = (await signIn(t.app, owner.email, owner.password)).access_token;
    const project = await t.app.inject({
      method: 'POST',
      url: '/project/',
      headers: bearer(token),
      payload: { name: 'Local' },
    });
    for (const url of ['http://127.0.0.1:4567/hook', 'http://localhost/hook', 'http://10.1.2.3/']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/project/${project.json().id}/web-hook/`,
        headers: bearer(token),
        payload: { name: 'Local receiver', url },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().url).toBe(url);
    }
  });
});
