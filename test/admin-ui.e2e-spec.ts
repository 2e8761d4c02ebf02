import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { adminBuildDir } from '../src/admin-ui/admin-ui-files';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser } from './helpers/auth';

const ADMIN = { 'x-tessera-admin': '1' };
const COOKIE = 'tessera_admin_session';

/** The admin session cookie a response sets: its value and attributes. */
function sessionCookie(res: LightMyRequestResponse) {
  const header = [res.headers['set-cookie'] ?? []]
    .flat()
    .find((cookie) => cookie.startsWith(`${COOKIE}=`));
  if (!header) return null;
  const [pair, ...attributes] = header.split(/;\s*/);
  return {
    value: pair.slice(COOKIE.length + 1),
    attributes: attributes.map((attribute) => attribute.toLowerCase()),
    header,
  };
}

const cookieHeader = (value: string) => ({ cookie: `${COOKIE}=${value}` });

/** The CSP directive's sources, e.g. `style-src` → ["'self'", "'nonce-…'"]. */
function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

describe('the admin UI at /admin', () => {
  let t: TestApp;
  const built = adminBuildDir();

  beforeAll(async () => {
    if (!existsSync(join(built, 'index.html'))) {
      throw new Error(`${built}/index.html is missing: run \`npm run build\` first`);
    }
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
  });

  afterAll(() => t?.close());

  describe('serving', () => {
    it('/admin and /admin/ answer the app, never cached, with a CSP of its own and a fresh nonce each time', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/admin' });
      const second = await t.app.inject({ method: 'GET', url: '/admin/' });
      const nonces = [first, second].map((res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.body).toContain('<div id="root"></div>');
        const csp = String(res.headers['content-security-policy']);
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/data:|https:|\*/);
        for (const name of ['default-src', 'script-src', 'connect-src', 'font-src']) {
          expect(directive(csp, name)).toEqual(["'self'"]);
        }
        // Media thumbnails, fetched with the access token, are shown from blob: URLs: images only.
        expect(directive(csp, 'img-src')).toEqual(["'self'", 'blob:']);
        expect(csp.match(/blob:/g)).toHaveLength(1);
        expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
        const [self, nonceSource] = directive(csp, 'style-src');
        expect(self).toBe("'self'");
        const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(nonceSource)?.[1];
        expect(nonce).toBeDefined();
        // Written into the page for Mantine's <style>, and the placeholder gone.
        expect(res.body).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
        expect(res.body).not.toContain('__TESSERA_CSP_NONCE__');
        // No inline script for the CSP to refuse.
        expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        return nonce;
      });
      expect(nonces[0]).not.toBe(nonces[1]);
    });

    it('hashed assets are cached for a year, immutable, sent compressed; a missing asset is a 404, not the page', async () => {
      const assets = readdirSync(join(built, 'assets'));
      const script = assets.find((name) => name.endsWith('.js') && name.startsWith('index-'))!;
      const res = await t.app.inject({ method: 'GET', url: `/admin/assets/${script}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const stylesheet = assets.find((name) => name.endsWith('.css'))!;
      const css = await t.app.inject({ method: 'GET', url: `/admin/assets/${stylesheet}` });
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      // Compressed once at build time: brotli or gzip as the browser accepts, never re-compressed per request.
      const original = readFileSync(join(built, 'assets', script));
      for (const [accept, encoding, decode] of [
        ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
      ] as const) {
        const packed = await t.app.inject({
          method: 'GET',
          url: `/admin/assets/${script}`,
          headers: { 'accept-encoding': accept },
        });
        expect(packed.statusCode).toBe(200);
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(packed.headers['content-type']).toMatch(/^(application|text)\/javascript/);
        expect(packed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(packed.headers.vary).toMatch(/accept-encoding/i);
        expect(packed.rawPayload.length).toBeLessThan(original.length / 2);
        expect(decode(packed.rawPayload).equals(original)).toBe(true);
      }
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.rawPayload.equals(original)).toBe(true);

      const missing = await t.app.inject({ method: 'GET', url: '/admin/assets/missing-abc123.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ status: 404, name: 'NotFoundError' });
      const escape = await t.app.inject({
        method: 'GET',
        url: '/admin/assets/..%2f..%2f..%2fpackage.json',
      });
      expect(escape.statusCode).toBe(404);
      expect(escape.body).not.toContain('"workspaces"');
    });

    it("the app's own routes (deep links, reloads) fall back to index.html", async () => {
      for (const url of [
        '/admin/projects',
        '/admin/projects/12/entries?page=2',
        '/admin/sign-in',
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.body).toContain('<div id="root"></div>');
      }
    });

    it('GET / sends a browser to /admin/; an API caller gets a 404', async () => {
      const browser = await t.app.inject({
        method: 'GET',
        url: '/',
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(browser.statusCode).toBe(302);
      expect(browser.headers.location).toBe('/admin/');
      const api = await t.app.inject({
        method: 'GET',
        url: '/',
        headers: { accept: 'application/json' },
      });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ status: 404 });
    });

    it('is not an API operation: /spec documents the session routes only', () => {
      const paths = Object.keys(t.spec.paths).filter((path) => path.startsWith('/admin'));
      expect(paths.sort()).toEqual([
        '/admin/session',
        '/admin/session/password',
        '/admin/session/refresh',
      ]);
      expect(t.spec.paths['/']).toBeUndefined();
    });
  });

  describe('the session: access token in the body, refresh token in an HttpOnly cookie', () => {
    let user: { id: number; email: string; password: string };

    beforeAll(async () => {
      user = await createUser(t.app, { name: 'Admin UI user' });
    });

    const signIn = () =>
      t.app.inject({
        method: 'POST',
        url: '/admin/session',
        headers: ADMIN,
        payload: { email: user.email, password: user.password },
      });

    const refresh = (cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/session/refresh',
        headers: { ...ADMIN, ...cookieHeader(cookie) },
      });

    it('sign-in answers an access token and no refresh token; the cookie is HttpOnly, SameSite=Strict, on the session path only', async () => {
      const res = await signIn();
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 300,
      });
      const cookie = sessionCookie(res)!;
      expect(cookie.value).toMatch(/^[\w-]{43}$/);
      expect(cookie.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=strict', 'path=/admin/session']),
      );
      // Plain http here (PUBLIC_URL http://…): no Secure, which the browser would refuse to keep.
      expect(cookie.attributes).not.toContain('secure');
      const maxAge = Number(cookie.attributes.find((a) => a.startsWith('max-age='))?.slice(8));
      expect(maxAge).toBeGreaterThan(1_209_000);
      expect(maxAge).toBeLessThanOrEqual(1_209_600);

      const me = await t.app.inject({
        method: 'GET',
        url: '/user/me',
        headers: bearer(body.access_token),
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().email).toBe(user.email);
    });

    it('refuses every session route without X-Tessera-Admin: 1, so a cross-site form cannot use the cookie', async () => {
      const cookie = sessionCookie(await signIn())!.value;
      const attempts = [
        {
          method: 'POST' as const,
          url: '/admin/session',
          payload: { email: user.email, password: user.password },
        },
        { method: 'POST' as const, url: '/admin/session/refresh' },
        { method: 'DELETE' as const, url: '/admin/session' },
      ];
      for (const attempt of attempts) {
        const res = await t.app.inject({ ...attempt, headers: cookieHeader(cookie) });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          status: 400,
          name: 'ValidationError',
          errors: { 'x-tessera-admin': [expect.any(String)] },
        });
        expect(sessionCookie(res)).toBeNull();
      }
      // The cookie survived all three: it still renews.
      expect((await refresh(cookie)).statusCode).toBe(200);
    });

    it('another origin cannot send the header: CORS preflights do not allow it', async () => {
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/admin/session/refresh',
        headers: {
          origin: 'https://elsewhere.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-tessera-admin',
        },
      });
      expect(String(preflight.headers['access-control-allow-headers'] ?? '')).not.toMatch(
        /x-tessera-admin/i,
      );
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('a wrong password is a 401 in words, and sets no cookie; a malformed body is a 400 naming the field', async () => {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/admin/session',
        headers: ADMIN,
        payload: { email: user.email, password: 'not the password' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({
        status: 401,
        message: 'The email or password is incorrect',
      });
      expect(sessionCookie(wrong)).toBeNull();

      const malformed = await t.app.inject({
        method: 'POST',
        url: '/admin/session',
        headers: ADMIN,
        payload: { email: 'not an email', password: 'x' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().errors).toHaveProperty('email');
    });

    it('refresh rotates the cookie and answers a new access token', async () => {
      const first = sessionCookie(await signIn())!.value;
      const res = await refresh(first);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Object.keys(res.json()).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
      const next = sessionCookie(res)!;
      expect(next.value).not.toBe(first);
      expect(next.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=strict', 'path=/admin/session']),
      );
      const me = await t.app.inject({
        method: 'GET',
        url: '/user/me',
        headers: bearer(res.json().access_token),
      });
      expect(me.statusCode).toBe(200);
      // And the next cookie renews in turn.
      expect((await refresh(next.value)).statusCode).toBe(200);
    });

    it('without a cookie, refresh is a 401 (not signed in)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/admin/session/refresh',
        headers: ADMIN,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, message: 'Not signed in' });
    });

    it('reuse detection: a cookie presented twice ends the session — its access tokens and its newest cookie too', async () => {
      const first = sessionCookie(await signIn())!.value;
      const renewed = await refresh(first);
      const second = sessionCookie(renewed)!.value;
      const access = renewed.json().access_token as string;

      const replay = await refresh(first);
      expect(replay.statusCode).toBe(401);
      expect(replay.json().message).toMatch(/renewed twice/);
      // The cookie is cleared in the browser that replayed it.
      expect(sessionCookie(replay)!.attributes).toEqual(
        expect.arrayContaining(['path=/admin/session', 'max-age=0']),
      );

      expect((await refresh(second)).statusCode).toBe(401);
      const me = await t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(access) });
      expect(me.statusCode).toBe(401);
    });

    it('sign-out ends the session: the access token stops at once, the cookie no longer renews and is cleared', async () => {
      const signedIn = await signIn();
      const cookie = sessionCookie(signedIn)!.value;
      const access = signedIn.json().access_token as string;

      const out = await t.app.inject({
        method: 'DELETE',
        url: '/admin/session',
        headers: { ...ADMIN, ...cookieHeader(cookie) },
      });
      expect(out.statusCode).toBe(204);
      expect(sessionCookie(out)!.attributes).toEqual(
        expect.arrayContaining(['path=/admin/session', 'max-age=0']),
      );
      expect(
        (await t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(access) }))
          .statusCode,
      ).toBe(401);
      expect((await refresh(cookie)).statusCode).toBe(401);

      // Signing out again, or without a cookie, is still a 204.
      const again = await t.app.inject({ method: 'DELETE', url: '/admin/session', headers: ADMIN });
      expect(again.statusCode).toBe(204);
    });

    it('a password change ends every session and begins a new one in the cookie; a wrong current password changes nothing', async () => {
      const changer = await createUser(t.app, { name: 'Changer' });
      const begin = () =>
        t.app.inject({
          method: 'POST',
          url: '/admin/session',
          headers: ADMIN,
          payload: { email: changer.email, password: changer.password },
        });
      const signedIn = await begin();
      const elsewhere = sessionCookie(await begin())!.value;
      const cookie = sessionCookie(signedIn)!.value;
      const access = signedIn.json().access_token as string;
      const change = (payload: object, headers: Record<string, string> = ADMIN) =>
        t.app.inject({
          method: 'POST',
          url: '/admin/session/password',
          headers: { ...headers, ...bearer(access) },
          payload,
        });

      const wrong = await change({
        currentPassword: 'not it at all',
        newPassword: 'a new passphrase',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual({ currentPassword: expect.any(Array) });
      expect(sessionCookie(wrong)).toBeNull();
      const short = await change({ currentPassword: changer.password, newPassword: 'short' });
      expect(short.statusCode).toBe(400);
      expect(Object.keys(short.json().errors)).toEqual(['newPassword']);
      const headerless = await change(
        { currentPassword: changer.password, newPassword: 'a new passphrase' },
        {},
      );
      expect(headerless.statusCode).toBe(400);

      const changed = await change({
        currentPassword: changer.password,
        newPassword: 'a new passphrase',
      });
      expect(changed.statusCode).toBe(204);
      expect(changed.headers['cache-control']).toBe('no-store');
      const next = sessionCookie(changed)!;
      expect(next.value).toMatch(/^[\w-]{43}$/);
      expect(next.value).not.toBe(cookie);
      expect(next.attributes).toEqual(expect.arrayContaining(['httponly', 'path=/admin/session']));

      // Every earlier session is over: this tab's access token and cookie, the other sign-in.
      expect(
        (await t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(access) }))
          .statusCode,
      ).toBe(401);
      expect((await refresh(cookie)).statusCode).toBe(401);
      expect((await refresh(elsewhere)).statusCode).toBe(401);
      // The new cookie renews; the new password signs in, the old one no longer does.
      const renewed = await refresh(next.value);
      expect(renewed.statusCode).toBe(200);
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: '/user/me',
            headers: bearer(renewed.json().access_token),
          })
        ).json().email,
      ).toBe(changer.email);
      expect((await begin()).statusCode).toBe(401);
      const withNew = await t.app.inject({
        method: 'POST',
        url: '/admin/session',
        headers: ADMIN,
        payload: { email: changer.email, password: 'a new passphrase' },
      });
      expect(withNew.statusCode).toBe(200);
    });

    it('a cookie that names no session is a 401 in words', async () => {
      const res = await refresh('x'.repeat(43));
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe('The session has ended: sign in again');
    });
  });
});

describe('ADMIN_UI=off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ADMIN_UI: 'off' } });
  });

  afterAll(() => t?.close());

  it('/admin, its files, its session routes and the / redirect all answer 404', async () => {
    const html = { accept: 'text/html' };
    const requests = [
      { method: 'GET' as const, url: '/admin' },
      { method: 'GET' as const, url: '/admin/' },
      { method: 'GET' as const, url: '/admin/projects' },
      { method: 'GET' as const, url: '/admin/favicon.svg' },
      { method: 'GET' as const, url: '/', headers: html },
      {
        method: 'POST' as const,
        url: '/admin/session',
        headers: ADMIN,
        payload: { email: 'a@example.com', password: 'x' },
      },
      { method: 'POST' as const, url: '/admin/session/refresh', headers: ADMIN },
      { method: 'DELETE' as const, url: '/admin/session', headers: ADMIN },
    ];
    for (const request of requests) {
      const res = await t.app.inject(request);
      expect({ url: request.url, status: res.statusCode }).toEqual({
        url: request.url,
        status: 404,
      });
      expect(res.json()).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
  });
});
