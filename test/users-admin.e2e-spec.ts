import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, decodeJwt, signIn, Tokens } from './helpers/auth';
import { delegatedTokens, publisher, Publisher } from './helpers/delegation';
import { RevocationService } from '../src/tokens/revocation.service';

const REVOKED = 'The access token has been revoked';

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * User administration under `/user/` (contentjet's viewset paths): global
 * admins list, search, read, create and change users; deactivating one ends
 * their sessions at once; nobody else gets in.
 */
describe('user administration', () => {
  let t: TestApp;
  let setup: Publisher;
  let admin: User & { token: string };
  let plain: User & { token: string };

  async function person(options: { isAdmin?: boolean; name?: string; email?: string } = {}) {
    const user = await createUser(t.app, options);
    return { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    setup = await publisher(t.app);
    admin = await person({ isAdmin: true, name: 'Ada Admin' });
    plain = await person({ name: 'Plain User' });
  });

  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string | undefined,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: token ? bearer(token) : {},
      payload: payload as object,
    });
  const me = (token: string) => call('GET', '/user/me', token);
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'refresh_token', refresh_token: refreshToken },
    });
  const userRow = async (id: number) =>
    (
      await t.dataSource.query(
        `SELECT email, name, is_admin, is_active, password_hash FROM "user" WHERE id = $1`,
        [id],
      )
    )[0];

  describe('who may', () => {
    const routes = [
      ['GET', '/user/'],
      ['GET', '/user/1'],
      ['POST', '/user/'],
      ['PUT', '/user/1'],
    ] as const;

    it.each(routes)(
      '%s %s: a user who is no global admin gets 403, before any 404 or 400',
      async (method, url) => {
        const body = method === 'GET' ? undefined : { isAdmin: true };
        const res = await call(method, url.replace('1', String(admin.id)), plain.token, body);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({
          status: 403,
          name: 'ForbiddenError',
          message: 'This requires a global admin',
        });
        // No email leaks: not the admin's, not anyone's.
        expect(res.body).not.toContain('@');
        if (method !== 'POST') {
          expect((await call(method, '/user/999999', plain.token, body)).statusCode).toBe(403);
        }
        expect((await userRow(plain.id)).is_admin).toBe(false);
      },
    );

    it.each(routes)(
      '%s %s: API clients and apps acting for a user get 403, no token 401',
      async (method, url) => {
        const grant = await delegatedTokens(t.app, setup);
        const client = await clientToken(t.app, setup.app);
        const body = method === 'GET' ? undefined : {};
        expect((await call(method, url, client, body)).statusCode).toBe(403);
        expect((await call(method, url, grant.access_token, body)).statusCode).toBe(403);
        const anonymous = await call(method, url, undefined, body);
        expect(anonymous.statusCode).toBe(401);
      },
    );

    it('an admin whose right was taken away is refused at once, with the token they hold', async () => {
      const former = await person({ isAdmin: true });
      expect((await call('GET', '/user/', former.token)).statusCode).toBe(200);
      const res = await call('PUT', `/user/${former.id}`, admin.token, { isAdmin: false });
      expect(res.statusCode).toBe(200);
      expect(res.json().isAdmin).toBe(false);
      expect((await call('GET', '/user/', former.token)).statusCode).toBe(403);
      // Their session goes on as a plain user's.
      expect((await me(former.token)).statusCode).toBe(200);
    });
  });

  describe('GET /user/', () => {
    let found: User[];

    beforeAll(async () => {
      found = [];
      for (const [name, email] of [
        ['Zed Quarry', 'zq@quarry.example'],
        ['Anna Quarry', 'anna@elsewhere.example'],
        ['Bob Other', 'BOB@QUARRY.example'],
        ['Percent 100%', 'percent@example.org'],
      ]) {
        found.push(await createUser(t.app, { name, email }));
      }
    });

    it('pages every user by name, as the project list pages', async () => {
      const res = await call('GET', '/user/?page=1&pageSize=2', admin.token);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const [{ n: total }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "user"`);
      expect(body).toMatchObject({
        page: 1,
        totalPages: Math.ceil(total / 2),
        totalRecords: total,
      });
      expect(body.results).toHaveLength(2);
      expect(body.results[0]).toEqual({
        id: expect.any(Number),
        email: expect.any(String),
        name: expect.any(String),
        isAdmin: expect.any(Boolean),
        isActive: expect.any(Boolean),
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      expect(body.results[0]).not.toHaveProperty('passwordHash');
      // Every user once, in name order, across the pages.
      const all = [];
      for (let page = 1; page <= body.totalPages; page++) {
        all.push(
          ...(await call('GET', `/user?page=${page}&pageSize=2`, admin.token)).json().results,
        );
      }
      const names = all.map((u: { name: string }) => u.name);
      expect(names).toHaveLength(total);
      expect(new Set(all.map((u: { id: number }) => u.id)).size).toBe(total);
      expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
      const past = (await call('GET', '/user/?page=99', admin.token)).json();
      expect(past).toMatchObject({ page: 99, totalRecords: total, results: [] });
    });

    it('searches name and email, case-insensitively', async () => {
      const search = async (text: string) => {
        const res = await call('GET', `/user/?search=${encodeURIComponent(text)}`, admin.token);
        expect(res.statusCode).toBe(200);
        return res.json();
      };
      const quarry = await search('qUaRrY');
      expect(quarry.totalRecords).toBe(3);
      expect(quarry.results.map((u: { name: string }) => u.name)).toEqual([
        'Anna Quarry',
        'Bob Other',
        'Zed Quarry',
      ]);
      expect((await search('elsewhere.EXAMPLE')).results.map((u: { id: number }) => u.id)).toEqual([
        found[1].id,
      ]);
      // % and _ are the characters typed, not wildcards.
      expect((await search('100%')).results.map((u: { id: number }) => u.id)).toEqual([
        found[3].id,
      ]);
      expect((await search('%')).totalRecords).toBe(1);
      expect(await search('nobody-has-this')).toEqual({
        page: 1,
        totalPages: 0,
        totalRecords: 0,
        results: [],
      });
      // An empty search is no filter.
      const all = await search('');
      const [{ n: total }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "user"`);
      expect(all.totalRecords).toBe(total);
    });

    it('refuses bad paging and unknown parameters, naming them', async () => {
      const res = await call('GET', '/user/?pageSize=500&page=0&color=red', admin.token);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        name: 'ValidationError',
        errors: {
          pageSize: expect.any(Array),
          page: expect.any(Array),
          color: expect.any(Array),
        },
      });
    });
  });

  describe('GET /user/:userId', () => {
    it('answers the user, with email, to an admin', async () => {
      const res = await call('GET', `/user/${plain.id}`, admin.token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: plain.id,
        email: plain.email,
        name: 'Plain User',
        isAdmin: false,
        isActive: true,
      });
      // With a trailing slash too (contentjet-ui builds `<collection>/<id>/`).
      expect((await call('GET', `/user/${plain.id}/`, admin.token)).json().id).toBe(plain.id);
    });

    it.each(['999999', 'abc', '0', '1e3'])('is a 404 for /user/%s', async (id) => {
      const res = await call('GET', `/user/${id}`, admin.token);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ status: 404, name: 'NotFoundError', message: 'User not found' });
    });

    it('leaves /user/me as it was: the caller', async () => {
      const res = await me(admin.token);
      expect(res.json()).toMatchObject({ id: admin.id, email: admin.email });
    });
  });

  describe('POST /user/', () => {
    it('creates a user as the CLI does: password hashed with argon2id, able to sign in', async () => {
      const res = await call('POST', '/user/', admin.token, {
        email: 'New.Person@Example.com',
        password: 'a long enough password',
        name: ' New Person ',
      });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toEqual({
        id: expect.any(Number),
        email: 'New.Person@Example.com',
        name: 'New Person',
        isAdmin: false,
        isActive: true,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      const row = await userRow(created.id);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const tokens = await signIn(t.app, 'new.person@example.com', 'a long enough password');
      expect((await me(tokens.access_token)).json().id).toBe(created.id);
    });

    it('may make a global admin', async () => {
      const res = await call('POST', '/user', admin.token, {
        email: `second-admin-${Date.now()}@example.com`,
        password: 'a long enough password',
        name: 'Second Admin',
        isAdmin: true,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().isAdmin).toBe(true);
      expect((await userRow(res.json().id)).is_admin).toBe(true);
    });

    it('refuses an email already taken, whatever its case, with 409', async () => {
      const res = await call('POST', '/user/', admin.token, {
        email: plain.email.toUpperCase(),
        password: 'a long enough password',
        name: 'Copy',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        status: 409,
        name: 'ConflictError',
        message: 'A user with this email already exists',
      });
    });

    it('refuses bad input, naming each field', async () => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM "user"`))[0].n;
      const res = await call('POST', '/user/', admin.token, {
        email: 'not an email',
        password: 'short',
        name: '',
        isAdmin: 'yes',
        role: 'owner',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        status: 400,
        name: 'ValidationError',
        errors: {
          email: ['email must be a valid email address'],
          password: ['password must be at least 8 characters'],
          name: ['name must be between 1 and 128 characters'],
          isAdmin: expect.any(Array),
          role: expect.any(Array),
        },
      });
      const missing = await call('POST', '/user/', admin.token, {});
      expect(Object.keys(missing.json().errors).sort()).toEqual(['email', 'name', 'password']);
      const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM "user"`))[0].n;
      expect(after).toBe(before);
    });
  });

  describe('PUT /user/:userId', () => {
    it('changes name, email and admin right; sends back read-only fields ignored', async () => {
      const target = await createUser(t.app, { name: 'Before' });
      const read = (await call('GET', `/user/${target.id}`, admin.token)).json();
      const newEmail = `renamed-${Date.now()}@example.com`;
      const res = await call('PUT', `/user/${target.id}/`, admin.token, {
        ...read,
        id: 12345,
        createdAt: '2000-01-01T00:00:00.000Z',
        name: 'After',
        email: newEmail,
        isAdmin: true,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: target.id,
        name: 'After',
        email: newEmail,
        isAdmin: true,
        isActive: true,
        createdAt: read.createdAt,
      });
      expect(Date.parse(res.json().modifiedAt)).toBeGreaterThan(Date.parse(read.modifiedAt));
      const row = await userRow(target.id);
      expect(row).toMatchObject({ name: 'After', email: newEmail, is_admin: true });
      // A field not given stays.
      const partial = await call('PUT', `/user/${target.id}`, admin.token, { name: 'Again' });
      expect(partial.json()).toMatchObject({ name: 'Again', email: newEmail, isAdmin: true });
    });

    it('refuses an email another user has (409), and bad input naming each field (400)', async () => {
      const target = await createUser(t.app);
      const taken = await call('PUT', `/user/${target.id}`, admin.token, {
        email: plain.email.toUpperCase(),
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().message).toBe('A user with this email already exists');
      const bad = await call('PUT', `/user/${target.id}`, admin.token, {
        name: '',
        email: 'nope',
        isAdmin: 'true',
        isActive: 0,
        password: 'not here',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({
        name: ['name must be between 1 and 128 characters'],
        email: expect.arrayContaining(['email must be a valid email address']),
        isAdmin: ['isAdmin must be true or false'],
        isActive: ['isActive must be true or false'],
        password: ['property password should not exist'],
      });
      expect((await userRow(target.id)).email).toBe(target.email);
    });

    it.each(['999999', 'abc'])('is a 404 for /user/%s', async (id) => {
      const res = await call('PUT', `/user/${id}`, admin.token, { name: 'Ghost' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('User not found');
    });

    it('never lets an admin take away their own admin right or deactivate themself', async () => {
      const self = await person({ isAdmin: true });
      const res = await call('PUT', `/user/${self.id}`, self.token, {
        isAdmin: false,
        isActive: false,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        status: 400,
        name: 'ValidationError',
        message: expect.stringMatching(/isAdmin.*isActive/),
        errors: {
          isAdmin: [
            'isAdmin cannot be false for yourself: another global admin must take your admin rights away',
          ],
          isActive: [
            'isActive cannot be false for yourself: another global admin must deactivate you',
          ],
        },
      });
      for (const change of [{ isAdmin: false }, { isActive: false }]) {
        const one = await call('PUT', `/user/${self.id}`, self.token, change);
        expect(one.statusCode).toBe(400);
        expect(Object.keys(one.json().errors)).toEqual(Object.keys(change));
      }
      expect(await userRow(self.id)).toMatchObject({ is_admin: true, is_active: true });
      expect((await me(self.token)).statusCode).toBe(200);
      // Their own name, and true for both (what the UI sends back), are fine.
      const fine = await call('PUT', `/user/${self.id}`, self.token, {
        name: 'Still Admin',
        isAdmin: true,
        isActive: true,
      });
      expect(fine.statusCode).toBe(200);
      expect(fine.json()).toMatchObject({ name: 'Still Admin', isAdmin: true, isActive: true });
    });

    it('of admins demoting each other at once, one succeeds: an admin remains', async () => {
      // Several pairs at once, so the requests of a pair interleave however they may.
      const pairs = await Promise.all(
        Array.from({ length: 4 }, async () => [
          await person({ isAdmin: true }),
          await person({ isAdmin: true }),
        ]),
      );
      const answers = await Promise.all(
        pairs.flatMap(([a, b]) => [
          call('PUT', `/user/${b.id}`, a.token, { isAdmin: false }),
          call('PUT', `/user/${a.id}`, b.token, { isAdmin: false }),
        ]),
      );
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i];
        const statuses = [answers[2 * i].statusCode, answers[2 * i + 1].statusCode];
        expect(statuses.sort()).toEqual([200, 403]);
        const rows = [await userRow(a.id), await userRow(b.id)];
        expect(rows.filter((row) => row.is_admin)).toHaveLength(1);
      }
    });
  });

  describe('deactivation', () => {
    /** A user signed in twice and letting an app act for them. */
    async function victim(): Promise<{ user: User; web: Tokens; phone: Tokens; app: Tokens }> {
      const user = await createUser(t.app);
      await call('POST', `/project/${setup.projectId}/member/`, setup.adminToken, {
        email: user.email,
        membershipType: 'author',
      });
      const web = await signIn(t.app, user.email, user.password);
      const phone = await signIn(t.app, user.email, user.password);
      const app = await delegatedTokens(t.app, { ...setup, member: user });
      return { user, web, phone, app };
    }

    const entries = (token: string) => call('GET', `/project/${setup.projectId}/entry/`, token);

    it('ends every session at once: access tokens, refresh tokens, apps’ grants', async () => {
      const { user, web, phone, app } = await victim();
      expect((await me(web.access_token)).statusCode).toBe(200);
      expect((await entries(phone.access_token)).statusCode).toBe(200);
      expect((await entries(app.access_token)).statusCode).toBe(200);

      const res = await call('PUT', `/user/${user.id}`, admin.token, { isActive: false });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, isActive: false });

      for (const token of [web.access_token, phone.access_token]) {
        const refused = await me(token);
        expect(refused.statusCode).toBe(401);
        expect(refused.json().message).toBe(REVOKED);
      }
      expect((await entries(phone.access_token)).statusCode).toBe(401);
      expect((await entries(app.access_token)).statusCode).toBe(401);
      for (const refreshToken of [web.refresh_token, phone.refresh_token]) {
        const refused = await refresh(refreshToken);
        expect(refused.statusCode).toBe(400);
        expect(refused.json()).toMatchObject({ error: 'invalid_grant' });
      }
      const live = await t.dataSource.query(
        `SELECT id FROM session WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(live).toEqual([]);
      // Signing in is refused while inactive.
      const again = await t.app.inject({
        method: 'POST',
        url: '/authenticate',
        payload: { username: user.email, password: user.password, grant_type: 'password' },
      });
      expect(again.statusCode).toBe(400);
    });

    it('stops tokens already verified and cached, through the deny-list every instance holds', async () => {
      const { user, web } = await victim();
      // Verified once: from here on the token is answered from the verified-token cache.
      expect((await me(web.access_token)).statusCode).toBe(200);
      await call('PUT', `/user/${user.id}`, admin.token, { isActive: false });
      const sid = decodeJwt(web.access_token).payload.sid as string;
      expect(t.app.get(RevocationService).isRevoked('any', sid)).toBe(true);
      // Were the database to say the user and session are fine again, the deny-list still refuses.
      await t.dataSource.query(`UPDATE "user" SET is_active = true WHERE id = $1`, [user.id]);
      await t.dataSource.query(`UPDATE session SET revoked_at = NULL WHERE user_id = $1`, [
        user.id,
      ]);
      const refused = await me(web.access_token);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().message).toBe(REVOKED);
    });

    it('reactivating lets the user sign in anew; what they held stays ended', async () => {
      const { user, web } = await victim();
      await call('PUT', `/user/${user.id}`, admin.token, { isActive: false });
      const res = await call('PUT', `/user/${user.id}`, admin.token, { isActive: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().isActive).toBe(true);
      expect((await me(web.access_token)).statusCode).toBe(401);
      expect((await refresh(web.refresh_token)).statusCode).toBe(400);
      const fresh = await signIn(t.app, user.email, user.password);
      expect((await me(fresh.access_token)).statusCode).toBe(200);
      expect((await entries(fresh.access_token)).statusCode).toBe(200);
    });

    it('other users’ sessions are untouched', async () => {
      const { user } = await victim();
      const bystander = await victim();
      await call('PUT', `/user/${user.id}`, admin.token, { isActive: false });
      expect((await me(bystander.web.access_token)).statusCode).toBe(200);
      expect((await entries(bystander.app.access_token)).statusCode).toBe(200);
      expect((await refresh(bystander.phone.refresh_token)).statusCode).toBe(200);
      expect((await me(admin.token)).statusCode).toBe(200);
    });
  });
});
