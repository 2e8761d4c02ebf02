import { createHmac } from 'node:crypto';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, decodeJwt, signIn } from './helpers/auth';
import { signAsApp } from './helpers/tokens';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const INVALID_CREDENTIALS_BODY = {
  status: 400,
  name: 'BadRequestError',
  message: 'Invalid credentials',
  error: 'invalid_grant',
  error_description: 'The email or password is incorrect',
};

describe('auth: password grant, refresh, logout, revocation, /user/me', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '10000' } });
  });

  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const form = (
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) });

  describe('password grant', () => {
    it.each(['/authenticate', '/user/authenticate', '/authenticate/'])(
      '%s answers 200 with a bearer pair, never cached',
      async (url) => {
        const user = await createUser(t.app);
        const res = await post(url, {
          username: user.email,
          password: user.password,
          grant_type: 'password',
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers).toMatchObject(NO_STORE);
        const body = res.json();
        expect(body).toEqual({
          access_token: expect.any(String),
          token_type: 'bearer',
          expires_in: 300,
          refresh_token: expect.stringMatching(/^[\w-]{43,}$/),
        });
        expect(body.refresh_token).not.toEqual(body.access_token);
      },
    );

    it('issues an at+jwt with sub, userId, iss, aud, iat, exp and jti', async () => {
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const { header, payload } = decodeJwt(access_token);
      const [signingKey] = (
        await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
      ).json().keys;
      expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: signingKey.kid });
      expect(payload).toEqual({
        sub: String(user.id),
        userId: user.id,
        sid: expect.any(String),
        iss: 'http://tessera.test',
        aud: 'http://tessera.test',
        iat: expect.any(Number),
        exp: (payload.iat as number) + 300,
        jti: expect.any(String),
      });
    });

    it('takes a form-urlencoded body and the email in any case', async () => {
      const user = await createUser(t.app);
      const res = await form('/authenticate', {
        username: user.email.toUpperCase(),
        password: user.password,
        grant_type: 'password',
      });
      expect(res.statusCode).toBe(200);
    });

    it('POST /oauth/token with grant_type=password answers 200, not 201', async () => {
      const user = await createUser(t.app);
      const res = await form('/oauth/token', {
        grant_type: 'password',
        username: user.email,
        password: user.password,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject(NO_STORE);
      expect(res.json().token_type).toBe('bearer');
    });

    it('unknown email, wrong password and inactive user look identical', async () => {
      const user = await createUser(t.app);
      const inactive = await createUser(t.app);
      await t.dataSource.query(`UPDATE "user" SET is_active = false WHERE id = $1`, [inactive.id]);
      const attempts = [
        { username: 'nobody@example.com', password: user.password },
        { username: user.email, password: 'wrong password' },
        { username: inactive.email, password: inactive.password },
      ];
      for (const attempt of attempts) {
        const res = await post('/authenticate', { ...attempt, grant_type: 'password' });
        expect(res.statusCode).toBe(400);
        expect(res.headers).toMatchObject(NO_STORE);
        expect(res.json()).toEqual(INVALID_CREDENTIALS_BODY);
      }
    });

    it('rehashes a password stored with older argon2 parameters at sign-in', async () => {
      const user = await createUser(t.app);
      const { hash } = await import('@node-rs/argon2');
      const old = await hash(user.password, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
      await t.dataSource.query(`UPDATE "user" SET password_hash = $1 WHERE id = $2`, [
        old,
        user.id,
      ]);
      await signIn(t.app, user.email, user.password);
      const [row] = await t.dataSource.query(`SELECT password_hash FROM "user" WHERE id = $1`, [
        user.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it.each([
      [{ grant_type: 'password', password: 'x' }, 'invalid_request'],
      [{ grant_type: 'client_magic' }, 'unsupported_grant_type'],
      [{}, 'invalid_request'],
    ])('POST /oauth/token %j → 400 %s', async (body, error) => {
      const res = await form('/oauth/token', body);
      expect(res.statusCode).toBe(400);
      expect(res.headers).toMatchObject(NO_STORE);
      expect(res.json()).toMatchObject({
        status: 400,
        error,
        error_description: expect.any(String),
      });
    });

    it('/authenticate with another grant_type is unsupported_grant_type; without credentials invalid_request', async () => {
      let res = await post('/authenticate', {
        username: 'a@b.example',
        password: 'x',
        grant_type: 'refresh_token',
      });
      expect(res.json()).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
      res = await post('/authenticate', { grant_type: 'password' });
      expect(res.json()).toMatchObject({ status: 400, error: 'invalid_request' });
    });

    it('client credentials sent by HTTP Basic are invalid_client, 401, with a Basic challenge', async () => {
      const res = await form(
        '/oauth/token',
        { grant_type: 'password', username: 'a@b.example', password: 'x' },
        { authorization: `Basic ${Buffer.from('someone:secret').toString('base64')}` },
      );
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="tessera"');
      expect(res.json()).toMatchObject({ status: 401, error: 'invalid_client' });
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use: a new pair, the old refresh token dead', async () => {
      const user = await createUser(t.app);
      const first = await signIn(t.app, user.email, user.password);
      const res = await form('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject(NO_STORE);
      const second = res.json();
      expect(second.refresh_token).not.toEqual(first.refresh_token);
      expect((await me(second.access_token)).statusCode).toBe(200);
    });

    it('reuse of a rotated token revokes the whole session', async () => {
      const user = await createUser(t.app);
      const first = await signIn(t.app, user.email, user.password);
      const second = (
        await post('/oauth/token', {
          grant_type: 'refresh_token',
          refresh_token: first.refresh_token,
        })
      ).json();
      const replay = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
      });
      expect(replay.statusCode).toBe(400);
      expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
      // The legitimate holder's newer tokens die with the session.
      const next = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: second.refresh_token,
      });
      expect(next.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
      expect((await me(second.access_token)).statusCode).toBe(401);
    });

    it('an unknown refresh token is invalid_grant', async () => {
      const res = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: 'made-up',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('/token-refresh rotates a real refresh token; an expired access token in Authorization does not matter', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const expired = signAsApp(
        t.app,
        { userId: user.id, sid: 'gone', jti: 'expired' },
        { subject: String(user.id), expiresIn: -60 },
      );
      for (const url of ['/user/token-refresh']) {
        const res = await post(
          url,
          { refresh_token: tokens.refresh_token, grant_type: 'refresh_token' },
          bearer(expired),
        );
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual(
          expect.objectContaining({ token_type: 'bearer', expires_in: 300 }),
        );
      }
    });

    it('contentjet-ui: /token-refresh with a valid access token consumes it and issues a fresh pair', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await post('/token-refresh', {
        refresh_token: tokens.access_token,
        grant_type: 'refresh_token',
      });
      expect(res.statusCode).toBe(200);
      const renewed = res.json();
      expect(renewed.access_token).not.toEqual(tokens.access_token);
      // The old one answers for a grace (RENEWAL_GRACE_SECONDS, 30 s by
      // default), then is deny-listed: see contentjet-ui.e2e-spec.ts.
      expect((await me(tokens.access_token)).statusCode).toBe(200);
      expect((await me(renewed.access_token)).statusCode).toBe(200);
      // The same session: logging out ends renewal too.
      await t.app.inject({ method: 'POST', url: '/logout', headers: bearer(renewed.access_token) });
      const after = await post('/token-refresh', {
        refresh_token: renewed.access_token,
        grant_type: 'refresh_token',
      });
      expect(after.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
    });

    it('/oauth/token never takes an access token as a refresh token', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: tokens.access_token,
      });
      expect(res.json()).toMatchObject({ status: 400, error: 'invalid_grant' });
      expect((await me(tokens.access_token)).statusCode).toBe(200);
    });

    it('stores refresh tokens and passwords only as digests and hashes', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const dump = JSON.stringify(
        await Promise.all(
          ['user', 'session', 'refresh_token', 'revoked_token'].map((table) =>
            t.dataSource.query(`SELECT * FROM "${table}"`),
          ),
        ),
      );
      expect(dump).not.toContain(tokens.refresh_token);
      expect(dump).not.toContain(user.password);
      expect(dump).not.toContain(tokens.access_token);
    });
  });

  describe('bearer tokens', () => {
    it('no token → 401 with a Bearer challenge', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/user/me' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="tessera"');
      expect(res.json()).toEqual({
        status: 401,
        name: 'UnauthorizedError',
        message: 'Authentication required',
      });
    });

    it('an expired token → 401 invalid_token', async () => {
      const user = await createUser(t.app);
      const expired = signAsApp(
        t.app,
        { userId: user.id, sid: 's', jti: 'expired' },
        { subject: String(user.id), expiresIn: -1 },
      );
      const res = await me(expired);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      expect(res.json()).toEqual({
        status: 401,
        name: 'UnauthorizedError',
        message: 'The access token has expired',
      });
    });

    it('rejects alg=none, a foreign signature, another issuer and another audience', async () => {
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const [, payload] = access_token.split('.');
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = decodeJwt(access_token).payload;
      const hs = (header: object, body: object, key: string) => {
        const unsigned = `${b64(header)}.${b64(body)}`;
        return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
      };
      // The token's own claims, re-signed with our key: only what each case changes differs.
      const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...own } = claims;
      const resigned = (options: { issuer?: string; audience?: string } = {}) =>
        signAsApp(
          t.app,
          { ...own, jti: `${String(own.jti)}-${options.issuer ?? options.audience ?? 'x'}` },
          options,
        );
      expect((await me(resigned())).statusCode).toBe(200);
      const forged = [
        `${b64({ alg: 'none', typ: 'at+jwt' })}.${payload}.`,
        hs({ alg: 'HS256', typ: 'at+jwt' }, claims, 'not-the-secret'),
        resigned({ issuer: 'https://evil.example' }),
        resigned({ audience: 'https://other.example' }),
      ];
      for (const token of forged) {
        const res = await me(token);
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      }
    });
  });

  describe('logout and revocation', () => {
    it('POST /logout: the token stops at once and its refresh token is dead', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await t.app.inject({
        method: 'POST',
        url: '/logout',
        headers: bearer(tokens.access_token),
      });
      expect(res.statusCode).toBe(204);
      const after = await me(tokens.access_token);
      expect(after.statusCode).toBe(401);
      expect(after.json().message).toBe('The access token has been revoked');
      const refresh = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      });
      expect(refresh.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it("POST /oauth/revoke answers 200 {} for unknown tokens and ends a refresh token's session", async () => {
      const unknown = await form('/oauth/revoke', { token: 'whatever' });
      expect(unknown.statusCode).toBe(200);
      expect(unknown.json()).toEqual({});
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await form('/oauth/revoke', {
        token: tokens.refresh_token,
        token_type_hint: 'refresh_token',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject(NO_STORE);
      expect((await me(tokens.access_token)).statusCode).toBe(401);
      const refresh = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      });
      expect(refresh.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('POST /oauth/revoke with an access token deny-lists just that token', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      await form('/oauth/revoke', { token: tokens.access_token });
      expect((await me(tokens.access_token)).statusCode).toBe(401);
      const refresh = await post('/oauth/token', {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      });
      expect(refresh.statusCode).toBe(200);
    });

    it('GET /.well-known/oauth-authorization-server describes the endpoints', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/.well-known/oauth-authorization-server',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        issuer: 'http://tessera.test',
        authorization_endpoint: 'http://tessera.test/oauth/authorize',
        token_endpoint: 'http://tessera.test/oauth/token',
        revocation_endpoint: 'http://tessera.test/oauth/revoke',
        jwks_uri: 'http://tessera.test/.well-known/jwks.json',
        grant_types_supported: [
          'authorization_code',
          'refresh_token',
          'client_credentials',
          'password',
        ],
        token_endpoint_auth_methods_supported: [
          'none',
          'client_secret_basic',
          'client_secret_post',
        ],
        revocation_endpoint_auth_methods_supported: [
          'none',
          'client_secret_basic',
          'client_secret_post',
        ],
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['read', 'write'],
        authorization_response_iss_parameter_supported: true,
      });
    });
  });

  describe('/user/me', () => {
    it('GET returns the caller', async () => {
      const user = await createUser(t.app, { name: 'Ada' });
      const tokens = await signIn(t.app, user.email, user.password);
      for (const url of ['/user/me', '/user/me/']) {
        const res = await t.app.inject({
          method: 'GET',
          url,
          headers: bearer(tokens.access_token),
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          id: user.id,
          email: user.email,
          name: 'Ada',
          isAdmin: false,
          isActive: true,
          createdAt: expect.any(String),
          modifiedAt: expect.any(String),
        });
      }
    });

    it('PUT accepts the object it returned (read-only fields ignored) and changes the name', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const current = (await me(tokens.access_token)).json();
      const res = await t.app.inject({
        method: 'PUT',
        url: '/user/me/',
        headers: bearer(tokens.access_token),
        payload: { ...current, name: 'Renamed', isAdmin: true, id: 999 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: user.id,
        name: 'Renamed',
        email: user.email,
        isAdmin: false,
      });
    });

    it('PUT rejects unknown fields and bad values with 400 naming the field', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await t.app.inject({
        method: 'PUT',
        url: '/user/me',
        headers: bearer(tokens.access_token),
        payload: { email: 'not-an-email', password: 'sneaky' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        status: 400,
        name: 'ValidationError',
        message: 'Validation failed',
        errors: {
          email: ['email must be a valid email address'],
          password: ['property password should not exist'],
        },
      });
    });

    it("PUT with another user's email and no password: 400 naming currentPassword (the change itself: email-change.e2e-spec.ts)", async () => {
      const other = await createUser(t.app);
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const res = await t.app.inject({
        method: 'PUT',
        url: '/user/me',
        headers: bearer(tokens.access_token),
        payload: { email: other.email.toUpperCase() },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        currentPassword: ['currentPassword is required to change your email'],
      });
    });

    it('change-password: a wrong current password is 400 naming it; a short new one too; then the new password works', async () => {
      const user = await createUser(t.app);
      const here = await signIn(t.app, user.email, user.password);
      const url = '/user/me/change-password';
      const wrong = await post(
        url,
        { currentPassword: 'nope', newPassword: 'a new password' },
        bearer(here.access_token),
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual({ currentPassword: ['currentPassword is incorrect'] });
      const short = await post(
        url,
        { currentPassword: user.password, newPassword: 'short' },
        bearer(here.access_token),
      );
      expect(short.json().errors).toEqual({
        newPassword: ['newPassword must be at least 8 characters'],
      });

      const ok = await post(
        url,
        { currentPassword: user.password, newPassword: 'a new password' },
        bearer(here.access_token),
      );
      expect(ok.statusCode).toBe(200);
      expect((await me(ok.json().access_token)).statusCode).toBe(200);
      await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/400/);
      await expect(signIn(t.app, user.email, 'a new password')).resolves.toMatchObject({
        token_type: 'bearer',
      });
    });
  });

  describe('the /v1 token API', () => {
    it('login, token renewal and logout', async () => {
      const user = await createUser(t.app);
      const login = await post('/v1/login', { email: user.email, password: user.password });
      expect(login.statusCode).toBe(200);
      expect(login.headers).toMatchObject(NO_STORE);
      const first = login.json();
      expect(first).toEqual({
        success: true,
        data: { type: 'token', access_token: expect.any(String), expires_in: 300 },
      });

      const renewed = await post('/v1/token', {}, bearer(first.data.access_token));
      expect(renewed.statusCode).toBe(200);
      expect(renewed.json()).toEqual({
        success: true,
        data: {
          type: 'refresh_token',
          access_token: expect.any(String),
          token_type: 'Bearer',
          expires_in: 300,
        },
      });
      const second = renewed.json().data.access_token;
      expect((await me(first.data.access_token)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(200);

      const logout = await post('/v1/logout', {}, bearer(second));
      expect(logout.statusCode).toBe(200);
      expect(logout.json()).toEqual({ success: true });
      expect((await me(second)).statusCode).toBe(401);
      expect((await post('/v1/token', {}, bearer(second))).statusCode).toBe(401);
    });

    it('bad credentials → 401 {"message":"Invalid credentials"}', async () => {
      const res = await post('/v1/login', { email: 'nobody@example.com', password: 'whatever' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ message: 'Invalid credentials' });
    });
  });
});

describe('auth: throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '3' } });
  });

  afterAll(() => t.close());

  it('over the per-IP limit the token endpoint answers 429 with Retry-After', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/authenticate',
        // An address of its own: on Postgres this file's apps share one database and its counters.
        remoteAddress: '198.51.100.200',
        payload: { username: 'nobody@example.com', password: 'x', grant_type: 'password' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(400);
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json()).toEqual({
      status: 429,
      name: 'TooManyRequestsError',
      message: 'Too many attempts; try again later',
    });
    // Other routes are not throttled.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
