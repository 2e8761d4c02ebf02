import { randomBytes } from 'node:crypto';
import { EntriesService } from '../src/entries/entries.service';
import { createTestApp, TestApp, usingPostgres } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { eventually } from './helpers/eventually';

/**
 * The delivery cache serves repeated reads from memory; these tests pin down
 * when it must not: after a write (here and on another instance), and when a
 * scheduled entry comes due.
 */
describe('delivery cache', () => {
  const apps: TestApp[] = [];
  let writer: TestApp;
  let reader: TestApp;
  let admin: string;
  let client: string;
  let projectId: number;
  let typeId: number;

  beforeAll(async () => {
    // Instances must share a signing secret to accept each other's tokens.
    const env = {
      TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
    writer = await createTestApp({ env });
    apps.push(writer);
    // On Postgres a second instance reads; embedded, the single instance does both.
    reader = usingPostgres() ? await createTestApp({ env }) : writer;
    if (reader !== writer) apps.push(reader);

    const owner = await createUser(writer.app);
    admin = (await signIn(writer.app, owner.email, owner.password)).access_token;
    const call = (method: 'POST', url: string, payload: unknown) =>
      writer.app.inject({ method, url, headers: bearer(admin), payload: payload as object });
    projectId = (await call('POST', '/project/', { name: 'Cached' })).json().id;
    typeId = (
      await call('POST', `/project/${projectId}/entry-type/`, {
        name: 'Post',
        fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }],
      })
    ).json().id;
    const created = (await call('POST', `/project/${projectId}/client/`, { name: 'Site' })).json();
    client = await clientToken(writer.app, created);
  });

  afterAll(async () => {
    for (const t of apps.reverse()) await t.close();
  });

  const read = () =>
    reader.app.inject({
      method: 'GET',
      url: `/project/${projectId}/entry/`,
      headers: bearer(client),
    });
  const write = (name: string, published: string, on: TestApp = writer) =>
    on.app.inject({
      method: 'POST',
      url: `/project/${projectId}/entry/`,
      headers: bearer(admin),
      payload: { entryTypeId: typeId, name, published, fields: { title: name } },
    });
  const names = (res: { json(): { results: { name: string }[] } }) =>
    res.json().results.map((e) => e.name);

  it('a write makes cached pages stale: at once here, within 1 s on another instance', async () => {
    expect((await write('First', '2020-01-01T00:00:00Z')).statusCode).toBe(201);
    const before = await read();
    expect(names(before)).toEqual(['First']);
    expect((await read()).headers.etag).toBe(before.headers.etag);

    expect((await write('Second', '2020-01-02T00:00:00Z')).statusCode).toBe(201);
    const elapsed = await eventually(async () => names(await read()).includes('Second'), {
      withinMs: 1000,
    });
    expect(elapsed).toBeLessThan(1000);
    expect((await read()).headers.etag).not.toBe(before.headers.etag);
  });

  it('a scheduled entry appears for API clients when it comes due, without any write', async () => {
    const due = new Date(Date.now() + 1500).toISOString();
    expect((await write('Scheduled', due)).statusCode).toBe(201);
    expect(names(await read())).not.toContain('Scheduled');
    await eventually(async () => names(await read()).includes('Scheduled'), { withinMs: 4000 });
  });

  it('never serves one project’s page for another, for the same kind of caller', async () => {
    const other = (
      await writer.app.inject({
        method: 'POST',
        url: '/project/',
        headers: bearer(admin),
        payload: { name: 'Other' },
      })
    ).json().id;
    const list = (projectId: number) =>
      reader.app.inject({
        method: 'GET',
        url: `/project/${projectId}/entry/?pageSize=30`,
        headers: bearer(admin),
      });
    // The same caller and the same query: only the project differs.
    const mine = await list(projectId);
    expect(mine.json().totalRecords).toBeGreaterThan(0);
    expect((await list(projectId)).headers.etag).toBe(mine.headers.etag);
    const theirs = await list(other);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().totalRecords).toBe(0);
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    expect(
      (
        await reader.app.inject({
          method: 'GET',
          url: `/project/${other}/entry/`,
          headers: bearer(client),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('never serves a member’s page to an API client asking the same URL', async () => {
    expect((await write('Draft only', '2999-01-01T00:00:00Z', reader)).statusCode).toBe(201);
    const url = `/project/${projectId}/entry/?nonPublished=1`;
    const asMember = await reader.app.inject({ method: 'GET', url, headers: bearer(admin) });
    expect(names(asMember)).toContain('Draft only');
    const asClient = await reader.app.inject({ method: 'GET', url, headers: bearer(client) });
    expect(asClient.statusCode).toBe(200);
    expect(names(asClient)).not.toContain('Draft only');
  });

  it('concurrent misses for one page share one query', async () => {
    // Written on the reading instance, whose cache drops at once: from another
    // one the reads could race the notification and all hit the stale page.
    expect((await write('Herd', '2020-01-03T00:00:00Z', reader)).statusCode).toBe(201);
    const list = jest.spyOn(reader.app.get(EntriesService), 'list');
    try {
      const responses = await Promise.all(Array.from({ length: 20 }, () => read()));
      expect(responses.map((res) => res.statusCode)).toEqual(Array(20).fill(200));
      expect(new Set(responses.map((res) => res.headers.etag)).size).toBe(1);
      expect(list).toHaveBeenCalledTimes(1);
    } finally {
      list.mockRestore();
    }
  });
  it('one page whatever the spelling: padded, reordered or empty parameters share a key', async () => {
    // A write first: nothing cached before it counts. The reader holds the
    // page from before it, so once the reader shows the write, the write's one
    // notification has arrived (on Postgres the writer is another instance)
    // and cannot empty the cache again during the reads below.
    await read();
    expect((await write('Spelling', '2020-01-04T00:00:00Z')).statusCode).toBe(201);
    await eventually(async () => names(await read()).includes('Spelling'), { withinMs: 1000 });
    const list = jest.spyOn(reader.app.get(EntriesService), 'list');
    const get = jest.spyOn(reader.app.get(EntriesService), 'get');
    try {
      // pageSize=20: not the page read() just cached.
      const spellings = [
        `/project/${projectId}/entry/?page=1&pageSize=20`,
        `/project/${projectId}/entry?pageSize=20&page=1`,
        `/project/${projectId}/entry/?page=0001&pageSize=020`,
        `/project/${projectId}/entry/?search=&page=1&pageSize=20`,
        // contentjet-ui's list after a reload: no type is no filter.
        `/project/${projectId}/entry/?page=1&pageSize=20&entryType=&search=`,
      ];
      const etags = new Set<string>();
      for (const url of spellings) {
        const res = await reader.app.inject({ method: 'GET', url, headers: bearer(client) });
        expect(res.statusCode).toBe(200);
        etags.add(String(res.headers.etag));
      }
      expect(etags.size).toBe(1);
      expect(list).toHaveBeenCalledTimes(1);

      const entryId = (await read()).json().results[0].id as number;
      for (const url of [
        `/project/${projectId}/entry/${entryId}`,
        `/project/${projectId}/entry/${entryId}/`,
        `/project/${projectId}/entry/${entryId}?expand=`,
      ]) {
        const res = await reader.app.inject({ method: 'GET', url, headers: bearer(client) });
        expect(res.statusCode).toBe(200);
      }
      expect(get).toHaveBeenCalledTimes(1);
      // An unknown parameter is refused, as on the list, so it cannot force a miss either.
      const unknown = await reader.app.inject({
        method: 'GET',
        url: `/project/${projectId}/entry/${entryId}?anything=${randomBytes(4).toString('hex')}`,
        headers: bearer(client),
      });
      expect(unknown.statusCode).toBe(400);
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      list.mockRestore();
      get.mockRestore();
    }
  });

  it('an invalid query is refused and never cached', async () => {
    const list = jest.spyOn(reader.app.get(EntriesService), 'list');
    try {
      for (let i = 0; i < 2; i++) {
        const res = await reader.app.inject({
          method: 'GET',
          url: `/project/${projectId}/entry/?page=0&unknown=1`,
          headers: bearer(client),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ status: 400, name: 'ValidationError' });
      }
      expect(list).not.toHaveBeenCalled();
    } finally {
      list.mockRestore();
    }
  });
});
