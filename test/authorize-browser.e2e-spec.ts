import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { TestApp } from './helpers/app';
import { adminPoster, listeningApp, redirectListener } from './helpers/listening';
import { createUser } from './helpers/auth';
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser } from './helpers/browser';

const TIMEOUT = 60_000;

/**
 * The authorization code grant in a real browser: headless Chromium opens
 * the authorization URL, signs in through the labelled form, allows access,
 * and lands on the app's redirect URI with code, state and iss.
 */
describeInBrowser('authorization code grant in a real browser (headless Chromium)', () => {
  let t: TestApp | undefined;
  let listener: Awaited<ReturnType<typeof redirectListener>> | undefined;
  let browser: Browser | undefined;
  let issuer: URL;
  let projectId: number;
  let app: { clientId: string; clientSecret: string };
  let member: { email: string; password: string };

  beforeAll(async () => {
    listener = await redirectListener();
    ({ t, issuer } = await listeningApp());
    const call = await adminPoster(t, issuer);
    projectId = (await call('/project/', { name: 'Browser Shop' })).id as number;
    const created = await call(`/project/${projectId}/client/`, {
      name: 'Browser App',
      redirectUris: [listener.url],
    });
    app = { clientId: created.clientId as string, clientSecret: created.clientSecret as string };
    member = await createUser(t.app, { name: 'Author' });
    await call(`/project/${projectId}/member/`, { email: member.email, membershipType: 'author' });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (listener) {
      listener.server.closeAllConnections();
      await new Promise((resolve) => listener!.server.close(resolve));
    }
  }, TIMEOUT);

  it(
    'sign in and allow: the browser lands on the redirect URI with code, state and iss; the code exchanges for tokens',
    async () => {
      const verifier = randomBytes(32).toString('base64url');
      const state = randomBytes(16).toString('base64url');
      const authorizeUrl = new URL('/oauth/authorize', issuer);
      authorizeUrl.search = new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: listener!.url,
        scope: 'read write',
        state,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();

      const screenshots = mkdtempSync(join(tmpdir(), 'tessera-authorize-'));
      const context = await browser!.newContext();
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error')
            problems.push(`${message.text()} (${message.location().url})`);
        });
        page.on('pageerror', (error) => problems.push(error.message));

        const signInPage = await page.goto(authorizeUrl.href);
        expect(signInPage?.status()).toBe(200);
        await expect(page.title()).resolves.toBe('Sign in · Tessera');
        await page.getByRole('heading', { name: 'Sign in to continue' }).waitFor();
        const signInShot = join(screenshots, 'sign-in.png');
        await page.screenshot({ path: signInShot, fullPage: true });
        console.log(`sign-in page screenshot: ${signInShot}`);

        await page.getByLabel('Email').fill(member.email);
        await page.getByLabel('Password').fill(member.password);
        await page.getByRole('button', { name: 'Sign in' }).click();

        await page.getByRole('heading', { name: 'Allow Browser App?' }).waitFor();
        await expect(page.title()).resolves.toBe('Allow access · Tessera');
        await expect(page.getByText('Browser Shop').first().isVisible()).resolves.toBe(true);
        const consentShot = join(screenshots, 'consent.png');
        await page.screenshot({ path: consentShot, fullPage: true });
        console.log(`consent page screenshot: ${consentShot}`);

        await page.getByRole('button', { name: 'Allow' }).click();
        await page.waitForURL((url) => url.href.startsWith(`${listener!.url}?`));
        await page.getByRole('heading', { name: 'Back in the app' }).waitFor();

        const landed = new URL(page.url());
        expect(landed.origin + landed.pathname).toBe(listener!.url);
        const code = landed.searchParams.get('code');
        expect(code).toMatch(/^[\w-]{43}$/);
        expect(landed.searchParams.get('state')).toBe(state);
        expect(landed.searchParams.get('iss')).toBe(issuer.origin);
        expect(listener!.received.map((url) => url.href)).toContain(landed.href);
        // No CSP violation, failed load or script error along the way.
        expect(problems).toEqual([]);

        const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
        const exchange = await fetch(new URL('/oauth/token', issuer), {
          method: 'POST',
          headers: { authorization: `Basic ${basic}` },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: code!,
            redirect_uri: listener!.url,
            code_verifier: verifier,
          }),
        });
        expect(exchange.status).toBe(200);
        const tokens = (await exchange.json()) as Record<string, unknown>;
        expect(tokens).toEqual({
          access_token: expect.any(String),
          token_type: 'bearer',
          expires_in: 300,
          refresh_token: expect.any(String),
          scope: 'read write',
        });
        const entries = await fetch(new URL(`/project/${projectId}/entry/`, issuer), {
          headers: { authorization: `Bearer ${tokens.access_token as string}` },
        });
        expect(entries.status).toBe(200);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
