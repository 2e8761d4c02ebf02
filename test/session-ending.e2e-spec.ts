import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from './helpers/app';
import { basicAuth, bearer, clientToken, createUser, decodeJwt, signIn } from './helpers/auth';
import { authorize, hiddenInputs, pkce, signInOnAuthorizePage } from './helpers/authorize';
import { signAsApp } from './helpers/tokens';
import {
  authorizeQuery,
  delegatedTokens,
  exchangeCode,
  publisher,
  Publisher,
} from './helpers/delegation';

/**
 * What ends a session ends it at once: renewing an access token, a password
 * change, deactivation, deleting or rotating a client, logout — and the
 * authorization page's browser sign-in with them.
 */
describe('sessions end when they should', () => {
  let t: TestApp;
  let setup: Publisher;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    setup = await publisher(t.app);
  });

  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, token: string) =>
    t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const me = (token: string) => get('/user/me', token);
  const refresh = (refreshToken: string, headers: Record<string, string> = {}) =>
    post('/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken }, headers);
  const entries = (token: string) => get(`/project/${setup.projectId}/entry/`, token);

  describe('renewing an access token on the contentjet and /v1 paths', () => {
    it('retires the refresh token it stood beside: a later use of it ends the session, new chain included', async () => {
      const user = await createUser(t.app);
      const victim = await signIn(t.app, user.email, user.password);
      // An attacker with a copy of the access token renews it, as contentjet-ui does.
      const stolen = await post('/token-refresh', {
        refresh_token: victim.access_token,
        grant_type: 'refresh_token',
      });
      expect(stolen.statusCode).toBe(200);
      const attacker = stolen.json();
      expect((await me(attacker.access_token)).statusCode).toBe(200);

      // The victim's own refresh token was replaced: using it is reuse, which ends the session.
      const victimRefresh = await refresh(victim.refresh_token);
      expect(victimRefresh.statusCode).toBe(400);
      expect(victimRefresh.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await me(attacker.access_token)).statusCode).toBe(401);
      expect((await refresh(attacker.refresh_token)).json()).toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('/v1/token likewise: the session keeps one chain', async () => {
      const user = await createUser(t.app);
      const victim = await signIn(t.app, user.email, user.password);
      const renewed = await post('/v1/token', {}, bearer(victim.access_token));
      expect(renewed.statusCode).toBe(200);
      const attacker = renewed.json().data.access_token;
      expect((await me(attacker)).statusCode).toBe(200);
      expect((await refresh(victim.refresh_token)).statusCode).toBe(400);
      expect((await me(attacker)).statusCode).toBe(401);
    });

    it('a token traded once cannot be traded again: the second attempt ends the session', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const body = { refresh_token: tokens.access_token, grant_type: 'refresh_token' };
      const first = await post('/token-refresh', body);
      expect(first.statusCode).toBe(200);
      const again = await post('/token-refresh', body);
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await me(first.json().access_token)).statusCode).toBe(401);
    });

    it('of 8 concurrent renewals of one access token exactly one succeeds', async () => {
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0
            ? post('/token-refresh', {
                refresh_token: tokens.access_token,
                grant_type: 'refresh_token',
              })
            : post('/v1/token', {}, bearer(tokens.access_token)),
        ),
      );
      const won = answers.filter((res) => res.statusCode === 200);
      expect(won).toHaveLength(1);
      // The others presented a token already traded: reuse, which ends the
      // session — the winner's new tokens with it, as with refresh tokens.
      const winner = won[0].json();
      expect((await me(winner.access_token ?? winner.data.access_token)).statusCode).toBe(401);
    });

    it('a session never holds two live refresh tokens, whatever is renewed in it', async () => {
      const user = await createUser(t.app);
      let tokens = await signIn(t.app, user.email, user.password);
      for (let i = 0; i < 3; i++) {
        tokens = (await refresh(tokens.refresh_token)).json();
        const traded = await post('/token-refresh', {
          refresh_token: tokens.access_token,
          grant_type: 'refresh_token',
        });
        expect(traded.statusCode).toBe(200);
        tokens = traded.json();
      }
      const rows = await t.dataSource.query(
        `SELECT s.id, count(*) FILTER (WHERE rt.rotated_at IS NULL)::int AS live
           FROM session s JOIN refresh_token rt ON rt.session_id = s.id
          WHERE s.user_id = $1 GROUP BY s.id`,
        [user.id],
      );
      expect(rows).toEqual([{ id: expect.any(String), live: 1 }]);
      // The database refuses a second one outright.
      await expect(
        t.dataSource.query(`INSERT INTO refresh_token (token_digest, session_id) VALUES ($1, $2)`, [
          'f'.repeat(64),
          rows[0].id,
        ]),
      ).rejects.toThrow(/refresh_token_one_live_per_session/);
    });
  });

  describe('a password change', () => {
    it('ends every session, the caller’s included, and answers with a new pair in a new session', async () => {
      const user = await createUser(t.app);
      const here = await signIn(t.app, user.email, user.password);
      const elsewhere = await signIn(t.app, user.email, user.password);
      const res = await post(
        '/user/me/change-password',
        { currentPassword: user.password, newPassword: 'a brand new password' },
        bearer(here.access_token),
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const fresh = res.json();
      expect(fresh).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 300,
        refresh_token: expect.any(String),
      });
      expect(decodeJwt(fresh.access_token).payload.sid).not.toBe(
        decodeJwt(here.access_token).payload.sid,
      );
      for (const old of [here, elsewhere]) {
        expect((await me(old.access_token)).statusCode).toBe(401);
        expect((await refresh(old.refresh_token)).statusCode).toBe(400);
      }
      expect((await me(fresh.access_token)).statusCode).toBe(200);
      expect((await refresh(fresh.refresh_token)).statusCode).toBe(200);
    });

    it('ends the apps’ grants too', async () => {
      const delegated = await delegatedTokens(t.app, setup);
      expect((await entries(delegated.access_token)).statusCode).toBe(200);
      const own = await signIn(t.app, setup.member.email, setup.member.password);
      const res = await post(
        '/user/me/change-password',
        { currentPassword: setup.member.password, newPassword: 'another new password' },
        bearer(own.access_token),
      );
      expect(res.statusCode).toBe(200);
      setup.member.password = 'another new password';
      expect((await entries(delegated.access_token)).statusCode).toBe(401);
      const renewed = await refresh(delegated.refresh_token, {
        authorization: basicAuth(setup.app),
      });
      expect(renewed.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('a deactivated user', () => {
    it('is refused at once on /user/me, POST /project/ and project routes, and the sessions stay ended', async () => {
      const user = await createUser(t.app);
      await post(
        `/project/${setup.projectId}/member/`,
        { email: user.email, membershipType: 'author' },
        bearer(setup.adminToken),
      );
      const tokens = await signIn(t.app, user.email, user.password);
      expect((await me(tokens.access_token)).statusCode).toBe(200);
      expect((await entries(tokens.access_token)).statusCode).toBe(200);
      await t.dataSource.query(`UPDATE "user" SET is_active = false WHERE id = $1`, [user.id]);
      expect((await me(tokens.access_token)).statusCode).toBe(401);
      const create = await post('/project/', { name: 'Not now' }, bearer(tokens.access_token));
      expect(create.statusCode).toBe(401);
      const read = await entries(tokens.access_token);
      expect(read.statusCode).toBe(401);
      expect(read.json().message).toBe('The access token has been revoked');
      // Reactivated, it signs in anew: what it held before stays ended.
      await t.dataSource.query(`UPDATE "user" SET is_active = true WHERE id = $1`, [user.id]);
      expect((await me(tokens.access_token)).statusCode).toBe(401);
      expect((await entries(tokens.access_token)).statusCode).toBe(401);
      expect((await refresh(tokens.refresh_token)).statusCode).toBe(400);
      const again = await signIn(t.app, user.email, user.password);
      expect((await entries(again.access_token)).statusCode).toBe(200);
    });
  });

  describe('deleting or rotating a client', () => {
    it('deleting it ends the tokens it holds for users, at once', async () => {
      const own = await publisher(t.app);
      const delegated = await delegatedTokens(t.app, own);
      expect((await entries2(own, delegated.access_token)).statusCode).toBe(200);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/project/${own.projectId}/client/${own.app.id}`,
        headers: bearer(own.adminToken),
      });
      expect(res.statusCode).toBe(204);
      expect((await entries2(own, delegated.access_token)).statusCode).toBe(401);
    });

    it('deleting the project ends them too', async () => {
      const own = await publisher(t.app);
      const delegated = await delegatedTokens(t.app, own);
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/project/${own.projectId}`,
        headers: bearer(own.adminToken),
      });
      expect(res.statusCode).toBe(204);
      expect((await me(delegated.access_token)).statusCode).toBe(401);
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM session WHERE client_id = $1`,
        [own.app.id],
      );
      expect(row.n).toBe(0);
    });

    it('rotating its secret stops its users’ access tokens; the app refreshes with the new secret', async () => {
      const own = await publisher(t.app);
      const delegated = await delegatedTokens(t.app, own);
      const rotated = await t.app.inject({
        method: 'POST',
        url: `/project/${own.projectId}/client/${own.app.id}/rotate-secret`,
        headers: bearer(own.adminToken),
      });
      expect(rotated.statusCode).toBe(200);
      expect((await entries2(own, delegated.access_token)).statusCode).toBe(401);
      const withOld = await refresh(delegated.refresh_token, { authorization: basicAuth(own.app) });
      expect(withOld.statusCode).toBe(401);
      const renewed = await refresh(delegated.refresh_token, {
        authorization: basicAuth(rotated.json()),
      });
      expect(renewed.statusCode).toBe(200);
      expect((await entries2(own, renewed.json().access_token)).statusCode).toBe(200);
    });

    const entries2 = (own: Publisher, token: string) =>
      get(`/project/${own.projectId}/entry/`, token);

    it('responses that carry a secret are never cached', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: `/project/${setup.projectId}/client/`,
        headers: bearer(setup.adminToken),
        payload: { name: 'Secret keeper' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const rotated = await t.app.inject({
        method: 'POST',
        url: `/project/${setup.projectId}/client/${created.json().id}/rotate-secret`,
        headers: bearer(setup.adminToken),
      });
      expect(rotated.statusCode).toBe(200);
      expect(rotated.headers['cache-control']).toBe('no-store');
    });
  });

  describe('POST /oauth/revoke', () => {
    it('revokes an API client’s read token', async () => {
      const token = await clientToken(t.app, setup.app);
      expect((await entries(token)).statusCode).toBe(200);
      const res = await t.app.inject({
        method: 'POST',
        url: '/oauth/revoke',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      });
      expect(res.statusCode).toBe(200);
      const after = await entries(token);
      expect(after.statusCode).toBe(401);
      expect(after.json().message).toBe('The access token has been revoked');
    });

    it('refuses another client’s credentials for it', async () => {
      const token = await clientToken(t.app, setup.app);
      const other = await publisher(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/oauth/revoke',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basicAuth(other.app),
        },
        payload: new URLSearchParams({ token }).toString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request' });
      expect((await entries(token)).statusCode).toBe(200);
    });
  });

  describe('authorization codes', () => {
    async function code(): Promise<{ code: string; verifier: string }> {
      const { verifier, challenge } = pkce();
      const res = await authorize(
        t.app,
        authorizeQuery(setup, { codeChallenge: challenge }),
        setup.member,
      );
      return { code: new URL(res.headers.location as string).searchParams.get('code')!, verifier };
    }

    const exchange = (fields: Record<string, string>) => exchangeCode(t.app, setup.app, fields);

    it('a replay racing the first redemption still revokes what it issued', async () => {
      for (let round = 0; round < 5; round++) {
        const { code: value, verifier } = await code();
        const answers = await Promise.all([
          exchange({ code: value, code_verifier: verifier }),
          exchange({ code: value, code_verifier: verifier }),
        ]);
        const issued = answers.filter((res) => res.statusCode === 200);
        expect(issued).toHaveLength(1);
        expect((await entries(issued[0].json().access_token)).statusCode).toBe(401);
      }
    });

    it.each([
      ['too short', 'a'.repeat(42)],
      ['too long', 'a'.repeat(129)],
      ['outside the unreserved set', `${'a'.repeat(42)}!`],
    ])(
      'a code_verifier %s is invalid_grant, even when it matches the challenge',
      async (_, verifier) => {
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        const res = await authorize(
          t.app,
          authorizeQuery(setup, { codeChallenge: challenge }),
          setup.member,
        );
        const value = new URL(res.headers.location as string).searchParams.get('code')!;
        const exchanged = await exchange({ code: value, code_verifier: verifier });
        expect(exchanged.statusCode).toBe(400);
        expect(exchanged.json()).toMatchObject({
          error: 'invalid_grant',
          error_description: expect.stringContaining('43 to 128 characters'),
        });
      },
    );
  });

  describe('the authorization page’s sign-in', () => {
    const query = () => authorizeQuery(setup);

    /** Signs the member in on the page; returns the browser's cookies and the consent page. */
    async function browserSignIn(user = setup.member) {
      const { jar, url, signedIn } = await signInOnAuthorizePage(t.app, query(), user);
      expect(signedIn?.body).toContain('name="action" value="approve"');
      const again = () => t.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
      return { jar, signedIn: signedIn!, again };
    }

    const isConsent = (html: string) => html.includes('name="action" value="approve"');

    it.each(['logout', '/v1/logout', 'password change', 'deactivation'] as const)(
      'ends with %s: the browser must sign in again',
      async (what) => {
        const user = await createUser(t.app);
        await post(
          `/project/${setup.projectId}/member/`,
          { email: user.email, membershipType: 'author' },
          bearer(setup.adminToken),
        );
        const { again } = await browserSignIn(user);
        expect(isConsent((await again()).body)).toBe(true);
        const tokens = await signIn(t.app, user.email, user.password);
        if (what === 'logout') {
          expect((await post('/logout', {}, bearer(tokens.access_token))).statusCode).toBe(204);
        } else if (what === '/v1/logout') {
          expect((await post('/v1/logout', {}, bearer(tokens.access_token))).statusCode).toBe(200);
        } else if (what === 'password change') {
          const res = await post(
            '/user/me/change-password',
            { currentPassword: user.password, newPassword: 'changed password' },
            bearer(tokens.access_token),
          );
          expect(res.statusCode).toBe(200);
        } else {
          await t.dataSource.query(`UPDATE "user" SET is_active = false WHERE id = $1`, [user.id]);
        }
        const page = await again();
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<label for="password">Password</label>');
        expect(isConsent(page.body)).toBe(false);
      },
    );

    it('a code approved in a sign-in that has since ended is void', async () => {
      const user = await createUser(t.app);
      await post(
        `/project/${setup.projectId}/member/`,
        { email: user.email, membershipType: 'author' },
        bearer(setup.adminToken),
      );
      const { verifier, challenge } = pkce();
      const approved = await authorize(
        t.app,
        authorizeQuery(setup, { codeChallenge: challenge }),
        user,
      );
      expect(approved.statusCode).toBe(302);
      const code = new URL(approved.headers.location as string).searchParams.get('code')!;
      // Signed out everywhere (a password change would do the same) before the app redeems it.
      const tokens = await signIn(t.app, user.email, user.password);
      expect((await post('/logout', {}, bearer(tokens.access_token))).statusCode).toBe(204);
      const exchanged = await exchangeCode(t.app, setup.app, { code, code_verifier: verifier });
      expect(exchanged.statusCode).toBe(400);
      expect(exchanged.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('the sign-in form’s CSRF token is an HMAC too: a chosen cookie and field pair is refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/oauth/authorize',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `tessera_csrf=${'y'.repeat(43)}`,
        },
        payload: new URLSearchParams({
          ...query(),
          csrf: 'y'.repeat(43),
          action: 'signin',
          email: setup.member.email,
          password: setup.member.password,
        }).toString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('This form has expired');
    });

    it('the consent form’s CSRF token is bound to the sign-in, not to a cookie a page could set', async () => {
      const { jar, signedIn } = await browserSignIn();
      const fields = hiddenInputs(signedIn.body);
      // A double-submit pair the attacker chose: cookie and field equal.
      const forged = await t.app.inject({
        method: 'POST',
        url: '/oauth/authorize',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${jar.header()}; tessera_csrf=${'x'.repeat(43)}`,
        },
        payload: new URLSearchParams({
          ...fields,
          csrf: 'x'.repeat(43),
          action: 'approve',
        }).toString(),
      });
      expect(forged.statusCode).toBe(400);
      expect(forged.body).toContain('This form has expired');
      const approved = await t.app.inject({
        method: 'POST',
        url: '/oauth/authorize',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
        payload: new URLSearchParams({ ...fields, action: 'approve' }).toString(),
      });
      expect(approved.statusCode).toBe(302);
    });
  });

  describe('bearer tokens', () => {
    it('`Bearer <token> <more words>` is refused', async () => {
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      expect((await me(access_token)).statusCode).toBe(200);
      for (const header of [
        `Bearer ${access_token} extra`,
        `Bearer ${access_token} ${access_token}`,
      ]) {
        const res = await t.app.inject({
          method: 'GET',
          url: '/user/me',
          headers: { authorization: header },
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      }
    });

    it('a token whose header type is not at+jwt is refused', async () => {
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const { payload } = decodeJwt(access_token);
      const { iat: _iat, exp: _exp, iss: _iss, aud: _aud, ...claims } = payload;
      const withType = (typ: string) =>
        signAsApp(t.app, { ...claims, jti: `${String(claims.jti)}-${typ}` }, { header: { typ } });
      // The same claims with the right type pass: only the type differs below.
      expect((await me(withType('at+jwt'))).statusCode).toBe(200);
      for (const typ of ['JWT', 'jwt']) {
        const token = withType(typ);
        expect(decodeJwt(token).header.typ).toBe(typ);
        const res = await me(token);
        expect(res.statusCode).toBe(401);
        expect(res.json().message).toBe('The access token is invalid');
      }
    });
  });

  // Last: a second app takes over passport's process-wide strategies, which
  // would then answer for the first one's requests.
  describe('with an https PUBLIC_URL', () => {
    it('uses __Host- cookies when PUBLIC_URL is https', async () => {
      const secure = await createTestApp({
        env: { PUBLIC_URL: 'https://tessera.test', TOKEN_RATE_LIMIT_PER_MINUTE: '100000' },
      });
      try {
        const own = await publisher(secure.app);
        const { first, signedIn } = await signInOnAuthorizePage(
          secure.app,
          authorizeQuery(own),
          own.member,
        );
        expect(first.statusCode).toBe(200);
        const cookies = [first.headers['set-cookie'] ?? []].flat();
        expect(cookies).toEqual([expect.stringMatching(/^__Host-tessera_csrf=.*; Path=\//)]);
        expect(cookies[0]).toMatch(/; Secure/);
        expect(cookies[0]).not.toMatch(/Domain=/i);
        expect(String(signedIn?.headers['set-cookie'])).toMatch(
          /__Host-tessera_signin=.*; Path=\/;.*Secure/,
        );
      } finally {
        await secure.close();
      }
    });
  });
});
