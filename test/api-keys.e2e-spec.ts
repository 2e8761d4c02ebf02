import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, decodeJwt, signIn } from './helpers/auth';

/**
 * API clients as keys: scopes (read, preview, labels), entry-type limits,
 * expiry, token lifetime, grace rotation, and the `/v1` token API's
 * envelope dialect. Each read is asserted on a cold and a warm delivery
 * cache, since a cached page must never cross from one kind of key to another.
 */
describe('API keys: scopes, entry-type limits, expiry, grace rotation, envelope dialect', () => {
  let t: TestApp;
  let admin: string;
  let projectId: number;
  let otherProjectId: number;
  let articleType: number;
  let eventType: number;
  let foreignType: number;
  const entries: Record<'article' | 'draft' | 'scheduled' | 'event', number> = {
    article: 0,
    draft: 0,
    scheduled: 0,
    event: 0,
  };

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, token: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(token), payload: payload as object });

  interface Key {
    id: number;
    clientId: string;
    clientSecret: string;
  }

  async function newKey(body: Record<string, unknown> = {}): Promise<Key> {
    const res = await call('POST', `/project/${projectId}/client/`, admin, {
      name: 'Key',
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  function grant(key: Pick<Key, 'clientId' | 'clientSecret'>, scope?: string) {
    return t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: key.clientId,
        client_secret: key.clientSecret,
        ...(scope === undefined ? {} : { scope }),
      },
    });
  }

  async function tokenOf(key: Pick<Key, 'clientId' | 'clientSecret'>, scope?: string) {
    const res = await grant(key, scope);
    expect(res.statusCode).toBe(200);
    return res.json().access_token as string;
  }

  /** The names a token reads at `url` (a list page or a plain array). */
  async function names(token: string, url: string): Promise<string[]> {
    const res = await call('GET', url, token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const items = (Array.isArray(body) ? body : body.results) as ({ name: string } | string)[];
    return items.map((item) => (typeof item === 'string' ? item : item.name)).sort();
  }

  /** The same read twice: a cold cache, then a warm one. */
  async function twice(token: string, url: string): Promise<string[]> {
    const cold = await names(token, url);
    expect(await names(token, url)).toEqual(cold);
    return cold;
  }

  const newEntry = async (
    entryTypeId: number,
    name: string,
    published: string | null,
    tags: string[],
  ) =>
    (
      await call('POST', `/project/${projectId}/entry/`, admin, {
        entryTypeId,
        name,
        published,
        tags,
        fields: { title: name },
      })
    ).json().id as number;

  const clientRow = async (id: number) =>
    (
      await t.dataSource.query(
        `SELECT scopes, entry_type_ids, expires_at, token_lifetime, token_response,
                previous_secret_digest, previous_secret_expires_at, secret_version
           FROM client WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await call('POST', '/project/', admin, { name: 'Keys' })).json().id;
    otherProjectId = (await call('POST', '/project/', admin, { name: 'Elsewhere' })).json().id;
    const fields = [{ name: 'title', label: 'Title', fieldType: 'TEXT' }];
    const typeIn = async (project: number, name: string) =>
      (await call('POST', `/project/${project}/entry-type/`, admin, { name, fields })).json()
        .id as number;
    articleType = await typeIn(projectId, 'Article');
    eventType = await typeIn(projectId, 'Event');
    foreignType = await typeIn(otherProjectId, 'Foreign');
    entries.article = await newEntry(articleType, 'Published article', '2021-01-01T00:00:00Z', [
      'news',
    ]);
    entries.draft = await newEntry(articleType, 'Draft article', null, ['secret-plans']);
    entries.scheduled = await newEntry(articleType, 'Scheduled article', '2999-01-01T00:00:00Z', [
      'later',
    ]);
    entries.event = await newEntry(eventType, 'Published event', '2021-02-01T00:00:00Z', ['gigs']);
  });

  afterAll(() => t?.close());

  describe('a key’s fields', () => {
    it('has defaults: read only, every entry type, no expiry, the default lifetime, RFC 6749 answers', async () => {
      const key = await newKey();
      const read = await call('GET', `/project/${projectId}/client/${key.id}`, admin);
      expect(read.json()).toMatchObject({
        scopes: ['read'],
        entryTypeIds: null,
        expiresAt: null,
        tokenLifetime: null,
        tokenResponse: 'oauth2',
        previousSecretExpiresAt: null,
      });
      const res = await grant(key);
      expect(res.json()).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'read',
      });
    });

    it('stores what it is given; read always among the scopes, entry types in order', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const key = await newKey({
        scopes: ['preview', 'red-marker-review'],
        entryTypeIds: [eventType, articleType],
        expiresAt,
        tokenLifetime: 600,
        tokenResponse: 'envelope',
      });
      expect(key).toMatchObject({
        scopes: ['read', 'preview', 'red-marker-review'],
        entryTypeIds: [articleType, eventType].sort((a, b) => a - b),
        expiresAt,
        tokenLifetime: 600,
        tokenResponse: 'envelope',
      });
      expect(await clientRow(key.id)).toMatchObject({
        scopes: ['read', 'preview', 'red-marker-review'],
        token_lifetime: 600,
        token_response: 'envelope',
      });
    });

    it.each([
      [{ scopes: ['Not A Scope'] }, 'scopes', /a-z, 0-9/],
      [{ scopes: ['x'.repeat(65)] }, 'scopes', /1 to 64/],
      [{ scopes: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'scopes', /at most 20/],
      [{ scopes: 'read' }, 'scopes', /array/],
      [{ entryTypeIds: ['1'] }, 'entryTypeIds', /entry type id/],
      [{ entryTypeIds: [0] }, 'entryTypeIds', /entry type id/],
      [{ expiresAt: 'tomorrow' }, 'expiresAt', /ISO 8601/],
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt', /in the future/],
      [{ tokenLifetime: 30 }, 'tokenLifetime', /at least 60/],
      [{ tokenLifetime: 3601 }, 'tokenLifetime', /at most 3600/],
      [{ tokenLifetime: 1.5 }, 'tokenLifetime', /whole number/],
      [{ tokenResponse: 'xml' }, 'tokenResponse', /oauth2 or envelope/],
    ])('refuses %j with a 400 naming %s', async (body, field, message) => {
      const res = await call('POST', `/project/${projectId}/client/`, admin, {
        name: 'Bad',
        ...body,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[field].join(' ')).toMatch(message);
    });

    it('refuses entry types of another project or of none, naming each id', async () => {
      const res = await call('POST', `/project/${projectId}/client/`, admin, {
        name: 'Bad',
        entryTypeIds: [articleType, foreignType, 999_999],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.entryTypeIds).toEqual([
        `${foreignType} is not an entry type of this project`,
        '999999 is not an entry type of this project',
      ]);
      const count = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM client WHERE project_id = $1 AND name = 'Bad'`,
        [projectId],
      );
      expect(count[0].n).toBe(0);
    });

    it('takes a client as read back on POST (read-only fields ignored), but not an unknown field', async () => {
      const original = await newKey({
        scopes: ['preview'],
        redirectUris: ['https://a.example/cb'],
      });
      const read = (await call('GET', `/project/${projectId}/client/${original.id}`, admin)).json();
      const copy = await call('POST', `/project/${projectId}/client/`, admin, {
        ...read,
        name: 'Copy',
      });
      expect(copy.statusCode).toBe(201);
      expect(copy.json()).toMatchObject({
        name: 'Copy',
        scopes: ['read', 'preview'],
        redirectUris: ['https://a.example/cb'],
      });
      expect(copy.json().id).not.toBe(original.id);
      expect(copy.json().clientId).not.toBe(original.clientId);
      const unknown = await call('POST', `/project/${projectId}/client/`, admin, {
        name: 'Copy',
        isSuperKey: true,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toHaveProperty('isSuperKey');
    });

    it('gives tokens the key’s lifetime', async () => {
      const key = await newKey({ tokenLifetime: 120 });
      const res = await grant(key);
      expect(res.json().expires_in).toBe(120);
      const { exp, iat } = decodeJwt(res.json().access_token).payload as {
        exp: number;
        iat: number;
      };
      expect(exp - iat).toBe(120);
    });
  });

  describe('scopes', () => {
    const list = () => `/project/${projectId}/entry?nonPublished=true&orderBy=name`;

    it('a preview key sees drafts and scheduled entries; a read key does not — cold and warm', async () => {
      const preview = await tokenOf(await newKey({ scopes: ['read', 'preview'] }));
      const read = await tokenOf(await newKey());
      // The preview key warms the cache first: the read key must not be served its page.
      expect(await twice(preview, list())).toEqual([
        'Draft article',
        'Published article',
        'Published event',
        'Scheduled article',
      ]);
      expect(await twice(read, list())).toEqual(['Published article', 'Published event']);
      // And the other way round, on a page neither has read yet.
      const other = `/project/${projectId}/entry?nonPublished=true&orderBy=-name`;
      expect(await twice(read, other)).toEqual(['Published article', 'Published event']);
      expect(await twice(preview, other)).toHaveLength(4);

      for (const token of [preview, read]) {
        const expected = token === preview ? 200 : 404;
        for (let i = 0; i < 2; i++) {
          const draft = await call('GET', `/project/${projectId}/entry/${entries.draft}`, token);
          expect(draft.statusCode).toBe(expected);
        }
      }
      expect(await twice(preview, `/project/${projectId}/entry-tag`)).toContain('secret-plans');
      expect(await twice(read, `/project/${projectId}/entry-tag`)).not.toContain('secret-plans');
    });

    it('grants the subset asked for; a scope the key lacks is invalid_scope', async () => {
      const key = await newKey({ scopes: ['read', 'preview', 'red-marker-review'] });
      const all = await grant(key);
      expect(all.json().scope).toBe('read preview red-marker-review');
      expect(decodeJwt(all.json().access_token).payload.scope).toBe(
        'read preview red-marker-review',
      );

      const narrowed = await grant(key, 'read');
      expect(narrowed.json().scope).toBe('read');
      expect(await twice(narrowed.json().access_token, list())).toEqual([
        'Published article',
        'Published event',
      ]);

      const refused = await grant(key, 'read admin');
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        error: 'invalid_scope',
        error_description: 'This client may not be granted "admin"',
      });
      expect(refused.headers['cache-control']).toBe('no-store');
    });

    it('a token granted only a label still reads published content', async () => {
      const key = await newKey({ scopes: ['red-marker-review'] });
      const res = await grant(key, 'red-marker-review');
      expect(res.json().scope).toBe('red-marker-review');
      expect(await twice(res.json().access_token, list())).toEqual([
        'Published article',
        'Published event',
      ]);
    });

    it('contentjet’s client/authenticate path grants scopes alike', async () => {
      const key = await newKey({ scopes: ['preview'] });
      const res = await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/client/authenticate`,
        payload: { client_id: key.clientId, client_secret: key.clientSecret, scope: 'preview' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().scope).toBe('preview');
    });
  });

  describe('entry-type limits', () => {
    it('shows only entries, tags and entry types of its types, cold and warm; others are 404', async () => {
      const limited = await tokenOf(await newKey({ entryTypeIds: [eventType] }));
      const everything = await tokenOf(await newKey());
      const entryList = `/project/${projectId}/entry?orderBy=name`;
      // The limited key warms the cache; then the unlimited one, then the reverse.
      expect(await twice(limited, entryList)).toEqual(['Published event']);
      expect(await twice(everything, entryList)).toEqual(['Published article', 'Published event']);
      const typeList = `/project/${projectId}/entry-type`;
      expect(await twice(everything, typeList)).toEqual(['Article', 'Event']);
      expect(await twice(limited, typeList)).toEqual(['Event']);
      const types = await call('GET', typeList, limited);
      expect(types.json()).toMatchObject({ totalRecords: 1, totalPages: 1 });
      expect(await twice(limited, `/project/${projectId}/entry-tag`)).toEqual(['gigs']);
      // Asking for another type by filter finds nothing rather than the other type.
      expect(await names(limited, `${entryList}&entryType=${articleType}`)).toEqual([]);

      for (let i = 0; i < 2; i++) {
        const article = await call(
          'GET',
          `/project/${projectId}/entry/${entries.article}`,
          limited,
        );
        expect(article.statusCode).toBe(404);
        const type = await call('GET', `/project/${projectId}/entry-type/${articleType}`, limited);
        expect(type.statusCode).toBe(404);
        const event = await call('GET', `/project/${projectId}/entry/${entries.event}`, limited);
        expect(event.statusCode).toBe(200);
      }
      expect(
        (await call('GET', `/project/${projectId}/entry/${entries.article}`, everything))
          .statusCode,
      ).toBe(200);
    });

    it('deleting an entry type takes it out of keys’ limits, so a key as read saves back', async () => {
      const fields = [{ name: 'title', label: 'Title', fieldType: 'TEXT' }];
      const doomed = (
        await call('POST', `/project/${projectId}/entry-type/`, admin, { name: 'Doomed', fields })
      ).json().id as number;
      const key = await newKey({ entryTypeIds: [eventType, doomed] });
      const removed = await call('DELETE', `/project/${projectId}/entry-type/${doomed}`, admin);
      expect(removed.statusCode).toBe(204);
      const read = (await call('GET', `/project/${projectId}/client/${key.id}`, admin)).json();
      expect(read.entryTypeIds).toEqual([eventType]);
      const saved = await call('PUT', `/project/${projectId}/client/${key.id}`, admin, read);
      expect(saved.statusCode).toBe(200);
    });

    it('a limited preview key sees drafts of its types only', async () => {
      const token = await tokenOf(
        await newKey({ scopes: ['preview'], entryTypeIds: [articleType] }),
      );
      expect(
        await twice(token, `/project/${projectId}/entry?nonPublished=true&orderBy=name`),
      ).toEqual(['Draft article', 'Published article', 'Scheduled article']);
    });

    it('sync is refused to a limited key (an entry may change type unseen) and open to others', async () => {
      const limited = await tokenOf(await newKey({ entryTypeIds: [eventType] }));
      const refused = await call('GET', `/project/${projectId}/sync?limit=10`, limited);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/limited to some entry types/);
      const preview = await tokenOf(await newKey({ scopes: ['preview'] }));
      const synced = await call('GET', `/project/${projectId}/sync?limit=10`, preview);
      expect(synced.statusCode).toBe(200);
      expect(synced.json().items.map((item: { id: number }) => item.id)).toContain(entries.draft);
    });
  });

  describe('expiry', () => {
    it('caps token lifetime at the key’s expiry', async () => {
      const key = await newKey({ expiresAt: new Date(Date.now() + 90_000).toISOString() });
      const res = await grant(key);
      expect(res.json().expires_in).toBeGreaterThan(80);
      expect(res.json().expires_in).toBeLessThanOrEqual(90);
    });

    it('an expired key no longer authenticates (invalid_client)', async () => {
      const key = await newKey({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect((await grant(key)).statusCode).toBe(200);
      await t.dataSource.query(
        `UPDATE client SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [key.id],
      );
      const res = await grant(key);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('moving expiry earlier ends live tokens; a change that only adds keeps them', async () => {
      const key = await newKey({ scopes: ['read'] });
      const token = await tokenOf(key);
      const read = () => call('GET', `/project/${projectId}/entry`, token);
      expect((await read()).statusCode).toBe(200);

      // Adding a scope and an explicit "every type": nothing taken away.
      const widened = await call('PUT', `/project/${projectId}/client/${key.id}`, admin, {
        name: 'Key',
        scopes: ['read', 'preview'],
      });
      expect(widened.statusCode).toBe(200);
      expect((await read()).statusCode).toBe(200);

      const dated = await call('PUT', `/project/${projectId}/client/${key.id}`, admin, {
        name: 'Key',
        scopes: ['read', 'preview'],
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      });
      expect(dated.statusCode).toBe(200);
      expect((await read()).statusCode).toBe(401);
      // The key itself still works until its expiry, with tokens that end by then.
      const fresh = await grant(key);
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json().expires_in).toBeLessThanOrEqual(60);
    });

    // Lazily: the table is read before beforeAll has made the entry types.
    it.each([
      ['a scope taken away', () => ({ scopes: ['read'] })],
      ['an entry-type limit', () => ({ scopes: ['read', 'preview'], entryTypeIds: [eventType] })],
    ])('%s ends live tokens', async (_, change) => {
      const key = await newKey({ scopes: ['read', 'preview'] });
      const token = await tokenOf(key);
      const res = await call('PUT', `/project/${projectId}/client/${key.id}`, admin, {
        name: 'Key',
        ...change(),
      });
      expect(res.statusCode).toBe(200);
      expect((await call('GET', `/project/${projectId}/entry`, token)).statusCode).toBe(401);
      // A new token carries the new limits.
      const fresh = await tokenOf(key);
      const draft = await call('GET', `/project/${projectId}/entry/${entries.draft}`, fresh);
      expect(draft.statusCode).toBe(404);
    });
  });

  describe('rotation with grace', () => {
    const rotate = (key: Key, body?: unknown) =>
      call('POST', `/project/${projectId}/client/${key.id}/rotate-secret`, admin, body);

    it('the previous secret authenticates until the grace ends; its tokens live to their own expiry', async () => {
      const key = await newKey();
      const oldToken = await tokenOf(key);
      const res = await rotate(key, { graceSeconds: 3600 });
      expect(res.statusCode).toBe(200);
      const rotated = res.json();
      const graceEnd = Date.parse(rotated.previousSecretExpiresAt);
      expect(graceEnd).toBeGreaterThan(Date.now() + 3_590_000);
      expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000);
      const newSecret = { clientId: key.clientId, clientSecret: rotated.clientSecret };

      expect((await grant(key)).statusCode).toBe(200);
      expect((await grant(newSecret)).statusCode).toBe(200);
      expect((await call('GET', `/project/${projectId}/entry`, oldToken)).statusCode).toBe(200);
      const row = await clientRow(key.id);
      expect(row.previous_secret_digest).toMatch(/^[0-9a-f]{64}$/);
      expect(row.previous_secret_digest).not.toContain(key.clientSecret);

      // The grace ends.
      await t.dataSource.query(
        `UPDATE client SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`,
        [key.id],
      );
      const late = await grant(key);
      expect(late.statusCode).toBe(401);
      expect(late.json()).toMatchObject({ error: 'invalid_client' });
      expect((await grant(newSecret)).statusCode).toBe(200);
      expect((await call('GET', `/project/${projectId}/entry`, oldToken)).statusCode).toBe(200);
      const read = await call('GET', `/project/${projectId}/client/${key.id}`, admin);
      expect(read.json().previousSecretExpiresAt).toBeNull();
    });

    it('with no grace (0 or none), the old secret and its tokens end at once', async () => {
      for (const body of [undefined, { graceSeconds: 0 }]) {
        const key = await newKey();
        const oldToken = await tokenOf(key);
        const res = await rotate(key, body);
        expect(res.statusCode).toBe(200);
        expect(res.json().previousSecretExpiresAt).toBeNull();
        expect((await grant(key)).statusCode).toBe(401);
        expect((await call('GET', `/project/${projectId}/entry`, oldToken)).statusCode).toBe(401);
        const fresh = { clientId: key.clientId, clientSecret: res.json().clientSecret };
        expect((await grant(fresh)).statusCode).toBe(200);
      }
    });

    it('a second rotation ends a secret still in its grace', async () => {
      const key = await newKey();
      const first = (await rotate(key, { graceSeconds: 3600 })).json();
      const second = (await rotate(key, { graceSeconds: 3600 })).json();
      expect((await grant(key)).statusCode).toBe(401);
      expect(
        (await grant({ clientId: key.clientId, clientSecret: first.clientSecret })).statusCode,
      ).toBe(200);
      expect(
        (await grant({ clientId: key.clientId, clientSecret: second.clientSecret })).statusCode,
      ).toBe(200);
    });

    it.each([[-1], [604_801], ['60'], [1.5]])(
      'refuses graceSeconds %j with a 400',
      async (grace) => {
        const key = await newKey();
        const res = await rotate(key, { graceSeconds: grace });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toHaveProperty('graceSeconds');
        expect((await grant(key)).statusCode).toBe(200);
      },
    );
  });

  describe('the /v1 token API’s client-credentials dialect (tokenResponse: envelope)', () => {
    /** Exactly what its documented client sends. */
    const v1Grant = (key: Pick<Key, 'clientId' | 'clientSecret'>, scope = 'red-marker-review') =>
      t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          scope,
          client_id: key.clientId,
          client_secret: key.clientSecret,
        }).toString(),
      });

    it('answers in the envelope, with 15-minute tokens and no refresh token; logs out through /v1/logout', async () => {
      const key = await newKey({ tokenResponse: 'envelope', scopes: ['red-marker-review'] });
      const res = await v1Grant(key);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json()).toEqual({
        success: true,
        data: { type: 'token', access_token: expect.any(String), expires_in: 900 },
      });
      const token = res.json().data.access_token as string;
      const claims = decodeJwt(token).payload as { exp: number; iat: number; scope: string };
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims.scope).toBe('red-marker-review');
      expect(await names(token, `/project/${projectId}/entry?orderBy=name`)).toEqual([
        'Published article',
        'Published event',
      ]);

      const logout = await t.app.inject({
        method: 'POST',
        url: '/v1/logout',
        headers: bearer(token),
      });
      expect(logout.statusCode).toBe(200);
      expect(logout.json()).toEqual({ success: true });
      const after = await call('GET', `/project/${projectId}/entry`, token);
      expect(after.statusCode).toBe(401);
      expect(after.json().message).toMatch(/revoked/);
      const revoked = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM revoked_token WHERE key = $1`,
        [`jti:${decodeJwt(token).payload.jti as string}`],
      );
      expect(revoked[0].n).toBe(1);
    });

    it('its errors are {success: false, message} with RFC 6749’s status', async () => {
      const key = await newKey({ tokenResponse: 'envelope', scopes: ['red-marker-review'] });
      const wrongSecret = await v1Grant({ clientId: key.clientId, clientSecret: 'nope' });
      expect(wrongSecret.statusCode).toBe(401);
      expect(wrongSecret.json()).toEqual({ success: false, message: expect.any(String) });
      const wrongScope = await v1Grant(key, 'blue-marker-review');
      expect(wrongScope.statusCode).toBe(400);
      expect(wrongScope.json()).toEqual({
        success: false,
        message: 'This client may not be granted "blue-marker-review"',
      });
    });

    it('every other client keeps the RFC 6749 body for the same request', async () => {
      const key = await newKey({ scopes: ['red-marker-review'] });
      const res = await v1Grant(key);
      expect(res.json()).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'red-marker-review',
      });
      const refused = await v1Grant({ clientId: key.clientId, clientSecret: 'nope' });
      expect(refused.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('/v1/logout still signs a user out, and refuses no token', async () => {
      const person = await createUser(t.app);
      const tokens = await signIn(t.app, person.email, person.password);
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/logout',
        headers: bearer(tokens.access_token),
      });
      expect(res.json()).toEqual({ success: true });
      const me = await t.app.inject({
        method: 'GET',
        url: '/user/me',
        headers: bearer(tokens.access_token),
      });
      expect(me.statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/v1/logout' })).statusCode).toBe(401);
    });
  });
});
