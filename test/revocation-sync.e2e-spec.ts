import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response as Injected } from 'light-my-request';
import passport from 'passport';
import { JwtStrategy } from '../src/auth/jwt.strategy';
import { EmbeddedDatabaseInUseError } from '../src/database/embedded-database';
import { RevocationService } from '../src/tokens/revocation.service';
import { createTestApp, fileDatabaseSource, TestApp, usingPostgres } from './helpers/app';
import { bearer, clientToken, createUser, decodeJwt, signIn, Tokens } from './helpers/auth';
import { delegatedTokens, publisher } from './helpers/delegation';
import { eventually, sleep } from './helpers/eventually';

/**
 * Every instance signs and checks tokens with one secret, as a deployment
 * behind a load balancer does; without it each test app would generate its own.
 */
const GRACE_SECONDS = 1;
const ENV = {
  TOKEN_RATE_LIMIT_PER_MINUTE: '400',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  RENEWAL_GRACE_SECONDS: String(GRACE_SECONDS),
};
const REVOKED = 'The access token has been revoked';
const POLL_EVERY_MS = 50;
const PROPAGATION_LIMIT_MS = 1000;

type User = Awaited<ReturnType<typeof createUser>>;

/** The shared sign-in (which fails unless 200), checking the token response's shape too. */
async function signInOn(t: TestApp, user: User): Promise<Tokens> {
  const tokens = await signIn(t.app, user.email, user.password);
  expect(tokens).toMatchObject({
    access_token: expect.any(String),
    refresh_token: expect.any(String),
    token_type: 'bearer',
  });
  return tokens;
}

function me(t: TestApp, accessToken: string) {
  return t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(accessToken) });
}

async function logout(t: TestApp, accessToken: string): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: '/logout', headers: bearer(accessToken) });
  expect(res.statusCode).toBe(204);
  expect(res.body).toBe('');
}

function refresh(t: TestApp, refreshToken: string) {
  return t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }).toString(),
  });
}

/** contentjet-ui's renewal: its access token sent as the refresh token. */
function renewOn(t: TestApp, accessToken: string) {
  return t.app.inject({
    method: 'POST',
    url: '/token-refresh',
    payload: { refresh_token: accessToken, grant_type: 'refresh_token' },
  });
}

async function expectAccepted(t: TestApp, accessToken: string, email: string): Promise<void> {
  const res = await me(t, accessToken);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ email });
}

async function expectRevoked(t: TestApp, accessToken: string): Promise<void> {
  const res = await me(t, accessToken);
  expect(res.statusCode).toBe(401);
  expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  expect(res.json()).toEqual({ status: 401, name: 'UnauthorizedError', message: REVOKED });
}

async function expectRefreshRefused(t: TestApp, refreshToken: string): Promise<void> {
  const res = await refresh(t, refreshToken);
  expect(res.statusCode).toBe(400);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.json()).toMatchObject({
    status: 400,
    error: 'invalid_grant',
    error_description: 'The refresh token is invalid, expired or revoked',
  });
}

/**
 * Passport keeps strategies in one registry per process, so with several apps
 * in one test process the newest app's JwtStrategy — and its deny-list — checks
 * bearer tokens for all of them. Only on that app does a request test the
 * instance's own deny-list; this proves `t` is it.
 */
function expectOwnTokenChecks(t: TestApp): void {
  const registry = passport as unknown as { _strategy(name: string): unknown };
  expect(registry._strategy('jwt')).toBe(t.app.get(JwtStrategy));
}

/**
 * Logout must hold on every instance, not just the one that took it:
 * through NOTIFY while they run, and from the database when they boot.
 */
describe('revocation reaches every instance', () => {
  beforeAll(() => fileDatabaseSource());

  if (usingPostgres()) {
    describe('on Postgres, instances sharing one database', () => {
      const apps: TestApp[] = [];
      let a: TestApp;
      let b: TestApp;

      beforeAll(async () => {
        apps.push((a = await createTestApp({ env: ENV })));
        apps.push((b = await createTestApp({ env: ENV })));
      });

      afterAll(async () => {
        // Newest first: each close puts back the environment the one before it saw.
        for (const t of apps.reverse()) await t.close();
      });

      it('a logout on A is refused on B within a second, and its refresh token with it', async () => {
        const user = await createUser(a.app);
        const tokens = await signInOn(a, user);
        await expectAccepted(a, tokens.access_token, user.email);
        await expectAccepted(b, tokens.access_token, user.email);

        // A records the logout; B learns of it only through the database.
        expectOwnTokenChecks(b);
        await logout(a, tokens.access_token);

        // B's answers until it refuses the token; the last one is checked below.
        let res!: Injected;
        const elapsed = await eventually(
          async () => (res = await me(b, tokens.access_token)).statusCode !== 200,
          { withinMs: PROPAGATION_LIMIT_MS, everyMs: POLL_EVERY_MS },
        );
        expect(res.statusCode).toBe(401);
        expect(elapsed).toBeLessThan(PROPAGATION_LIMIT_MS);
        expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
        expect(res.json()).toEqual({ status: 401, name: 'UnauthorizedError', message: REVOKED });

        await expectRefreshRefused(b, tokens.refresh_token);
      });

      it('a logout on A leaves the other sessions working on B', async () => {
        const user = await createUser(a.app);
        const ended = await signInOn(a, user);
        const kept = await signInOn(b, user);

        expectOwnTokenChecks(b);
        await logout(a, ended.access_token);
        await sleep(PROPAGATION_LIMIT_MS);

        await expectRevoked(b, ended.access_token);
        await expectAccepted(a, kept.access_token, user.email);
        await expectAccepted(b, kept.access_token, user.email);
        const res = await refresh(b, kept.refresh_token);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ refresh_token: expect.any(String) });
      });

      it('signing out one session from the account page on A stops it on B within a second', async () => {
        const user = await createUser(a.app);
        const here = await signInOn(a, user);
        const lost = await signInOn(b, user);
        const lostId = decodeJwt(lost.access_token).payload.sid as string;
        await expectAccepted(b, lost.access_token, user.email);

        expectOwnTokenChecks(b);
        const res = await a.app.inject({
          method: 'DELETE',
          url: `/user/me/sessions/${lostId}`,
          headers: bearer(here.access_token),
        });
        expect(res.statusCode).toBe(204);
        // B's deny-list learns it by NOTIFY (its session check would refuse it anyway).
        await eventually(
          () => Promise.resolve(b.app.get(RevocationService).isRevoked('any', lostId)),
          {
            withinMs: PROPAGATION_LIMIT_MS,
            everyMs: POLL_EVERY_MS,
          },
        );
        await expectRevoked(b, lost.access_token);
        await expectRefreshRefused(b, lost.refresh_token);
        await expectAccepted(b, here.access_token, user.email);
      });

      it('deactivating a user on A stops their sessions in every deny-list within a second', async () => {
        const admin = await createUser(a.app, { isAdmin: true });
        const adminToken = (await signInOn(a, admin)).access_token;
        const user = await createUser(a.app);
        const tokens = await signInOn(b, user);
        const sid = decodeJwt(tokens.access_token).payload.sid as string;
        await expectAccepted(b, tokens.access_token, user.email);

        expectOwnTokenChecks(b);
        const res = await a.app.inject({
          method: 'PUT',
          url: `/user/${user.id}`,
          headers: bearer(adminToken),
          payload: { isActive: false },
        });
        expect(res.statusCode).toBe(200);
        await eventually(
          () => Promise.resolve(b.app.get(RevocationService).isRevoked('any', sid)),
          {
            withinMs: PROPAGATION_LIMIT_MS,
            everyMs: POLL_EVERY_MS,
          },
        );
        await expectRevoked(b, tokens.access_token);
        await expectRefreshRefused(b, tokens.refresh_token);
      });

      it('concurrent renewals of one access token on both instances: exactly one succeeds', async () => {
        const user = await createUser(a.app);
        const tokens = await signInOn(a, user);
        const renew = (t: TestApp) =>
          t.app.inject({
            method: 'POST',
            url: '/token-refresh',
            payload: { refresh_token: tokens.access_token, grant_type: 'refresh_token' },
          });
        const answers = await Promise.all([a, b, a, b, a, b, a, b].map(renew));
        expect(answers.filter((res) => res.statusCode === 200)).toHaveLength(1);
      });

      it("a token renewed on A on contentjet's path answers on B for its grace, then B refuses it", async () => {
        const user = await createUser(a.app);
        const tokens = await signInOn(a, user);
        expectOwnTokenChecks(b);
        const tradedAt = Date.now();
        const renewed = await renewOn(a, tokens.access_token);
        expect(renewed.statusCode).toBe(200);
        // B learns of the trade through NOTIFY, with the grace's end: it keeps
        // answering until then, and refuses only after.
        await expectAccepted(b, tokens.access_token, user.email);
        let refusedAt = 0;
        await eventually(
          async () => {
            const accepted = (await me(b, tokens.access_token)).statusCode === 200;
            if (!accepted) refusedAt = Date.now() - tradedAt;
            return !accepted;
          },
          { withinMs: GRACE_SECONDS * 1000 + PROPAGATION_LIMIT_MS, everyMs: POLL_EVERY_MS },
        );
        expect(refusedAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
        await expectRevoked(b, tokens.access_token);
        await expectAccepted(b, renewed.json().access_token, user.email);
      });

      it('deleting a client on A ends the tokens it holds for users on B within a second', async () => {
        const setup = await publisher(a.app);
        const delegated = await delegatedTokens(a.app, setup);
        const read = () =>
          b.app.inject({
            method: 'GET',
            url: `/project/${setup.projectId}/entry/`,
            headers: bearer(delegated.access_token),
          });
        expectOwnTokenChecks(b);
        expect((await read()).statusCode).toBe(200);
        const deleted = await a.app.inject({
          method: 'DELETE',
          url: `/project/${setup.projectId}/client/${setup.app.id}`,
          headers: bearer(setup.adminToken),
        });
        expect(deleted.statusCode).toBe(204);
        await eventually(async () => (await read()).statusCode === 401, {
          withinMs: PROPAGATION_LIMIT_MS,
        });
      });

      it("revoking a client's read token on A refuses it on B within a second", async () => {
        const setup = await publisher(a.app);
        const token = await clientToken(a.app, setup.app);
        const read = () =>
          b.app.inject({
            method: 'GET',
            url: `/project/${setup.projectId}/entry/`,
            headers: bearer(token),
          });
        expectOwnTokenChecks(b);
        expect((await read()).statusCode).toBe(200);
        const revoked = await a.app.inject({
          method: 'POST',
          url: '/oauth/revoke',
          payload: { token },
        });
        expect(revoked.statusCode).toBe(200);
        await eventually(async () => (await read()).statusCode === 401, {
          withinMs: PROPAGATION_LIMIT_MS,
        });
      });

      it('the per-address budget is one across instances', async () => {
        const remoteAddress = '203.0.113.99';
        const spend = (t: TestApp) =>
          t.app.inject({
            method: 'POST',
            url: '/project/1/client/authenticate',
            remoteAddress,
            payload: { client_id: 'none', client_secret: 'x', grant_type: 'client_credentials' },
          });
        const limit = Number(ENV.TOKEN_RATE_LIMIT_PER_MINUTE);
        for (let i = 0; i < limit; i += 2) {
          const answers = await Promise.all([spend(a), spend(b)]);
          expect(answers.map((res) => res.statusCode)).toEqual([401, 401]);
        }
        expect((await spend(a)).statusCode).toBe(429);
        expect((await spend(b)).statusCode).toBe(429);
      });

      it("an instance started within a renewal's grace knows when it ends", async () => {
        const user = await createUser(a.app);
        const tokens = await signInOn(a, user);
        // A longer grace than ENV's, so that it outlasts the start of another instance.
        const d = await createTestApp({ env: { ...ENV, RENEWAL_GRACE_SECONDS: '30' } });
        apps.push(d);
        expect((await renewOn(d, tokens.access_token)).statusCode).toBe(200);

        const c = await createTestApp({ env: ENV });
        apps.push(c);
        expectOwnTokenChecks(c);
        await expectAccepted(c, tokens.access_token, user.email);
        const { jti } = decodeJwt(tokens.access_token).payload as { jti: string };
        const revocation = c.app.get(RevocationService);
        expect(revocation.isRevoked(jti)).toBe(false);
        jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
        try {
          expect(revocation.isRevoked(jti)).toBe(true);
        } finally {
          jest.restoreAllMocks();
        }
      });

      it('an instance started after the logout knows it at once', async () => {
        const user = await createUser(a.app);
        const ended = await signInOn(a, user);
        const kept = await signInOn(a, user);
        await logout(a, ended.access_token);

        const c = await createTestApp({ env: ENV });
        apps.push(c);
        expectOwnTokenChecks(c);
        await expectRevoked(c, ended.access_token);
        await expectRefreshRefused(c, ended.refresh_token);
        await expectAccepted(c, kept.access_token, user.email);
      });
    });
  } else {
    describe('embedded, one instance per DATA_DIR', () => {
      let dataDir: string;
      let t: TestApp | undefined;

      beforeAll(() => {
        dataDir = mkdtempSync(join(tmpdir(), 'tessera-revocation-'));
      });

      afterAll(async () => {
        await t?.close();
        rmSync(dataDir, { recursive: true, force: true });
      });

      it('a second instance on the same data is refused, so there is no one to tell', async () => {
        t = await createTestApp({ dataDir, env: ENV });
        await expect(createTestApp({ dataDir, env: ENV })).rejects.toBeInstanceOf(
          EmbeddedDatabaseInUseError,
        );
        const res = await t.app.inject({ method: 'GET', url: '/health' });
        expect(res.statusCode).toBe(200);
      });

      it('a logout is refused at once, and still after a restart on the same DATA_DIR', async () => {
        t ??= await createTestApp({ dataDir, env: ENV });
        const user = await createUser(t.app);
        const ended = await signInOn(t, user);
        const kept = await signInOn(t, user);
        await expectAccepted(t, ended.access_token, user.email);

        await logout(t, ended.access_token);
        await expectRevoked(t, ended.access_token);
        await expectRefreshRefused(t, ended.refresh_token);
        await expectAccepted(t, kept.access_token, user.email);

        await t.close();
        t = undefined;
        t = await createTestApp({ dataDir, env: ENV });
        expectOwnTokenChecks(t);

        // The deny-list came back from the database; the signing key did too.
        await expectRevoked(t, ended.access_token);
        await expectRefreshRefused(t, ended.refresh_token);
        await expectAccepted(t, kept.access_token, user.email);
      });

      it("a renewal's grace comes back after a restart on the same DATA_DIR, with its end", async () => {
        // A grace that outlasts the restart.
        const env = { ...ENV, RENEWAL_GRACE_SECONDS: '30' };
        await t?.close();
        t = await createTestApp({ dataDir, env });
        const user = await createUser(t.app);
        const tokens = await signInOn(t, user);
        expect((await renewOn(t, tokens.access_token)).statusCode).toBe(200);

        await t.close();
        t = undefined;
        t = await createTestApp({ dataDir, env });
        expectOwnTokenChecks(t);
        await expectAccepted(t, tokens.access_token, user.email);
        const { jti } = decodeJwt(tokens.access_token).payload as { jti: string };
        const revocation = t.app.get(RevocationService);
        expect(revocation.isRevoked(jti)).toBe(false);
        jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
        try {
          expect(revocation.isRevoked(jti)).toBe(true);
        } finally {
          jest.restoreAllMocks();
        }
      });
    });
  }
});
