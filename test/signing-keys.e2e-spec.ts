import { createHmac, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import passport from 'passport';
import { JwtStrategy } from '../src/auth/jwt.strategy';
import { runCli } from '../src/cli/run-cli';
import type { AuthConfig } from '../src/config/configuration';
import { InvalidConfigurationError } from '../src/config/environment';
import { NotificationsService } from '../src/database/notifications.service';
import { AccessTokenService } from '../src/tokens/access-token.service';
import { generateSigningKey, openPrivateKey, signingKeyBox } from '../src/tokens/signing-key';
import { SigningKeyRepository } from '../src/tokens/signing-key.repository';
import { SigningKeyRotationService } from '../src/tokens/signing-key-rotation.service';
import { SIGNING_KEYS_CHANNEL } from '../src/tokens/signing-key.service';
import { applyEnv, createTestApp, fileDatabaseSource, TestApp, usingPostgres } from './helpers/app';
import { bearer, clientToken, createUser, decodeJwt, signIn } from './helpers/auth';
import { publisher } from './helpers/delegation';
import { onServer } from './helpers/databases';
import { eventually, sleep } from './helpers/eventually';
import { listeningApp } from './helpers/listening';
import { signAsApp, signLegacy } from './helpers/tokens';

const INVALID = { status: 401, name: 'UnauthorizedError', message: 'The access token is invalid' };
/** How long a token naming an unknown key waits before it may reload the key set again. */
const UNKNOWN_KID_RELOAD_INTERVAL_MS = 5_000;

type App = TestApp['app'];

/** Sign-ins are how these tests see which key signs: more than people make in a minute. */
const ENV = { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' };

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function me(app: App, token: string) {
  return app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) });
}

async function jwks(app: App): Promise<{ keys: Record<string, string>[] }> {
  const res = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const signers = new WeakMap<App, Promise<{ email: string; password: string }>>();

/** The kid of a token the app signs now (one user per app, signing in again). */
async function kidOfNewToken(app: App): Promise<unknown> {
  let user = signers.get(app);
  if (!user) signers.set(app, (user = createUser(app)));
  const { email, password } = await user;
  return decodeJwt((await signIn(app, email, password)).access_token).header.kid;
}

/** What the command line's rotate-signing-key does, on the app's own database and notifications. */
function rotateOn(app: App) {
  return new SigningKeyRotationService(
    app.get(SigningKeyRepository),
    app.get(NotificationsService),
    app.get(ConfigService).getOrThrow<AuthConfig>('auth'),
  ).rotate();
}

/** Reloads every instance's key set, as a rotation's announcement does. */
function announceKeys(app: App) {
  return app.get(NotificationsService).notify(SIGNING_KEYS_CHANNEL, 'test');
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('signing keys: ES256 access tokens that consumers verify offline', () => {
  describe('one instance on a real port', () => {
    let t: TestApp;
    let issuer: URL;
    let jwksUri: URL;

    beforeAll(async () => {
      ({ t, issuer } = await listeningApp());
      jwksUri = new URL('/.well-known/jwks.json', issuer);
    });

    afterAll(() => t.close());

    const verifyOffline = (token: string, keySet = createRemoteJWKSet(jwksUri)) =>
      jwtVerify(token, keySet, {
        issuer: issuer.origin,
        audience: issuer.origin,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      });

    it('publishes the public key at /.well-known/jwks.json, cacheable for a minute, nothing private', async () => {
      const res = await fetch(jwksUri);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      const body = (await res.json()) as { keys: Record<string, string>[] };
      expect(body).toEqual({
        keys: [
          {
            kty: 'EC',
            crv: 'P-256',
            x: expect.stringMatching(/^[\w-]{43}$/),
            y: expect.stringMatching(/^[\w-]{43}$/),
            kid: expect.stringMatching(/^[\w-]{43}$/),
            alg: 'ES256',
            use: 'sig',
          },
        ],
      });
      // A usable public key, and only that.
      expect(createPublicKey({ key: body.keys[0], format: 'jwk' }).type).toBe('public');
      const [{ private_key: sealed }] = await t.dataSource.query(
        `SELECT private_key FROM signing_key WHERE kid = $1`,
        [body.keys[0].kid],
      );
      expect(sealed).toMatch(/^v1\.[\w-]+$/);
      expect(JSON.stringify(body)).not.toContain(sealed.slice(3, 40));
    });

    it('lists jwks_uri in the authorization server metadata (RFC 8414)', async () => {
      const res = await fetch(new URL('/.well-known/oauth-authorization-server', issuer));
      const metadata = (await res.json()) as Record<string, unknown>;
      expect(metadata.jwks_uri).toBe(jwksUri.href);
      expect((await fetch(metadata.jwks_uri as string)).status).toBe(200);
    });

    it("user and client tokens are ES256 with the key's kid, and jose verifies them against the JWKS over HTTP", async () => {
      const user = await createUser(t.app);
      const { access_token: userToken } = await signIn(t.app, user.email, user.password);
      const setup = await publisher(t.app);
      const readToken = await clientToken(t.app, setup.app);
      const [published] = (await jwks(t.app)).keys;
      for (const token of [userToken, readToken]) {
        const { payload, protectedHeader } = await verifyOffline(token);
        expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: published.kid });
        expect(payload).toMatchObject({ iss: issuer.origin, aud: issuer.origin });
      }
      expect((await verifyOffline(userToken)).payload).toMatchObject({ userId: user.id });
      // And a token that is not ours fails there too: the check can fail.
      const [head, body] = userToken.split('.');
      const [, , other] = readToken.split('.');
      await expect(verifyOffline(`${head}.${body}.${other}`)).rejects.toThrow();
    });

    it('refuses a forged kid, alg none, HS256 keyed with the public key, another key under our kid, another algorithm, a tampered payload', async () => {
      const user = await createUser(t.app);
      const victim = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const { header, payload } = decodeJwt(access_token);
      const kid = header.kid as string;
      const { iat: _iat, exp: _exp, iss: _iss, aud: _aud, ...claims } = payload;
      let forgeries = 0;
      const fresh = () => ({ ...claims, jti: `${String(claims.jti)}-${(forgeries += 1)}` });
      const issuerAndAudience = { iss: issuer.origin, aud: issuer.origin };
      const now = Math.floor(Date.now() / 1000);
      const body = () => ({ ...fresh(), ...issuerAndAudience, iat: now, exp: now + 300 });
      const hs256 = (head: object, secret: string | Buffer) => {
        const unsigned = `${b64(head)}.${b64(body())}`;
        return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
      };
      const publicJwk = (await jwks(t.app)).keys[0];
      const publicPem = createPublicKey({ key: publicJwk, format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      });
      const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const signedBy = (headerKid: string, key = otherKey) =>
        new JwtService().sign(fresh(), {
          privateKey: key,
          algorithm: 'ES256',
          issuer: issuer.origin,
          audience: issuer.origin,
          expiresIn: 300,
          header: { alg: 'ES256', typ: 'at+jwt', kid: headerKid },
        });

      // Our own key, the same claims: accepted, so each case below fails for its one difference.
      expect((await me(t.app, signAsApp(t.app, fresh()))).statusCode).toBe(200);
      expect((await me(t.app, access_token)).statusCode).toBe(200);

      const [head, , signature] = access_token.split('.');
      const forged = {
        'an unknown kid': signedBy('forged-kid'),
        'another key under our kid': signedBy(kid),
        'alg none with our kid': `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(body())}.`,
        'alg none without a kid': `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(body())}.`,
        'HS256 keyed with the public PEM, our kid': hs256(
          { alg: 'HS256', typ: 'at+jwt', kid },
          publicPem,
        ),
        'HS256 keyed with the public PEM, no kid': hs256(
          { alg: 'HS256', typ: 'at+jwt' },
          publicPem,
        ),
        'HS256 keyed with the public JWK, our kid': hs256(
          { alg: 'HS256', typ: 'at+jwt', kid },
          JSON.stringify(publicJwk),
        ),
        'ES384 named with our kid': `${b64({ alg: 'ES384', typ: 'at+jwt', kid })}.${b64(body())}.${signature}`,
        'a kid that is not a string': signAsApp(t.app, fresh(), { header: { kid: 7 as never } }),
        'a tampered payload (another user)': `${head}.${b64({ ...payload, userId: victim.id, sub: String(victim.id) })}.${signature}`,
      };
      for (const [what, token] of Object.entries(forged)) {
        const res = await me(t.app, token);
        expect({ what, status: res.statusCode, body: res.json() }).toEqual({
          what,
          status: 401,
          body: INVALID,
        });
        expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      }
    });

    it('HS256 tokens issued before the first signing key still verify; one issued after it is refused', async () => {
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const {
        iat: _iat,
        exp: _exp,
        iss: _iss,
        aud: _aud,
        ...claims
      } = decodeJwt(access_token).payload;
      const [{ created }] = await t.dataSource.query(
        `SELECT extract(epoch FROM min(created_at))::float8 AS created FROM signing_key`,
      );
      const switchedAt = Math.floor(created);
      const now = Math.floor(Date.now() / 1000);
      const legacy = (iat: number, suffix: string) =>
        signLegacy(
          t.app,
          { ...claims, jti: `${String(claims.jti)}-${suffix}`, iat },
          { expiresIn: now + 240 - iat },
        );
      const before = legacy(switchedAt - 60, 'before');
      const after = legacy(switchedAt + 1, 'after');
      expect(decodeJwt(before).header).toEqual({ alg: 'HS256', typ: 'at+jwt' });

      const accepted = await me(t.app, before);
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ id: user.id });
      const refused = await me(t.app, after);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual(INVALID);

      // The window closes the longest token lifetime after the first key was made.
      const moved = `UPDATE signing_key SET created_at = created_at - $1::interval
                      WHERE created_at = (SELECT min(created_at) FROM signing_key)`;
      await t.dataSource.query(moved, ['2 hours']);
      try {
        await announceKeys(t.app);
        await eventually(
          async () => (await me(t.app, legacy(switchedAt - 7200 - 60, 'late'))).statusCode === 401,
          { withinMs: 1000 },
        );
        expect((await me(t.app, legacy(switchedAt - 7200 - 60, 'late-2'))).json()).toEqual(INVALID);
      } finally {
        await t.dataSource.query(moved, ['-2 hours']);
        await announceKeys(t.app);
      }
      await eventually(
        async () => (await me(t.app, legacy(switchedAt - 60, 'again'))).statusCode === 200,
        {
          withinMs: 1000,
        },
      );
    });

    it('a verified token is remembered, yet revocation and expiry still hold on the next request', async () => {
      const accessTokens = t.app.get(AccessTokenService);
      const user = await createUser(t.app);
      const tokens = await signIn(t.app, user.email, user.password);
      expect((await me(t.app, tokens.access_token)).statusCode).toBe(200);
      // Remembered: the same verified claims, not verified again.
      expect(accessTokens.verifyOrThrow(tokens.access_token)).toBe(
        accessTokens.verifyOrThrow(tokens.access_token),
      );
      await t.app.inject({ method: 'POST', url: '/logout', headers: bearer(tokens.access_token) });
      const revoked = await me(t.app, tokens.access_token);
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json().message).toBe('The access token has been revoked');

      const setup = await publisher(t.app);
      const readToken = await clientToken(t.app, setup.app);
      const read = () =>
        t.app.inject({
          method: 'GET',
          url: `/project/${setup.projectId}/entry/`,
          headers: bearer(readToken),
        });
      expect((await read()).statusCode).toBe(200);
      expect((await read()).statusCode).toBe(200);
      await t.app.inject({ method: 'POST', url: '/oauth/revoke', payload: { token: readToken } });
      expect((await read()).statusCode).toBe(401);

      // Never served past its exp.
      const other = await createUser(t.app);
      const live = await signIn(t.app, other.email, other.password);
      const {
        iat: _iat,
        exp: _exp,
        iss: _iss,
        aud: _aud,
        ...claims
      } = decodeJwt(live.access_token).payload;
      const shortLived = signAsApp(t.app, { ...claims, jti: 'short-lived' }, { expiresIn: 2 });
      expect((await me(t.app, shortLived)).statusCode).toBe(200);
      const exp = decodeJwt(shortLived).payload.exp as number;
      await sleep(exp * 1000 - Date.now() + 50);
      const expired = await me(t.app, shortLived);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().message).toBe('The access token has expired');
    });

    it('a key rotated where no announcement reached is found by the first token naming it', async () => {
      const auth = t.app.get(ConfigService).getOrThrow<AuthConfig>('auth');
      const box = signingKeyBox(auth.jwtSecret);
      const key = generateSigningKey(box);
      // Written as another instance would, but without the NOTIFY.
      await t.app.get(SigningKeyRepository).rotate(key);
      const user = await createUser(t.app);
      const { access_token } = await signIn(t.app, user.email, user.password);
      const {
        iat: _iat,
        exp: _exp,
        iss: _iss,
        aud: _aud,
        ...claims
      } = decodeJwt(access_token).payload;
      const token = new JwtService().sign(
        { ...claims, jti: 'new-kid' },
        {
          privateKey: openPrivateKey(box, key.kid, key.sealedPrivateKey),
          algorithm: 'ES256',
          issuer: auth.issuer,
          audience: auth.audience,
          expiresIn: 300,
          header: { alg: 'ES256', typ: 'at+jwt', kid: key.kid },
        },
      );
      // Unknown kids reload at most every few seconds: let the last reload age.
      await sleep(UNKNOWN_KID_RELOAD_INTERVAL_MS + 100);
      expect((await jwks(t.app)).keys.map((k) => k.kid)).not.toContain(key.kid);
      const res = await me(t.app, token);
      expect(res.statusCode).toBe(200);
      expect((await jwks(t.app)).keys[0].kid).toBe(key.kid);
      expect(await kidOfNewToken(t.app)).toBe(key.kid);
      // A kid no instance made is still refused after its reload.
      const [, body, signature] = token.split('.');
      const unknown = `${b64({ ...decodeJwt(token).header, kid: 'no-such-key' })}.${body}.${signature}`;
      expect((await me(t.app, unknown)).json()).toEqual(INVALID);
    });

    it('across a rotation: old tokens keep verifying (here and with jose), new ones carry the new kid', async () => {
      const user = await createUser(t.app);
      const old = await signIn(t.app, user.email, user.password);
      const oldKid = decodeJwt(old.access_token).header.kid;
      // A consumer that fetched the JWKS before the rotation.
      const cachedByConsumer = createRemoteJWKSet(jwksUri, { cooldownDuration: 0 });
      await verifyOffline(old.access_token, cachedByConsumer);

      const rotation = await rotateOn(t.app);
      expect(rotation).toEqual({ kid: expect.any(String), retired: [oldKid] });
      expect(rotation.kid).not.toBe(oldKid);
      await eventually(async () => (await kidOfNewToken(t.app)) === rotation.kid, {
        withinMs: 1000,
      });

      const next = await signIn(t.app, user.email, user.password);
      expect(decodeJwt(next.access_token).header).toMatchObject({
        alg: 'ES256',
        kid: rotation.kid,
      });
      const published = (await jwks(t.app)).keys.map((key) => key.kid);
      expect(published.slice(0, 2)).toEqual([rotation.kid, oldKid]);
      for (const token of [old.access_token, next.access_token]) {
        expect((await me(t.app, token)).statusCode).toBe(200);
        await verifyOffline(token);
        await verifyOffline(token, cachedByConsumer);
      }
      const rows = await t.dataSource.query(
        `SELECT kid, private_key IS NULL AS sealed_key_dropped, retired_at IS NOT NULL AS retired
           FROM signing_key WHERE kid = ANY($1) ORDER BY created_at`,
        [[oldKid, rotation.kid]],
      );
      expect(rows).toEqual([
        { kid: oldKid, sealed_key_dropped: true, retired: true },
        { kid: rotation.kid, sealed_key_dropped: false, retired: false },
      ]);

      // Once its tokens can no longer be alive, a retired key leaves the JWKS.
      await t.dataSource.query(
        `UPDATE signing_key SET retired_at = now() - interval '2 hours' WHERE kid = $1`,
        [oldKid],
      );
      await announceKeys(t.app);
      await eventually(async () => !(await jwks(t.app)).keys.some((key) => key.kid === oldKid), {
        withinMs: 1000,
      });
      expect((await jwks(t.app)).keys[0].kid).toBe(rotation.kid);
      // Nor does it verify any more, not even a token verified (and remembered) before.
      expect((await me(t.app, old.access_token)).json()).toEqual(INVALID);
      expect((await me(t.app, next.access_token)).statusCode).toBe(200);
    });
  });

  if (usingPostgres()) {
    describe('two instances on one database', () => {
      let a: TestApp;
      let b: TestApp;

      beforeAll(async () => {
        await fileDatabaseSource();
        // As on a database that has never had a key: both instances start at once.
        await onServer(process.env.DATABASE_URL!, (client) =>
          client.query(`DELETE FROM signing_key`),
        );
        [a, b] = await Promise.all([createTestApp({ env: ENV }), createTestApp({ env: ENV })]);
      });

      afterAll(async () => {
        await a?.close();
        await b?.close();
      });

      /** Each app's own verifier (passport answers every app's requests with the newest one's). */
      const acceptedBy = (t: TestApp, token: string) =>
        t.app.get(AccessTokenService).verifyPresented(token);

      it('starting together they make one key, and each accepts the other’s tokens', async () => {
        const rows = await a.dataSource.query(`SELECT kid FROM signing_key`);
        expect(rows).toHaveLength(1);
        expect((await jwks(a.app)).keys).toEqual((await jwks(b.app)).keys);
        const user = await createUser(a.app);
        const fromA = (await signIn(a.app, user.email, user.password)).access_token;
        const fromB = (await signIn(b.app, user.email, user.password)).access_token;
        expect(decodeJwt(fromA).header.kid).toBe(rows[0].kid);
        expect(decodeJwt(fromB).header.kid).toBe(rows[0].kid);
        await expect(acceptedBy(a, fromB)).resolves.toMatchObject({ userId: user.id });
        await expect(acceptedBy(b, fromA)).resolves.toMatchObject({ userId: user.id });
        const newest = (passport as unknown as { _strategy(name: string): unknown })._strategy(
          'jwt',
        );
        const checking = newest === a.app.get(JwtStrategy) ? a : b;
        for (const token of [fromA, fromB]) {
          expect((await me(checking.app, token)).statusCode).toBe(200);
        }
      });

      it('a rotation from the command line reaches both within a second; old and new tokens pass on both', async () => {
        const user = await createUser(a.app);
        const oldFromA = (await signIn(a.app, user.email, user.password)).access_token;
        const oldKid = decodeJwt(oldFromA).header.kid;

        const result = await cli('rotate-signing-key');
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        const rotation = JSON.parse(result.out);
        expect(rotation).toEqual({ kid: expect.any(String), retired: [oldKid] });

        for (const t of [a, b]) {
          const elapsed = await eventually(
            async () => (await kidOfNewToken(t.app)) === rotation.kid,
            { withinMs: 1000 },
          );
          expect(elapsed).toBeLessThan(1000);
        }
        const newFromA = (await signIn(a.app, user.email, user.password)).access_token;
        const newFromB = (await signIn(b.app, user.email, user.password)).access_token;
        for (const t of [a, b]) {
          expect((await jwks(t.app)).keys.map((key) => key.kid)).toEqual([rotation.kid, oldKid]);
          for (const token of [oldFromA, newFromA, newFromB]) {
            await expect(acceptedBy(t, token)).resolves.toMatchObject({ userId: user.id });
          }
        }
      });
    });
  }

  describe('rotate-signing-key on the command line', () => {
    let dataDir: string;
    let restoreEnv: () => void;

    beforeAll(async () => {
      await fileDatabaseSource();
      dataDir = mkdtempSync(join(tmpdir(), 'tessera-keys-'));
      restoreEnv = applyEnv({ DATA_DIR: dataDir });
    });

    afterAll(() => {
      restoreEnv();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** The server on the CLI's data: the same DATA_DIR when embedded, this file's database on Postgres. */
    const server = (env: Record<string, string> = {}) =>
      createTestApp({ dataDir, env: { ...ENV, ...env } });

    it('refuses arguments with the usage', async () => {
      const result = await cli('rotate-signing-key', '--now');
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toContain("Unknown option '--now'");
      expect(result.err).toContain('tessera rotate-signing-key');
    });

    it('makes a new key current, which the server then signs with', async () => {
      const first = await cli('rotate-signing-key');
      expect(first.code).toBe(0);
      const second = await cli('rotate-signing-key');
      expect(second.code).toBe(0);
      const [one, two] = [JSON.parse(first.out), JSON.parse(second.out)];
      expect(two.retired).toEqual([one.kid]);
      expect(first.out + second.out).not.toMatch(/private|v1\./);

      const t = await server();
      try {
        expect(await kidOfNewToken(t.app)).toBe(two.kid);
        expect((await jwks(t.app)).keys.map((key) => key.kid).slice(0, 2)).toEqual([
          two.kid,
          one.kid,
        ]);
      } finally {
        await t.close();
      }
    });

    it('a server whose JWT_SECRET does not open the key stops with one line; a rotation under that secret lets it start', async () => {
      const other = randomBytes(32).toString('base64url');
      const refused = server({ JWT_SECRET: other });
      await expect(refused).rejects.toBeInstanceOf(InvalidConfigurationError);
      await expect(refused).rejects.toThrow(
        /^JWT_SECRET does not open the current signing key [\w-]+ \(it was sealed under another secret\): give every instance the same JWT_SECRET, or run rotate-signing-key to replace the key$/,
      );

      const restore = applyEnv({ JWT_SECRET: other });
      let rotated: { kid: string; retired: string[] };
      try {
        const result = await cli('rotate-signing-key');
        expect(result.code).toBe(0);
        rotated = JSON.parse(result.out);
      } finally {
        restore();
      }
      const t = await server({ JWT_SECRET: other });
      try {
        expect(await kidOfNewToken(t.app)).toBe(rotated.kid);
        // The key sealed under the old secret still verifies its tokens.
        expect((await jwks(t.app)).keys.map((key) => key.kid)).toContain(rotated.retired[0]);
      } finally {
        await t.close();
      }
      // Back to this file's secret, for whatever runs after.
      expect((await cli('rotate-signing-key')).code).toBe(0);
    });
  });
});
