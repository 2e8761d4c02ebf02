import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, decodeJwt, Tokens } from './helpers/auth';
import { delegatedTokens, publisher, Publisher } from './helpers/delegation';
import { RevocationService } from '../src/tokens/revocation.service';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const REVOKED = 'The access token has been revoked';

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * The account page's sessions: `GET /user/me/sessions` lists the caller's
 * own sign-ins (User-Agent, started, last used, this one marked), and
 * `DELETE /user/me/sessions[/:id]` ends them at once, tokens and all.
 */
describe('your signed-in sessions', () => {
  let t: TestApp;
  let setup: Publisher;

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    setup = await publisher(t.app);
  });

  afterAll(() => t.close());

  const inject = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    options: { token?: string; payload?: object; headers?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method,
      url,
      payload: options.payload,
      headers: { ...(options.token ? bearer(options.token) : {}), ...options.headers },
    });

  /** The password grant on contentjet's path, from a browser saying `userAgent`. */
  async function signInAs(user: User, userAgent?: string): Promise<Tokens> {
    const res = await inject('POST', '/authenticate', {
      payload: { username: user.email, password: user.password, grant_type: 'password' },
      headers: userAgent === undefined ? {} : { 'user-agent': userAgent },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  const sessionOf = (token: string) => decodeJwt(token).payload.sid as string;
  const list = (token: string, query = '') => inject('GET', `/user/me/sessions${query}`, { token });
  const me = (token: string) => inject('GET', '/user/me', { token });
  const refresh = (refreshToken: string) =>
    inject('POST', '/oauth/token', {
      payload: { grant_type: 'refresh_token', refresh_token: refreshToken },
    });

  async function expectRevoked(token: string): Promise<void> {
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ status: 401, name: 'UnauthorizedError', message: REVOKED });
  }

  async function expectRefreshRefused(refreshToken: string): Promise<void> {
    const res = await refresh(refreshToken);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_grant' });
  }

  describe('GET /user/me/sessions', () => {
    it('lists each sign-in with its User-Agent and times, this one marked and first', async () => {
      const user = await createUser(t.app);
      const laptop = await signInAs(user, FIREFOX);
      const desktop = await signInAs(user, CHROME);
      const res = await list(laptop.access_token);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toEqual({
        page: 1,
        totalPages: 1,
        totalRecords: 2,
        results: [
          {
            id: sessionOf(laptop.access_token),
            createdAt: expect.any(String),
            lastUsedAt: expect.any(String),
            expiresAt: expect.any(String),
            userAgent: FIREFOX,
            current: true,
          },
          {
            id: sessionOf(desktop.access_token),
            createdAt: expect.any(String),
            lastUsedAt: expect.any(String),
            expiresAt: expect.any(String),
            userAgent: CHROME,
            current: false,
          },
        ],
      });
      const [first] = body.results;
      expect(Date.parse(first.createdAt)).toBeLessThanOrEqual(Date.now());
      expect(first.lastUsedAt).toBe(first.createdAt);
      expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() + 86_400_000);
      // From the other sign-in, that one is current.
      const there = (await list(desktop.access_token)).json();
      expect(there.results.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
      expect(there.results[0].id).toBe(sessionOf(desktop.access_token));
    });

    it('records the User-Agent of every sign-in: /oauth/token, the admin session, /v1/login, a password change (both routes)', async () => {
      const user = await createUser(t.app);
      const viaOAuth = await inject('POST', '/oauth/token', {
        payload: { grant_type: 'password', username: user.email, password: user.password },
        headers: { 'user-agent': 'oauth-agent/1.0' },
      });
      expect(viaOAuth.statusCode).toBe(200);
      const viaAdmin = await inject('POST', '/admin/session', {
        payload: { email: user.email, password: user.password },
        headers: { 'user-agent': 'admin-ui-agent/1.0', 'x-tessera-admin': '1' },
      });
      expect(viaAdmin.statusCode).toBe(200);
      const viaV1 = await inject('POST', '/v1/login', {
        payload: { email: user.email, password: user.password },
        headers: { 'user-agent': 'v1-agent/1.0' },
      });
      expect(viaV1.statusCode).toBe(200);
      const token = viaOAuth.json().access_token;
      const agents = (await list(token))
        .json()
        .results.map((s: { userAgent: string }) => s.userAgent);
      expect(agents.sort()).toEqual(['admin-ui-agent/1.0', 'oauth-agent/1.0', 'v1-agent/1.0']);

      // A password change ends them all and begins one new session, from the changing browser.
      const changed = await inject('POST', '/user/me/change-password', {
        token,
        payload: { currentPassword: user.password, newPassword: 'another good password' },
        headers: { 'user-agent': 'changing-agent/2.0' },
      });
      expect(changed.statusCode).toBe(200);
      const after = (await list(changed.json().access_token)).json();
      expect(after.results).toEqual([
        expect.objectContaining({ userAgent: 'changing-agent/2.0', current: true }),
      ]);

      // The admin UI's password change too: its new session, in the cookie, keeps the changing browser.
      const inAdmin = await inject('POST', '/admin/session/password', {
        token: changed.json().access_token,
        payload: { currentPassword: 'another good password', newPassword: 'a third good password' },
        headers: { 'user-agent': 'admin-changing/3.0', 'x-tessera-admin': '1' },
      });
      expect(inAdmin.statusCode).toBe(204);
      const cookie = inAdmin.cookies.find((c) => c.name === 'tessera_admin_session')!.value;
      const renewed = await t.app.inject({
        method: 'POST',
        url: '/admin/session/refresh',
        headers: { 'x-tessera-admin': '1', cookie: `tessera_admin_session=${cookie}` },
      });
      expect(renewed.statusCode).toBe(200);
      expect((await list(renewed.json().access_token)).json().results).toEqual([
        expect.objectContaining({ userAgent: 'admin-changing/3.0', current: true }),
      ]);
    });

    it('keeps a long User-Agent cut to 512 characters, and none as null', async () => {
      const user = await createUser(t.app);
      const long = `Agent/${'x'.repeat(700)}`;
      const tokens = await signInAs(user, long);
      await signInAs(user, '   ');
      const results = (await list(tokens.access_token)).json().results;
      expect(results[0].userAgent).toBe(long.slice(0, 512));
      expect(results[1].userAgent).toBeNull();
      const [row] = await t.dataSource.query(`SELECT user_agent FROM session WHERE id = $1`, [
        sessionOf(tokens.access_token),
      ]);
      expect(row.user_agent).toHaveLength(512);
    });

    it('orders the others by last use: renewing one moves it up, and bumps its lastUsedAt', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user, 'here');
      const older = await signInAs(user, 'older');
      const newer = await signInAs(user, 'newer');
      const agents = async () =>
        (await list(here.access_token))
          .json()
          .results.map((s: { userAgent: string }) => s.userAgent);
      expect(await agents()).toEqual(['here', 'newer', 'older']);

      const before = (await list(here.access_token)).json().results[2];
      const renewed = await refresh(older.refresh_token);
      expect(renewed.statusCode).toBe(200);
      expect(await agents()).toEqual(['here', 'older', 'newer']);
      const after = (await list(here.access_token)).json().results[1];
      expect(Date.parse(after.lastUsedAt)).toBeGreaterThan(Date.parse(before.lastUsedAt));
      expect(after.createdAt).toBe(before.createdAt);

      // contentjet's renewal (the access token as refresh token) counts as a use too.
      const traded = await inject('POST', '/token-refresh', {
        payload: { refresh_token: newer.access_token, grant_type: 'refresh_token' },
      });
      expect(traded.statusCode).toBe(200);
      expect(await agents()).toEqual(['here', 'newer', 'older']);
      // The current one stays first however long ago it was renewed.
      expect((await list(here.access_token)).json().results[0].current).toBe(true);
    });

    it('lists only live sign-ins of your own: not ended or expired ones, not apps, not other users', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user, 'here');
      const ended = await signInAs(user, 'ended');
      const expired = await signInAs(user, 'expired');
      await inject('POST', '/logout', { token: ended.access_token });
      await t.dataSource.query(
        `UPDATE session SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [sessionOf(expired.access_token)],
      );
      const other = await createUser(t.app);
      await signInAs(other, 'someone else');
      // The publisher's author lets the app act for them: a grant, not a session.
      const member = setup.member;
      await delegatedTokens(t.app, setup);
      const memberTokens = await signInAs(member, 'member here');

      const mine = (await list(here.access_token)).json();
      expect(mine.totalRecords).toBe(1);
      expect(mine.results.map((s: { userAgent: string }) => s.userAgent)).toEqual(['here']);
      const theirs = (await list(memberTokens.access_token)).json();
      expect(theirs.results.map((s: { userAgent: string }) => s.userAgent)).toEqual([
        'member here',
      ]);
    });

    it('pages as other lists do', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user, 'a0');
      for (let i = 1; i < 5; i++) await signInAs(user, `a${i}`);
      const page2 = (await list(here.access_token, '?page=2&pageSize=2')).json();
      expect(page2).toMatchObject({ page: 2, totalPages: 3, totalRecords: 5 });
      expect(page2.results.map((s: { userAgent: string }) => s.userAgent)).toEqual(['a3', 'a2']);
      const past = (await list(here.access_token, '?page=9&pageSize=2')).json();
      expect(past).toEqual({ page: 9, totalPages: 3, totalRecords: 5, results: [] });
      const bad = await list(here.access_token, '?pageSize=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        name: 'ValidationError',
        errors: { pageSize: expect.any(Array) },
      });
    });
  });

  describe('DELETE /user/me/sessions/:sessionId', () => {
    it('ends that session at once — access and refresh token — and no other', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user, 'here');
      const lost = await signInAs(user, 'lost phone');
      const kept = await signInAs(user, 'tablet');
      const lostId = sessionOf(lost.access_token);
      expect((await me(lost.access_token)).statusCode).toBe(200);

      const res = await inject('DELETE', `/user/me/sessions/${lostId}`, {
        token: here.access_token,
      });
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');

      await expectRevoked(lost.access_token);
      await expectRefreshRefused(lost.refresh_token);
      expect((await me(here.access_token)).statusCode).toBe(200);
      expect((await me(kept.access_token)).statusCode).toBe(200);
      const renewed = await refresh(kept.refresh_token);
      expect(renewed.statusCode).toBe(200);
      expect((await me(renewed.json().access_token)).statusCode).toBe(200);

      const [row] = await t.dataSource.query(`SELECT revoked_at FROM session WHERE id = $1`, [
        lostId,
      ]);
      expect(row.revoked_at).not.toBeNull();
      const denied = await t.dataSource.query(`SELECT key FROM revoked_token WHERE key = $1`, [
        `sid:${lostId}`,
      ]);
      expect(denied).toHaveLength(1);
      const remaining = (await list(here.access_token)).json().results;
      expect(remaining.map((s: { userAgent: string }) => s.userAgent)).toEqual(['here', 'tablet']);
    });

    it('stops its access tokens through the deny-list every instance holds, not only the database', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user);
      const lost = await signInAs(user);
      const lostId = sessionOf(lost.access_token);
      expect((await me(lost.access_token)).statusCode).toBe(200);
      await inject('DELETE', `/user/me/sessions/${lostId}`, { token: here.access_token });
      expect(t.app.get(RevocationService).isRevoked('any', lostId)).toBe(true);
      // Even were the row put back, the deny-list (the one NOTIFY spreads) refuses the token.
      await t.dataSource.query(`UPDATE session SET revoked_at = NULL WHERE id = $1`, [lostId]);
      await expectRevoked(lost.access_token);
    });

    it('ending the current session signs the caller out', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user);
      const other = await signInAs(user);
      const res = await inject('DELETE', `/user/me/sessions/${sessionOf(here.access_token)}`, {
        token: here.access_token,
      });
      expect(res.statusCode).toBe(204);
      await expectRevoked(here.access_token);
      await expectRefreshRefused(here.refresh_token);
      expect((await me(other.access_token)).statusCode).toBe(200);
    });

    it('is a 404 for another user’s session, an app’s grant, an ended one, an unknown or malformed id', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user);
      const stranger = await createUser(t.app);
      const theirs = await signInAs(stranger);
      const ended = await signInAs(user);
      await inject('POST', '/logout', { token: ended.access_token });
      const member = await signInAs(setup.member);
      const grant = await delegatedTokens(t.app, setup);

      const del = (id: string, token = here.access_token) =>
        inject('DELETE', `/user/me/sessions/${id}`, { token });
      for (const [id, token] of [
        [sessionOf(theirs.access_token), here.access_token],
        [sessionOf(grant.access_token), member.access_token],
        [sessionOf(ended.access_token), here.access_token],
        ['00000000-0000-4000-8000-000000000000', here.access_token],
        ['not-a-session', here.access_token],
        ['1', here.access_token],
      ]) {
        const res = await del(id, token);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({
          status: 404,
          name: 'NotFoundError',
          message: 'Session not found',
        });
      }
      // Nothing was ended by trying.
      expect((await me(theirs.access_token)).statusCode).toBe(200);
      expect((await me(member.access_token)).statusCode).toBe(200);
      const read = await inject('GET', `/project/${setup.projectId}/entry/`, {
        token: grant.access_token,
      });
      expect(read.statusCode).toBe(200);
    });
  });

  describe('DELETE /user/me/sessions', () => {
    it('?except=current signs out everywhere else: this one and the apps you allowed keep working', async () => {
      const member = setup.member;
      const here = await signInAs(member, 'here');
      const others = [await signInAs(member, 'a'), await signInAs(member, 'b')];
      const grant = await delegatedTokens(t.app, setup);
      // Their sign-ins, and the authorization page's browser sign-in the grant began with.
      const [{ n: live }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM session
          WHERE user_id = $1 AND client_id IS NULL AND revoked_at IS NULL AND expires_at > now()`,
        [member.id],
      );
      expect(live).toBeGreaterThanOrEqual(4);

      const res = await inject('DELETE', '/user/me/sessions?except=current', {
        token: here.access_token,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ended: live - 1 });

      for (const other of others) {
        await expectRevoked(other.access_token);
        await expectRefreshRefused(other.refresh_token);
      }
      expect((await me(here.access_token)).statusCode).toBe(200);
      expect((await refresh(here.refresh_token)).statusCode).toBe(200);
      const read = await inject('GET', `/project/${setup.projectId}/entry/`, {
        token: grant.access_token,
      });
      expect(read.statusCode).toBe(200);
      const grants = await inject('GET', '/user/me/grants', { token: here.access_token });
      expect(grants.json()).toHaveLength(1);
    });

    it('without except signs out everywhere, here too', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user);
      const other = await signInAs(user);
      const res = await inject('DELETE', '/user/me/sessions', { token: here.access_token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ended: 2 });
      await expectRevoked(here.access_token);
      await expectRevoked(other.access_token);
      await expectRefreshRefused(here.refresh_token);
    });

    it('refuses an except it does not know, naming it', async () => {
      const user = await createUser(t.app);
      const here = await signInAs(user);
      const res = await inject('DELETE', '/user/me/sessions?except=others', {
        token: here.access_token,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        status: 400,
        name: 'ValidationError',
        message: 'Validation failed',
        errors: { except: ['except must be "current"'] },
      });
      expect((await me(here.access_token)).statusCode).toBe(200);
    });
  });

  describe('who may call them', () => {
    const routes = [
      ['GET', '/user/me/sessions'],
      ['DELETE', '/user/me/sessions/00000000-0000-4000-8000-000000000000'],
      ['DELETE', '/user/me/sessions?except=current'],
    ] as const;

    it.each(routes)(
      '%s %s: an API client or an app acting for a user gets 403, no token 401',
      async (method, url) => {
        const client = await clientToken(t.app, setup.app);
        const grant = await delegatedTokens(t.app, setup);
        const asClient = await inject(method, url, { token: client });
        expect(asClient.statusCode).toBe(403);
        expect(asClient.json().message).toBe(
          "API client tokens may only read the project's entry types, entries and media",
        );
        const asApp = await inject(method, url, { token: grant.access_token });
        expect(asApp.statusCode).toBe(403);
        expect((await inject(method, url)).statusCode).toBe(401);
        // The app's own session was not touched.
        const read = await inject('GET', `/project/${setup.projectId}/entry/`, {
          token: grant.access_token,
        });
        expect(read.statusCode).toBe(200);
      },
    );
  });
});
