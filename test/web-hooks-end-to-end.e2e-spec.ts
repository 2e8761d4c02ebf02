import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';
import { sleep } from './helpers/eventually';
import { multipart, TINY_PNG } from './helpers/multipart';
import { WEB_HOOK_EVENTS } from './helpers/web-hook-events';
import { ReceivedHook, WebhookReceiver } from './helpers/webhook-receiver';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a receiver reads once the signature verified. */
interface Payload {
  type: string;
  projectId: number;
  occurredAt: string;
  data: unknown;
}

/** Local receivers need WEBHOOK_ALLOW_PRIVATE; the worker polls twice a second. */
const ENV = {
  WEBHOOK_ALLOW_PRIVATE: '1',
  JOBS_POLL_SECONDS: '0.5',
  TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
};

/** Long enough for a delivery that was going to happen to have happened. */
const QUIET_MS = 2000;

/**
 * The whole path, as a receiver sees it: writes through the API, a hook
 * made through the API, deliveries by the app's own worker to a real HTTP
 * server that verifies each request with the `standardwebhooks` verifier
 * and the secret the API showed once.
 */
describe('web hooks end to end: API writes reach a verifying receiver', () => {
  let t: TestApp;
  let admin: string;
  let projectId: number;
  let receiver: WebhookReceiver;

  const call = (method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(admin), payload: payload as object });

  async function ok<T = Record<string, unknown>>(
    method: Method,
    url: string,
    status: number,
    payload?: unknown,
  ): Promise<T> {
    const res = await call(method, url, payload);
    expect({ status: res.statusCode, url }).toEqual({ status, url });
    return (res.body ? res.json() : undefined) as T;
  }

  /** A hook on `project` to `to`, every event on (the default); `to` learns its secret. */
  async function hookTo(project: number, to: WebhookReceiver): Promise<number> {
    const hook = await ok<{ id: number; secret: string }>(
      'POST',
      `/project/${project}/web-hook/`,
      201,
      { name: 'Everything', url: to.url() },
    );
    to.secret = hook.secret;
    return hook.id;
  }

  const payloads = (list: ReceivedHook[]) => list.map((hook) => hook.payload as Payload);
  const ofType = (list: ReceivedHook[], type: string) =>
    payloads(list).filter((payload) => payload.type === type);

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await ok<{ id: number }>('POST', '/project/', 201, { name: 'Site' })).id;
    receiver = await WebhookReceiver.start('');
    await hookTo(projectId, receiver);
  });

  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('every event type arrives signed, once, with the thing as the API read it then', async () => {
    const expected: Array<[string, unknown]> = [];
    const base = `/project/${projectId}`;

    await ok('PUT', `${base}/`, 200, { name: 'Site renamed' });
    expected.push(['projectUpdated', await ok('GET', `${base}`, 200)]);

    const fields = [{ name: 'title', label: 'Title', fieldType: 'TEXT' }];
    const type = await ok<{ id: number }>('POST', `${base}/entry-type/`, 201, {
      name: 'Post',
      fields,
    });
    expected.push(['entryTypeCreated', await ok('GET', `${base}/entry-type/${type.id}`, 200)]);
    await ok('PUT', `${base}/entry-type/${type.id}`, 200, { name: 'Article', fields });
    expected.push(['entryTypeUpdated', await ok('GET', `${base}/entry-type/${type.id}`, 200)]);

    const entry = (name: string, published: string | null = null) => ({
      entryTypeId: type.id,
      name,
      published,
      fields: { title: name },
    });
    const draft = await ok<{ id: number }>('POST', `${base}/entry/`, 201, entry('Draft'));
    expected.push(['entryCreated', await ok('GET', `${base}/entry/${draft.id}`, 200)]);
    await ok('PUT', `${base}/entry/${draft.id}`, 200, entry('Draft', '2020-01-01T00:00:00.000Z'));
    const live = await ok('GET', `${base}/entry/${draft.id}`, 200);
    expected.push(['entryUpdated', live], ['entryPublished', live]);

    const upload = multipart([
      { field: 'file', value: TINY_PNG, filename: 'a.png' },
      { field: 'file', value: TINY_PNG, filename: 'b.png' },
      { field: 'file', value: TINY_PNG, filename: 'c.png' },
    ]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `${base}/media/upload`,
      headers: { ...bearer(admin), ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const [a, b, c] = uploaded.json<{ id: number }[]>();
    for (const media of [a, b, c]) {
      expected.push(['mediaCreated', await ok('GET', `${base}/media/${media.id}`, 200)]);
    }
    await ok('PUT', `${base}/media/${a.id}`, 200, { description: 'Tiny', tags: ['tiny'] });
    expected.push(['mediaUpdated', await ok('GET', `${base}/media/${a.id}`, 200)]);
    await ok('DELETE', `${base}/media/${a.id}`, 204);
    expected.push(['mediaDeleted', { id: a.id }]);
    await ok('POST', `${base}/media/bulk-delete`, 204, [b.id, c.id]);
    expected.push(['mediaDeletedBulk', { ids: [b.id, c.id] }]);

    const two = await ok<{ id: number }>('POST', `${base}/entry/`, 201, entry('Two'));
    expected.push(['entryCreated', await ok('GET', `${base}/entry/${two.id}`, 200)]);
    const three = await ok<{ id: number }>('POST', `${base}/entry/`, 201, entry('Three'));
    expected.push(['entryCreated', await ok('GET', `${base}/entry/${three.id}`, 200)]);
    await ok('DELETE', `${base}/entry/${draft.id}`, 204);
    expected.push(['entryDeleted', { id: draft.id }]);
    await ok('POST', `${base}/entry/bulk-delete`, 204, [two.id, three.id]);
    expected.push(['entryDeletedBulk', { ids: [two.id, three.id] }]);
    await ok('DELETE', `${base}/entry-type/${type.id}`, 204);
    expected.push(['entryTypeDeleted', { id: type.id }]);

    // projectDeleted goes to the hooks that go with the project: a second
    // project, its own hook and receiver.
    const doomed = (await ok<{ id: number }>('POST', '/project/', 201, { name: 'Doomed' })).id;
    const doomedReceiver = await WebhookReceiver.start('');
    try {
      await hookTo(doomed, doomedReceiver);
      await ok('DELETE', `/project/${doomed}`, 204);
      const [gone] = await doomedReceiver.waitFor(1);
      expect(gone.verified).toBe(true);
      expect(gone.payload).toEqual({
        type: 'projectDeleted',
        projectId: doomed,
        occurredAt: expect.any(String),
        data: { id: doomed },
      });
    } finally {
      await doomedReceiver.close();
    }

    const received = await receiver.waitFor(expected.length);
    await sleep(QUIET_MS);
    expect(received.filter((hook) => !hook.verified).map((hook) => hook.verifyError)).toEqual([]);
    // Each event once (one message id each), whatever order they arrived in.
    expect(new Set(received.map((hook) => hook.headers['webhook-id'])).size).toBe(expected.length);
    expect(received).toHaveLength(expected.length);
    const byArrival = (list: Array<[string, unknown]>) =>
      [...list].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(byArrival(payloads(received).map((payload) => [payload.type, payload.data]))).toEqual(
      byArrival(expected),
    );
    for (const payload of payloads(received)) {
      expect(payload.projectId).toBe(projectId);
      expect(Date.parse(payload.occurredAt)).not.toBeNaN();
    }
    for (const hook of received) {
      expect(hook.method).toBe('POST');
      expect(hook.headers['content-type']).toMatch(/^application\/json/);
    }
    // Every event but projectDeleted (the second project's hook got that one).
    expect(new Set(payloads(received).map((payload) => payload.type))).toEqual(
      new Set(WEB_HOOK_EVENTS.filter((event) => event !== 'projectDeleted')),
    );
  });

  it('a scheduled entry is delivered as entryPublished within 2 s of its instant, no write between', async () => {
    const base = `/project/${projectId}`;
    const type = await ok<{ id: number }>('POST', `${base}/entry-type/`, 201, {
      name: 'Scheduled',
      fields: [],
    });
    const due = new Date(Date.now() + 1500).toISOString();
    const from = receiver.received.length;
    const entry = await ok<{ id: number }>('POST', `${base}/entry/`, 201, {
      entryTypeId: type.id,
      name: 'Later',
      published: due,
      fields: {},
    });
    const scheduled = () =>
      ofType(receiver.received.slice(from), 'entryPublished').filter(
        (payload) => (payload.data as { id: number }).id === entry.id,
      );
    await receiver.waitFor(from + 3, 5000); // entryTypeCreated, entryCreated, entryPublished
    const [fired] = scheduled();
    expect(fired).toBeDefined();
    const arrived = receiver.received.find((hook) => hook.payload === fired)!;
    expect(arrived.verified).toBe(true);
    expect(arrived.at - Date.parse(due)).toBeGreaterThanOrEqual(0);
    expect(arrived.at - Date.parse(due)).toBeLessThan(2000);
    expect(fired.occurredAt).toBe(due);
    expect(fired.data).toEqual(await ok('GET', `${base}/entry/${entry.id}`, 200));
    await sleep(QUIET_MS);
    expect(scheduled()).toHaveLength(1);
  });

  it('a refused write (a taken entry type name) sends nothing', async () => {
    const base = `/project/${projectId}`;
    await ok('POST', `${base}/entry-type/`, 201, { name: 'Unique', fields: [] });
    await receiver.waitFor(receiver.received.length + 1);
    const from = receiver.received.length;
    const taken = await call('POST', `${base}/entry-type/`, { name: 'Unique', fields: [] });
    expect(taken.statusCode).toBeGreaterThanOrEqual(400);
    await sleep(QUIET_MS);
    expect(receiver.received.slice(from)).toEqual([]);
  });
});
