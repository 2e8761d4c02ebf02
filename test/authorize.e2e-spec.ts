import { createTestApp, TestApp } from './helpers/app';
import { basicAuth, bearer, createUser, signIn } from './helpers/auth';
import { authorize, cookieJar, hiddenInputs, pkce } from './helpers/authorize';

const REDIRECT = 'http://127.0.0.1:9999/callback';

describe('authorization code grant with PKCE', () => {
  let t: TestApp;
  let adminToken: string;
  let projectId: number;
  let typeId: number;
  let app: { id: number; clientId: string; clientSecret: string };
  let otherApp: { clientId: string; clientSecret: string };
  let member: { id: number; email: string; password: string };
  let outsider: { email: string; password: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    const owner = await createUser(t.app);
    adminToken = (await signIn(t.app, owner.email, owner.password)).access_token;
    const call = (url: string, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: bearer(adminToken),
        payload: payload as object,
      });
    projectId = (await call('/project/', { name: 'Shop' })).json().id;
    typeId = (await call(`/project/${projectId}/entry-type/`, { name: 'Page', fields: [] })).json()
      .id;
    app = (
      await call(`/project/${projectId}/client/`, {
        name: 'Publisher App',
        redirectUris: [REDIRECT],
      })
    ).json();
    otherApp = (
      await call(`/project/${projectId}/client/`, { name: 'Other App', redirectUris: [REDIRECT] })
    ).json();
    member = await createUser(t.app, { name: 'Author' });
    await call(`/project/${projectId}/member/`, { email: member.email, membershipType: 'author' });
    outsider = await createUser(t.app);
  });

  afterAll(() => t.close());

  function request(overrides: Record<string, string | undefined> = {}) {
    const { verifier, challenge } = pkce();
    const query: Record<string, string> = {};
    const base = {
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope: 'read write',
      state: 'xyz-123 ünïcode&=',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...overrides,
    };
    for (const [key, value] of Object.entries(base)) if (value !== undefined) query[key] = value;
    return { query, verifier };
  }

  async function codeFor(overrides: Record<string, string | undefined> = {}, user = member) {
    const { query, verifier } = request(overrides);
    const res = await authorize(t.app, query, user);
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    return { code: location.searchParams.get('code')!, verifier, location };
  }

  const exchange = (
    fields: Record<string, string>,
    client: { clientId: string; clientSecret: string } = app,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuth(client),
      },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT,
        ...fields,
      }).toString(),
    });

  it('sign in, approve, redirect with code, state and iss; exchange for tokens acting in the project', async () => {
    const { code, verifier, location } = await codeFor();
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz-123 ünïcode&=');
    expect(location.searchParams.get('iss')).toBe('http://tessera.test');
    expect(code).toMatch(/^[\w-]{43}$/);

    const res = await exchange({ code, code_verifier: verifier });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const tokens = res.json();
    expect(tokens).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
      scope: 'read write',
    });
    const list = await t.app.inject({
      method: 'GET',
      url: `/project/${projectId}/entry/`,
      headers: bearer(tokens.access_token),
    });
    expect(list.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: `/project/${projectId}/entry/`,
      headers: bearer(tokens.access_token),
      payload: { entryTypeId: typeId, name: 'By the app', fields: {} },
    });
    expect(write.statusCode).toBe(201);
    expect(write.json().user).toEqual({ id: member.id, name: 'Author' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(tokens.access_token) }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/project/${projectId}/member/`,
          headers: bearer(tokens.access_token),
        })
      ).statusCode,
    ).toBe(403);

    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM authorization_code`));
    expect(stored).not.toContain(code);
  });

  it('the pages: labelled inputs, a CSRF token, HttpOnly SameSite=Lax cookies, no framing', async () => {
    const { query } = request();
    const res = await t.app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams(query).toString()}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<label for="email">Email</label>');
    expect(res.body).toContain('<label for="password">Password</label>');
    expect(res.body).toContain('Publisher App');
    expect(hiddenInputs(res.body).csrf).toMatch(/^[\w-]{43}$/);
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(res.headers['set-cookie'])).toMatch(/tessera_csrf=.*HttpOnly.*SameSite=Lax/i);
  });

  it('a form without the matching CSRF token is refused', async () => {
    const { query } = request();
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...query,
        action: 'signin',
        email: member.email,
        password: member.password,
        csrf: 'forged',
      }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('This form has expired');
  });

  it('wrong credentials show the sign-in page again with an error', async () => {
    const { query } = request();
    const res = await authorize(t.app, query, { email: member.email, password: 'wrong' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Invalid email or password.');
  });

  it('deny → redirect with error=access_denied and the state', async () => {
    const { query } = request();
    const res = await authorize(t.app, query, member, 'deny');
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(query.state);
  });

  it.each([
    ['an unregistered URI', 'https://evil.example/callback'],
    ['a prefix', 'http://127.0.0.1:9999/call'],
    ['a suffix', `${REDIRECT}/extra`],
    ['another port', 'http://127.0.0.1:9998/callback'],
    ['another case', 'http://127.0.0.1:9999/Callback'],
    ['an added query', `${REDIRECT}?a=1`],
  ])('redirect_uri mismatch (%s) → an error page, never a redirect', async (_label, uri) => {
    const { query } = request({ redirect_uri: uri });
    const res = await t.app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams(query).toString()}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('redirect_uri is not one this application registered');
  });

  it('an unknown client → an error page', async () => {
    const { query } = request({ client_id: 'nope' });
    const res = await t.app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams(query).toString()}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('an expired client → the same error page', async () => {
    const expiring = (
      await t.app.inject({
        method: 'POST',
        url: `/project/${projectId}/client/`,
        headers: bearer(adminToken),
        payload: { name: 'Expiring App', redirectUris: [REDIRECT] },
      })
    ).json();
    const ask = () =>
      t.app.inject({
        method: 'GET',
        url: `/oauth/authorize?${new URLSearchParams(request({ client_id: expiring.clientId }).query).toString()}`,
      });
    expect((await ask()).statusCode).toBe(200);
    await t.dataSource.query(
      `UPDATE client SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );
    const res = await ask();
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it.each([
    [
      'missing PKCE',
      { code_challenge: undefined, code_challenge_method: undefined },
      'invalid_request',
    ],
    ['plain PKCE', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'read admin' }, 'invalid_scope'],
  ])('%s → redirect with error, state echoed', async (_label, overrides, error) => {
    const { query } = request(overrides);
    const res = await t.app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams(query).toString()}`,
    });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('state')).toBe(query.state);
    expect(location.searchParams.get('iss')).toBe('http://tessera.test');
  });

  it('a user who is not a member of the project sees a clear refusal', async () => {
    const { query } = request();
    const res = await authorize(t.app, query, outsider);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('is not a member of the project');
  });

  it('a wrong verifier is invalid_grant', async () => {
    const { code } = await codeFor();
    const res = await exchange({ code, code_verifier: pkce().verifier });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('a code for another client is invalid_grant', async () => {
    const { code, verifier } = await codeFor();
    const res = await exchange({ code, code_verifier: verifier }, otherApp);
    expect(res.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it('an expired code is invalid_grant', async () => {
    const { code, verifier } = await codeFor();
    await t.dataSource.query(
      `UPDATE authorization_code SET expires_at = now() - interval '1 second'`,
    );
    const res = await exchange({ code, code_verifier: verifier });
    expect(res.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The authorization code has expired',
    });
  });

  it('a replayed code is invalid_grant and revokes the tokens of its first use', async () => {
    const { code, verifier } = await codeFor();
    const first = (await exchange({ code, code_verifier: verifier })).json();
    const replay = await exchange({ code, code_verifier: verifier });
    expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
    const read = await t.app.inject({
      method: 'GET',
      url: `/project/${projectId}/entry/`,
      headers: bearer(first.access_token),
    });
    expect(read.statusCode).toBe(401);
  });

  it('refresh: the client must authenticate; the scope may narrow, never widen', async () => {
    const { code, verifier } = await codeFor({ scope: 'read' });
    const tokens = (await exchange({ code, code_verifier: verifier })).json();
    const refresh = (fields: Record<string, string>, authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(authorization ? { authorization } : {}),
        },
        payload: new URLSearchParams({ grant_type: 'refresh_token', ...fields }).toString(),
      });
    const anonymous = await refresh({ refresh_token: tokens.refresh_token });
    expect(anonymous.statusCode).toBe(401);
    const widened = await refresh(
      { refresh_token: tokens.refresh_token, scope: 'read write' },
      basicAuth(app),
    );
    expect(widened.json()).toMatchObject({ error: 'invalid_scope' });
    const wrongClient = await refresh({ refresh_token: tokens.refresh_token }, basicAuth(otherApp));
    expect(wrongClient.json()).toMatchObject({ error: 'invalid_grant' });
    const ok = await refresh({ refresh_token: tokens.refresh_token }, basicAuth(app));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().scope).toBe('read');
    const write = await t.app.inject({
      method: 'POST',
      url: `/project/${projectId}/entry/`,
      headers: bearer(ok.json().access_token),
      payload: { entryTypeId: typeId, name: 'x', fields: {} },
    });
    expect(write.statusCode).toBe(403);
  });

  it("an author's write token cannot delete an entry type (never beyond the user's role)", async () => {
    const { code, verifier } = await codeFor();
    const tokens = (await exchange({ code, code_verifier: verifier })).json();
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/project/${projectId}/entry-type/${typeId}`,
      headers: bearer(tokens.access_token),
    });
    expect(res.statusCode).toBe(403);
  });

  it('grants: the user lists and revokes apps; admins see how many users granted each client', async () => {
    const { code, verifier } = await codeFor();
    const tokens = (await exchange({ code, code_verifier: verifier })).json();
    const memberToken = (await signIn(t.app, member.email, member.password)).access_token;
    const grants = await t.app.inject({
      method: 'GET',
      url: '/user/me/grants',
      headers: bearer(memberToken),
    });
    expect(grants.json()).toEqual(
      expect.arrayContaining([
        {
          clientId: app.clientId,
          clientName: 'Publisher App',
          projectId,
          projectName: 'Shop',
          scope: expect.any(String),
          grantedAt: expect.any(String),
        },
      ]),
    );
    const client = await t.app.inject({
      method: 'GET',
      url: `/project/${projectId}/client/${app.id}`,
      headers: bearer(adminToken),
    });
    expect(client.json().grantCount).toBe(1);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/user/me/grants/${app.clientId}`,
      headers: bearer(memberToken),
    });
    expect(revoked.statusCode).toBe(204);
    const read = await t.app.inject({
      method: 'GET',
      url: `/project/${projectId}/entry/`,
      headers: bearer(tokens.access_token),
    });
    expect(read.statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/user/me/grants/${app.clientId}`,
          headers: bearer(memberToken),
        })
      ).statusCode,
    ).toBe(404);
    const after = await t.app.inject({
      method: 'GET',
      url: `/project/${projectId}/client/${app.id}`,
      headers: bearer(adminToken),
    });
    expect(after.json().grantCount).toBe(0);
  });

  it('keeps the sign-in between requests of one browser: a second authorization goes straight to consent', async () => {
    const jar = cookieJar();
    const { query } = request();
    const url = `/oauth/authorize?${new URLSearchParams(query).toString()}`;
    const first = await t.app.inject({ method: 'GET', url });
    jar.take(first.headers['set-cookie']);
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/oauth/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      payload: new URLSearchParams({
        ...hiddenInputs(first.body),
        action: 'signin',
        email: member.email,
        password: member.password,
      }).toString(),
    });
    jar.take(signedIn.headers['set-cookie']);
    const again = await t.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Allow Publisher App?');
  });

  it("revoking an app's token takes that app's credentials; an unknown refresh token is invalid_grant", async () => {
    const { code, verifier } = await codeFor();
    const tokens = (await exchange({ code, code_verifier: verifier })).json();
    const revoke = (authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/oauth/revoke',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(authorization ? { authorization } : {}),
        },
        payload: new URLSearchParams({ token: tokens.refresh_token }).toString(),
      });
    expect((await revoke()).statusCode).toBe(401);
    expect((await revoke(basicAuth(otherApp))).json()).toMatchObject({ error: 'invalid_request' });
    const read = () =>
      t.app.inject({
        method: 'GET',
        url: `/project/${projectId}/entry/`,
        headers: bearer(tokens.access_token),
      });
    expect((await read()).statusCode).toBe(200);
    expect((await revoke(basicAuth(app))).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(401);

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: basicAuth(app) },
      payload: { grant_type: 'refresh_token', refresh_token: 'no-such-token' },
    });
    expect(unknown.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
  });
});
