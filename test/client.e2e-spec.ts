import { createTesseraClient, TesseraClient, TesseraError } from '../packages/client/src/index';
import type { TestApp } from './helpers/app';
import { createUser, decodeJwt } from './helpers/auth';
import { listeningApp } from './helpers/listening';
import { signAsApp } from './helpers/tokens';

/** What went over the wire: token grants by type, and 401s. */
function recordingFetch() {
  const seen = { grants: [] as string[], unauthorized: 0, requests: 0 };
  const fetch = async (request: Request): Promise<Response> => {
    seen.requests += 1;
    if (new URL(request.url).pathname === '/oauth/token') {
      const body = (await request.clone().json()) as { grant_type: string };
      seen.grants.push(body.grant_type);
    }
    const response = await globalThis.fetch(request);
    if (response.status === 401) seen.unauthorized += 1;
    return response;
  };
  return { seen, fetch };
}

/**
 * @tessera/client against the real server on a real port: what a website or
 * the admin UI does with it, typed end to end from openapi.json.
 */
describe('@tessera/client against the server', () => {
  let t: TestApp;
  let baseUrl: string;
  let user: { id: number; email: string; password: string };

  beforeAll(async () => {
    const listening = await listeningApp();
    t = listening.t;
    baseUrl = listening.issuer.origin;
    user = await createUser(t.app);
  });

  afterAll(() => t?.close());

  /** The user's client, its access token swapped for the same token already expired. */
  async function withExpiredToken(knowsExpiry: boolean) {
    const wire = recordingFetch();
    const signedIn = createTesseraClient({ baseUrl });
    const tokens = await signedIn.signIn(user.email, user.password);
    const {
      iss: _iss,
      aud: _aud,
      exp: _exp,
      iat: _iat,
      ...claims
    } = decodeJwt(tokens.accessToken).payload;
    const expired = signAsApp(t.app, claims, { expiresIn: -60 });
    const client = createTesseraClient({
      baseUrl,
      fetch: wire.fetch,
      tokens: {
        accessToken: expired,
        refreshToken: tokens.refreshToken,
        ...(knowsExpiry ? { expiresAt: Date.now() - 1000 } : {}),
      },
    });
    return { client, seen: wire.seen };
  }

  /** The session is still alive: reuse detection would have ended it. */
  async function stillSignedIn(client: TesseraClient): Promise<void> {
    const me = await client.GET('/user/me');
    expect(me.status).toBe(200);
    await expect(client.refresh()).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect((await client.GET('/user/me')).status).toBe(200);
  }

  it('signs in with a password and reads the signed-in user', async () => {
    const client = createTesseraClient({ baseUrl });
    const tokens = await client.signIn(user.email, user.password);
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: expect.any(Number),
    });
    const me = await client.GET('/user/me');
    expect(me.status).toBe(200);
    if (me.status !== 200) return;
    expect(me.data).toMatchObject({ id: user.id, email: user.email });
  });

  it('a wrong password is a TesseraError carrying the OAuth error', async () => {
    const client = createTesseraClient({ baseUrl });
    const refused = await client.signIn(user.email, 'not the password').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TesseraError);
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(client.tokens).toBeNull();
  });

  it('10 concurrent requests meeting an expired token (401) renew it once, and the session lives on', async () => {
    const { client, seen } = await withExpiredToken(false);
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.GET('/user/me')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(seen.unauthorized).toBe(10);
    expect(seen.grants).toEqual(['refresh_token']);
    await stillSignedIn(client);
  });

  it('a token known to have expired is renewed once before 10 concurrent requests go out', async () => {
    const { client, seen } = await withExpiredToken(true);
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.GET('/user/me')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(seen.unauthorized).toBe(0);
    expect(seen.grants).toEqual(['refresh_token']);
    await stillSignedIn(client);
  });

  it('a refresh token the server no longer honours signs the client out, without retrying', async () => {
    const { client, seen } = await withExpiredToken(false);
    // Another holder of the same refresh token uses it first: the server ends the session.
    await createTesseraClient({ baseUrl, tokens: { ...client.tokens! } }).refresh();
    const me = await client.GET('/user/me');
    expect(me.status).toBe(401);
    expect(seen.grants).toEqual(['refresh_token']);
    expect(client.tokens).toBeNull();
  });

  it("reads a validation error's fields, typed", async () => {
    const client = createTesseraClient({ baseUrl });
    await client.signIn(user.email, user.password);
    const created = await client.POST('/project', { body: { name: '' } });
    expect(created.status).toBe(400);
    if (created.status !== 400) return;
    expect(created.error.name).toBe('ValidationError');
    expect(created.error.errors?.name).toEqual(['name must be between 1 and 64 characters']);
  });

  it("lists a project's entries as an API client, page after page", async () => {
    const admin = createTesseraClient({ baseUrl });
    await admin.signIn(user.email, user.password);
    const project = await admin.POST('/project', { body: { name: 'Website' } });
    if (project.status !== 201) throw new Error(`project: ${project.status}`);
    const path = { projectId: project.data.id };
    const type = await admin.POST('/project/{projectId}/entry-type', {
      params: { path },
      body: { name: 'Post', fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT' }] },
    });
    if (type.status !== 201) throw new Error(`entry type: ${type.status}`);
    const names = Array.from({ length: 7 }, (_, i) => `Post ${i}`);
    for (const name of names) {
      const entry = await admin.POST('/project/{projectId}/entry', {
        params: { path },
        body: {
          entryTypeId: type.data.id,
          name,
          published: '2020-01-01T00:00:00Z',
          fields: { title: name },
        },
      });
      expect(entry.status).toBe(201);
    }
    const draft = await admin.POST('/project/{projectId}/entry', {
      params: { path },
      body: { entryTypeId: type.data.id, name: 'Draft', published: null },
    });
    expect(draft.status).toBe(201);
    const apiClient = await admin.POST('/project/{projectId}/client', {
      params: { path },
      body: { name: 'Site' },
    });
    if (apiClient.status !== 201) throw new Error(`client: ${apiClient.status}`);

    const site = createTesseraClient({ baseUrl });
    await site.signInAsClient(apiClient.data);
    const query = { pageSize: 3, orderBy: 'name' as const };
    const pages = [];
    for await (const page of site.pages('/project/{projectId}/entry', {
      params: { path, query },
    })) {
      pages.push(page.results.map((entry) => entry.name));
    }
    expect(pages).toEqual([names.slice(0, 3), names.slice(3, 6), names.slice(6)]);
    const items = [];
    for await (const entry of site.items('/project/{projectId}/entry', {
      params: { path, query },
    })) {
      items.push(entry.name);
    }
    expect(items).toEqual(names);
    // An API client may read but not write.
    const write = await site.POST('/project/{projectId}/entry', {
      params: { path },
      body: { entryTypeId: type.data.id, name: 'Nope' },
    });
    expect(write.status).toBe(403);

    // A key that answers in the /v1 token API's envelope signs in and reads alike.
    const envelopeKey = await admin.POST('/project/{projectId}/client', {
      params: { path },
      body: { name: 'Envelope site', tokenResponse: 'envelope' },
    });
    if (envelopeKey.status !== 201) throw new Error(`client: ${envelopeKey.status}`);
    const legacySite = createTesseraClient({ baseUrl });
    const signed = await legacySite.signInAsClient(envelopeKey.data);
    expect(signed.accessToken).toEqual(expect.any(String));
    const read = await legacySite.GET('/project/{projectId}/entry', { params: { path, query } });
    expect(read.data?.results.map((entry) => entry.name)).toEqual(names.slice(0, 3));
  });
});
