import { createTestApp, TestApp, usingPostgres } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { onServer } from './helpers/databases';
import { eventually, sleep } from './helpers/eventually';

interface SyncPage {
  items: Record<string, unknown>[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

/** A project with an entry type, its owner's token and an API client's token. */
interface World {
  projectId: number;
  typeId: number;
  member: string;
  client: string;
}

const PAST = '2020-01-01T00:00:00.000Z';

describe('sync API: full passes and deltas of a project’s entries', () => {
  let t: TestApp;
  let owner: { email: string; password: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    owner = await createUser(t.app);
  });

  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: bearer(token), payload: payload as object });

  async function newWorld(): Promise<World> {
    const member = (await signIn(t.app, owner.email, owner.password)).access_token;
    const projectId = (await call('POST', '/project/', member, { name: 'Synced' })).json().id;
    const typeId = (
      await call('POST', `/project/${projectId}/entry-type/`, member, {
        name: 'Page',
        fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT', required: true }],
      })
    ).json().id;
    const created = (
      await call('POST', `/project/${projectId}/client/`, member, { name: 'Build' })
    ).json();
    return { projectId, typeId, member, client: await clientToken(t.app, created) };
  }

  async function newEntry(
    world: World,
    name: string,
    published: string | null = PAST,
  ): Promise<{ id: number; modifiedAt: string }> {
    const res = await call('POST', `/project/${world.projectId}/entry/`, world.member, {
      entryTypeId: world.typeId,
      name,
      published,
      fields: { title: name },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async function change(world: World, id: number, body: Record<string, unknown>) {
    const current = (
      await call('GET', `/project/${world.projectId}/entry/${id}`, world.member)
    ).json();
    const res = await call('PUT', `/project/${world.projectId}/entry/${id}`, world.member, {
      ...current,
      ...body,
    });
    expect(res.statusCode).toBe(200);
  }

  function sync(world: World, token: string, query: Record<string, string | number> = {}) {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    return t.app.inject({
      method: 'GET',
      url: `/project/${world.projectId}/sync?${search.toString()}`,
      headers: bearer(token),
    });
  }

  /** Follows page tokens to the end of the pass; every page checked for its shape. */
  async function pass(
    world: World,
    token: string,
    start: { syncToken?: string } = {},
    limit = 100,
  ): Promise<{ items: Record<string, unknown>[]; pages: SyncPage[]; syncToken: string }> {
    const pages: SyncPage[] = [];
    let query: Record<string, string | number> = { ...start, limit };
    for (;;) {
      const res = await sync(world, token, query);
      expect({ status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({
        status: 200,
        body: null,
      });
      expect(res.headers['cache-control']).toBe('no-store');
      const page: SyncPage = res.json();
      pages.push(page);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      if (page.nextSyncToken) {
        expect(page.nextPageToken).toBeUndefined();
        const items = pages.flatMap((each) => each.items);
        return { items, pages, syncToken: page.nextSyncToken };
      }
      expect(typeof page.nextPageToken).toBe('string');
      query = { pageToken: page.nextPageToken!, limit };
    }
  }

  /** Entries by name and tombstones as `gone:<id>`, in the order delivered. */
  const summary = (items: Record<string, unknown>[]) =>
    items.map((item) => ('deletedAt' in item ? `gone:${String(item.id)}` : item.name));

  const ids = (items: Record<string, unknown>[]) => items.map((item) => item.id as number);

  it('a full pass pages through every entry in id order; API clients get only published ones', async () => {
    const world = await newWorld();
    const names = ['one', 'two', 'three', 'four', 'five'];
    for (const name of names) await newEntry(world, name);
    await newEntry(world, 'draft', null);
    await newEntry(world, 'scheduled', '2999-01-01T00:00:00.000Z');

    const members = await pass(world, world.member, {}, 2);
    expect(members.pages.map((page) => page.items.length)).toEqual([2, 2, 2, 1]);
    expect(summary(members.items)).toEqual([...names, 'draft', 'scheduled']);
    expect(ids(members.items)).toEqual([...ids(members.items)].sort((a, b) => a - b));
    // Items are the entries exactly as the entry API returns them.
    const first = members.items[0] as { id: number };
    const read = await call('GET', `/project/${world.projectId}/entry/${first.id}`, world.member);
    expect(first).toEqual(read.json());

    const clients = await pass(world, world.client, {}, 2);
    expect(clients.pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(summary(clients.items)).toEqual(names);

    // Nothing changed: the next delta is empty, and so is the one after it.
    const quiet = await pass(world, world.client, { syncToken: clients.syncToken });
    expect(quiet.items).toEqual([]);
    expect((await pass(world, world.client, { syncToken: quiet.syncToken })).items).toEqual([]);
  });

  it('a delta holds what was created, changed, deleted, bulk-deleted, unpublished or rescheduled since', async () => {
    const world = await newWorld();
    const a = await newEntry(world, 'a');
    const b = await newEntry(world, 'b');
    const c = await newEntry(world, 'c');
    const d = await newEntry(world, 'd');
    const e = await newEntry(world, 'e');
    const g = await newEntry(world, 'g');
    await newEntry(world, 'untouched');
    const member = await pass(world, world.member);
    const client = await pass(world, world.client);
    const before = Date.now();

    const f = await newEntry(world, 'f');
    await change(world, a.id, { published: null });
    await change(world, b.id, { name: 'b renamed' });
    expect(
      (await call('DELETE', `/project/${world.projectId}/entry/${c.id}`, world.member)).statusCode,
    ).toBe(204);
    expect(
      (
        await call('POST', `/project/${world.projectId}/entry/bulk-delete`, world.member, [
          d.id,
          e.id,
        ])
      ).statusCode,
    ).toBe(204);
    await change(world, g.id, { published: '2999-01-01T00:00:00.000Z' });

    const memberDelta = await pass(world, world.member, { syncToken: member.syncToken }, 2);
    expect(memberDelta.pages.length).toBe(4);
    expect(memberDelta.items.map((item) => item.id)).toEqual([
      a.id,
      b.id,
      c.id,
      d.id,
      e.id,
      g.id,
      f.id,
    ]);
    expect(summary(memberDelta.items)).toEqual([
      'a',
      'b renamed',
      `gone:${c.id}`,
      `gone:${d.id}`,
      `gone:${e.id}`,
      'g',
      'f',
    ]);
    expect(memberDelta.items[0]).toMatchObject({ id: a.id, published: null });
    expect(memberDelta.items[5]).toMatchObject({ published: '2999-01-01T00:00:00.000Z' });
    // A tombstone is the id and when it went, nothing else.
    const tombstone = memberDelta.items[2];
    expect(Object.keys(tombstone).sort()).toEqual(['deletedAt', 'id']);
    expect(Date.parse(tombstone.deletedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(tombstone.deletedAt as string)).toBeLessThanOrEqual(Date.now() + 1000);

    // For API clients an unpublished or rescheduled entry is gone too.
    const clientDelta = await pass(world, world.client, { syncToken: client.syncToken });
    expect(summary(clientDelta.items)).toEqual([
      `gone:${a.id}`,
      'b renamed',
      `gone:${c.id}`,
      `gone:${d.id}`,
      `gone:${e.id}`,
      `gone:${g.id}`,
      'f',
    ]);

    // Published again: back as an entry, not as the earlier tombstone, even
    // when both happened since the last sync.
    await change(world, a.id, { published: PAST });
    await change(world, b.id, { published: null });
    await change(world, b.id, { published: PAST });
    const again = await pass(world, world.client, { syncToken: clientDelta.syncToken });
    expect(summary(again.items)).toEqual(['a', 'b renamed']);
    expect(
      summary((await pass(world, world.member, { syncToken: memberDelta.syncToken })).items),
    ).toEqual(['a', 'b renamed']);
  });

  it('a scheduled entry reaches API clients at its published instant, with nothing written then', async () => {
    const world = await newWorld();
    await newEntry(world, 'now');
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await newEntry(world, 'scheduled', at);
    const members = await pass(world, world.member);
    expect(summary(members.items)).toEqual(['now', 'scheduled']);
    let client = await pass(world, world.client);
    expect(summary(client.items)).toEqual(['now']);

    let seen: Record<string, unknown>[] = [];
    await eventually(
      async () => {
        client = await pass(world, world.client, { syncToken: client.syncToken });
        seen = client.items;
        return seen.length > 0;
      },
      { withinMs: 10_000, everyMs: 100 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(seen).toEqual([
      (await call('GET', `/project/${world.projectId}/entry/${scheduled.id}`, world.client)).json(),
    ]);
    // For members nothing changed.
    expect((await pass(world, world.member, { syncToken: members.syncToken })).items).toEqual([]);
  });

  it('a change to an entry type puts its entries in the next delta, as they now read', async () => {
    const world = await newWorld();
    const note = (
      await call('POST', `/project/${world.projectId}/entry-type/`, world.member, { name: 'Note' })
    ).json();
    const page = await newEntry(world, 'page');
    await call('POST', `/project/${world.projectId}/entry/`, world.member, {
      entryTypeId: note.id,
      name: 'note',
      published: PAST,
    });
    const client = await pass(world, world.client);
    expect(summary(client.items)).toEqual(['page', 'note']);

    const renamed = await call(
      'PUT',
      `/project/${world.projectId}/entry-type/${world.typeId}`,
      world.member,
      {
        name: 'Web page',
        fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT', required: true }],
      },
    );
    expect(renamed.statusCode).toBe(200);
    const delta = await pass(world, world.client, { syncToken: client.syncToken });
    expect(delta.items).toEqual([
      (await call('GET', `/project/${world.projectId}/entry/${page.id}`, world.client)).json(),
    ]);
    expect(delta.items[0]).toMatchObject({ entryType: { id: world.typeId, name: 'Web page' } });
  });

  it('API clients never see drafts or entries still scheduled, in deltas or as tombstones', async () => {
    const world = await newWorld();
    const member = await pass(world, world.member);
    const client = await pass(world, world.client);

    const draft = await newEntry(world, 'draft', null);
    const later = await newEntry(world, 'later', '2999-01-01T00:00:00.000Z');
    await change(world, draft.id, { name: 'draft edited' });
    const clientDelta = await pass(world, world.client, { syncToken: client.syncToken });
    expect(clientDelta.items).toEqual([]);

    await call('POST', `/project/${world.projectId}/entry/bulk-delete`, world.member, [
      draft.id,
      later.id,
    ]);
    expect((await pass(world, world.client, { syncToken: clientDelta.syncToken })).items).toEqual(
      [],
    );
    expect(
      summary((await pass(world, world.member, { syncToken: member.syncToken })).items),
    ).toEqual([`gone:${draft.id}`, `gone:${later.id}`]);
  });

  it('a token is good only for its project and its kind of caller', async () => {
    const world = await newWorld();
    const other = await newWorld();
    await newEntry(world, 'one');
    await newEntry(world, 'two');
    const member = (await sync(world, world.member, { limit: 1 })).json();
    const client = (await sync(world, world.client, { limit: 1 })).json();
    const memberDone = await pass(world, world.member);
    const clientDone = await pass(world, world.client);

    const refusals: [World, string, Record<string, string>, string][] = [
      [world, world.client, { syncToken: memberDone.syncToken }, 'syncToken'],
      [world, world.member, { syncToken: clientDone.syncToken }, 'syncToken'],
      [world, world.client, { pageToken: member.nextPageToken }, 'pageToken'],
      [world, world.member, { pageToken: client.nextPageToken }, 'pageToken'],
      // The same owner in another project.
      [other, other.member, { syncToken: memberDone.syncToken }, 'syncToken'],
      [other, other.client, { pageToken: client.nextPageToken }, 'pageToken'],
    ];
    for (const [where, token, query, field] of refusals) {
      const res = await sync(where, token, query);
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: {
          status: 400,
          name: 'ValidationError',
          message: 'Validation failed',
          errors: {
            [field]: [expect.stringContaining('another project or another kind of caller')],
          },
        },
      });
    }
    // Each still works where it belongs.
    expect((await sync(world, world.member, { syncToken: memberDone.syncToken })).statusCode).toBe(
      200,
    );
    expect((await sync(world, world.client, { pageToken: client.nextPageToken })).statusCode).toBe(
      200,
    );
  });

  it('a token changed in any way, or in the wrong parameter, is a 400 naming the parameter', async () => {
    const world = await newWorld();
    await newEntry(world, 'one');
    await newEntry(world, 'two');
    const { syncToken } = await pass(world, world.member);
    const { nextPageToken } = (await sync(world, world.member, { limit: 1 })).json();
    const [body, mac] = syncToken.split('.');
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    // The payload, decoded, names this project: rewritten to claim a later point, it must not pass.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = Buffer.from(
      JSON.stringify({ ...claims, since: { ...claims.since, at: claims.since.at + 1 } }),
    ).toString('base64url');

    const cases: [Record<string, string>, string][] = [
      [{ syncToken: `${flip(body, 10)}.${mac}` }, 'syncToken'],
      [{ syncToken: `${body}.${flip(mac, 5)}` }, 'syncToken'],
      [{ syncToken: `${forged}.${mac}` }, 'syncToken'],
      [{ syncToken: 'not-a-token' }, 'syncToken'],
      [{ syncToken: '' }, 'syncToken'],
      [{ syncToken: nextPageToken }, 'syncToken'],
      [{ pageToken: syncToken }, 'pageToken'],
      [{ pageToken: `${nextPageToken}x` }, 'pageToken'],
      [{ syncToken, pageToken: nextPageToken }, 'pageToken'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '1001' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await sync(world, world.member, query);
      expect({ query, status: res.statusCode, body: res.json() }).toEqual({
        query,
        status: 400,
        body: expect.objectContaining({ status: 400, name: 'ValidationError' }),
      });
      expect(Object.keys(res.json().errors)).toEqual([field]);
    }
    // The untouched tokens still work.
    expect((await sync(world, world.member, { syncToken })).statusCode).toBe(200);
    expect((await sync(world, world.member, { pageToken: nextPageToken })).statusCode).toBe(200);
  });

  it('another project’s sync is a 404, for users and API clients alike', async () => {
    const world = await newWorld();
    const stranger = await createUser(t.app);
    const strangerToken = (await signIn(t.app, stranger.email, stranger.password)).access_token;
    const other = await newWorld();
    for (const token of [strangerToken, other.client]) {
      const res = await sync(world, token);
      expect({ status: res.statusCode, name: res.json().name }).toEqual({
        status: 404,
        name: 'NotFoundError',
      });
    }
  });

  it('entries deleted with their project leave no tombstones behind', async () => {
    const world = await newWorld();
    const one = await newEntry(world, 'one');
    await newEntry(world, 'two');
    await call('DELETE', `/project/${world.projectId}/entry/${one.id}`, world.member);
    const tombstones = () =>
      t.dataSource.query(`SELECT entry_id FROM sync_tombstone WHERE project_id = $1`, [
        world.projectId,
      ]);
    expect(await tombstones()).toEqual([{ entry_id: one.id }]);
    expect((await call('DELETE', `/project/${world.projectId}`, world.member)).statusCode).toBe(
      204,
    );
    expect(await tombstones()).toEqual([{ entry_id: one.id }]);
  });

  // Embedded, the database has one connection: no transaction can be open beside a read.
  if (usingPostgres()) {
    it('a write whose transaction began before a pass and committed after it is in the next delta', async () => {
      const world = await newWorld();
      const renamed = await newEntry(world, 'renamed late');
      const deleted = await newEntry(world, 'deleted late');
      const member = await onServer(process.env.DATABASE_URL!, async (db) => {
        await db.query('BEGIN');
        // Both rows carry this transaction's start as their time, before the pass below.
        await db.query(`UPDATE entry SET name = 'renamed', modified_at = now() WHERE id = $1`, [
          renamed.id,
        ]);
        await db.query(`DELETE FROM entry WHERE id = $1`, [deleted.id]);
        // A later transaction commits first: the open one is no longer the newest.
        await newEntry(world, 'bystander');
        await sleep(50);
        const pass1 = await pass(world, world.member);
        expect(summary(pass1.items)).toEqual(['renamed late', 'deleted late', 'bystander']);
        await db.query('COMMIT');
        return pass1;
      });
      const delta = await pass(world, world.member, { syncToken: member.syncToken });
      expect(summary(delta.items)).toEqual(['renamed', `gone:${deleted.id}`]);
    });
  }

  it('/spec documents the page as entries and tombstones', () => {
    const operation = t.spec.paths['/project/{projectId}/sync'].get!;
    expect(operation.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/SyncPageDto' } } },
    });
    expect(operation.responses['410']).toBeDefined();
    expect(t.spec.components!.schemas!.SyncPageDto).toMatchObject({
      properties: {
        items: {
          type: 'array',
          items: {
            oneOf: [
              { $ref: '#/components/schemas/EntryDto' },
              { $ref: '#/components/schemas/SyncTombstoneDto' },
            ],
          },
        },
      },
    });
  });
});

describe('sync API: retention', () => {
  // 0.00002 days ≈ 1.7 s: tokens expire, and tombstones go, while the test watches.
  const RETENTION_MS = 0.00002 * 86_400_000;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000', SYNC_RETENTION_DAYS: '0.00002' },
    });
  });

  afterAll(() => t.close());

  it('a token older than SYNC_RETENTION_DAYS answers 410, and a fresh full pass starts over', async () => {
    const user = await createUser(t.app);
    const token = (await signIn(t.app, user.email, user.password)).access_token;
    const projectId = (
      await t.app.inject({
        method: 'POST',
        url: '/project/',
        headers: bearer(token),
        payload: { name: 'Short memory' },
      })
    ).json().id;
    const get = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/project/${projectId}/sync${query}`,
        headers: bearer(token),
      });
    const { nextSyncToken } = (await get('')).json();
    expect((await get(`?syncToken=${nextSyncToken}`)).statusCode).toBe(200);

    await sleep(RETENTION_MS + 300);
    const res = await get(`?syncToken=${nextSyncToken}`);
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 410,
      body: {
        status: 410,
        name: 'GoneError',
        message: expect.stringContaining('start over with a full sync, without syncToken'),
      },
    });
    expect((await get('')).statusCode).toBe(200);
  });

  it('tombstones are purged once no valid token can need them', async () => {
    const user = await createUser(t.app);
    const token = (await signIn(t.app, user.email, user.password)).access_token;
    const post = (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });
    const projectId = (await post('/project/', { name: 'Forgetful' })).json().id;
    const typeId = (await post(`/project/${projectId}/entry-type/`, { name: 'Note' })).json().id;
    const entry = (
      await post(`/project/${projectId}/entry/`, {
        entryTypeId: typeId,
        name: 'n',
        published: PAST,
      })
    ).json();
    await t.app.inject({
      method: 'DELETE',
      url: `/project/${projectId}/entry/${entry.id}`,
      headers: bearer(token),
    });
    const tombstones = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM sync_tombstone WHERE entry_id = $1`,
          [entry.id],
        )
      )[0].n;
    expect(await tombstones()).toBe(1);
    // Kept for the retention plus a margin of as long again, then purged within a retention.
    const took = await eventually(async () => (await tombstones()) === 0, {
      withinMs: RETENTION_MS * 4 + 2000,
      everyMs: 100,
    });
    expect(took).toBeGreaterThanOrEqual(RETENTION_MS * 2 - 100);
  });
});
