import type { Response as Injected } from 'light-my-request';
import { createTestApp, TestApp, usingPostgres } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';
import { eventually, sleep } from './helpers/eventually';
import { ADMIN_URL, DEAD_LINK, mailingEnv, seenOf, SHARED_JWT_SECRET } from './helpers/mail-env';
import { SmtpInbox, tokenInLink } from './helpers/smtp-inbox';

const NEW_PASSWORD = 'a brand new passphrase';
const NEUTRAL = {
  message: 'If an account has this address, we sent it a link to choose a new password',
};

/**
 * A forgotten password over real SMTP, following the mailed link: the same
 * answer for every address, a link that works once within the hour, and a
 * new password that ends every session of the user on every instance.
 */
describe('password reset', () => {
  let inbox: SmtpInbox;
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    env = mailingEnv(inbox);
    t = await createTestApp({ env });
  });

  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const post = (url: string, payload: object, remoteAddress?: string) =>
    t.app.inject({ method: 'POST', url, payload, ...(remoteAddress ? { remoteAddress } : {}) });
  const requestReset = (email: string) => post('/user/request-password-reset/', { email });
  const setPassword = (token: string, password = NEW_PASSWORD) =>
    post('/user/set-password/', { token, password });
  const me = (app: TestApp, token: string) =>
    app.app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) });

  /** Asks for a link for `email` and answers the token of the mail that came. */
  async function mailedToken(email: string): Promise<string> {
    const before = inbox.to(email).length;
    expect((await requestReset(email)).statusCode).toBe(200);
    await eventually(() => Promise.resolve(inbox.to(email).length > before), { withinMs: 10_000 });
    return tokenInLink(inbox.to(email).at(-1)!, 'set-password');
  }

  it('answers the same, byte for byte, for a registered, an unknown and a deactivated address; only the active account is mailed', async () => {
    const admin = await createUser(t.app, { isAdmin: true });
    const adminToken = (await signIn(t.app, admin.email, admin.password)).access_token;
    const known = await createUser(t.app, { name: 'Ada <Lovelace>' });
    const gone = await createUser(t.app);
    const deactivated = await t.app.inject({
      method: 'PUT',
      url: `/user/${gone.id}`,
      headers: bearer(adminToken),
      payload: { isActive: false },
    });
    expect(deactivated.statusCode).toBe(200);
    const unknown = `nobody-${Date.now()}@example.com`;

    // Each from its own address, so that the budget's headers (what is left of it) match too.
    const answers: Injected[] = [];
    for (const [i, email] of [
      known.email,
      unknown,
      gone.email,
      known.email.toUpperCase(),
    ].entries()) {
      answers.push(await post('/user/request-password-reset/', { email }, `198.51.100.${i + 1}`));
    }
    expect(answers[0].statusCode).toBe(200);
    expect(answers[0].json()).toEqual(NEUTRAL);
    expect(answers[0].headers['cache-control']).toBe('no-store');
    for (const answer of answers.slice(1)) expect(seenOf(answer)).toEqual(seenOf(answers[0]));

    // Asked for twice (in any case): two mails, to the address the account has.
    await eventually(() => Promise.resolve(inbox.to(known.email).length === 2), {
      withinMs: 10_000,
    });
    const mail = inbox.to(known.email)[1];
    expect(mail.from).toBe('"Tessera" <cms@example.com>');
    expect(mail.subject).toBe('Reset your Tessera password');
    expect(mail.text).toContain('Hello Ada <Lovelace>,');
    expect(mail.html).toContain('Hello Ada &lt;Lovelace&gt;,');
    expect(mail.links).toEqual([
      expect.stringMatching(new RegExp(`^${ADMIN_URL}/set-password/[A-Za-z0-9_-]{43}$`)),
    ]);
    await sleep(1500);
    expect(inbox.to(unknown)).toEqual([]);
    expect(inbox.to(gone.email)).toEqual([]);
  });

  it('the mailed link sets the password once: the old one stops, the new one signs in, the link is dead after', async () => {
    const user = await createUser(t.app, { name: 'Grace' });
    const token = await mailedToken(user.email);

    const res = await setPassword(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      name: 'Grace',
      isAdmin: false,
      isActive: true,
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
    });
    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/400/);
    await expect(signIn(t.app, user.email, NEW_PASSWORD)).resolves.toMatchObject({
      token_type: 'bearer',
    });

    const again = await setPassword(token, 'yet another passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual(DEAD_LINK);
    await expect(signIn(t.app, user.email, NEW_PASSWORD)).resolves.toBeDefined();
  });

  it('asking again kills the earlier link', async () => {
    const user = await createUser(t.app);
    const first = await mailedToken(user.email);
    const second = await mailedToken(user.email);
    expect(second).not.toBe(first);
    expect((await setPassword(first)).json()).toEqual(DEAD_LINK);
    expect((await setPassword(second)).statusCode).toBe(200);
  });

  it('a link past its hour is refused', async () => {
    const user = await createUser(t.app);
    const token = await mailedToken(user.email);
    await t.dataSource.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND purpose = 'reset-password' AND used_at IS NULL`,
      [user.id],
    );
    expect((await setPassword(token)).json()).toEqual(DEAD_LINK);
    await expect(signIn(t.app, user.email, user.password)).resolves.toBeDefined();
  });

  it('a made-up, another flow’s or empty token is a 400 naming it; a short password names the password and keeps the link', async () => {
    const user = await createUser(t.app);
    const token = await mailedToken(user.email);
    for (const made of ['not-a-token', 'a~b~c', 'x'.repeat(43)]) {
      expect((await setPassword(made)).json()).toEqual(DEAD_LINK);
    }
    const empty = await setPassword('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual({ token: ['token is required'] });

    const short = await setPassword(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual({ password: ['password must be at least 8 characters'] });
    expect((await setPassword(token)).statusCode).toBe(200);
  });

  it('a user deactivated after the link was sent is not let back in through it', async () => {
    const admin = await createUser(t.app, { isAdmin: true });
    const adminToken = (await signIn(t.app, admin.email, admin.password)).access_token;
    const user = await createUser(t.app);
    const token = await mailedToken(user.email);
    await t.app.inject({
      method: 'PUT',
      url: `/user/${user.id}`,
      headers: bearer(adminToken),
      payload: { isActive: false },
    });
    expect((await setPassword(token)).json()).toEqual(DEAD_LINK);
  });

  it('with the mail server refusing at first, the link still arrives and works', async () => {
    const user = await createUser(t.app);
    const refusedBefore = inbox.refused;
    inbox.refuse(2);
    expect((await requestReset(user.email)).json()).toEqual(NEUTRAL);
    const mail = await inbox.latestTo(user.email, 20_000);
    expect(inbox.refused - refusedBefore).toBe(2);
    expect((await setPassword(tokenInLink(mail, 'set-password'))).statusCode).toBe(200);
  });

  describe('a new password ends every session of the user at once', () => {
    // On Postgres a second instance shares the database, as behind a load balancer;
    // the embedded database admits one instance per DATA_DIR, so there it is this one.
    let other: TestApp | undefined;

    beforeAll(async () => {
      // Created last: Passport's strategies are process-wide, so the newest app's
      // JwtStrategy and its deny-list check every token; that must be the other instance's.
      if (usingPostgres()) other = await createTestApp({ env });
    });

    afterAll(() => other?.close());

    it(`on ${usingPostgres() ? 'a second instance' : 'the instance'}: access and refresh tokens refused, other users untouched`, async () => {
      const there = other ?? t;
      const user = await createUser(t.app);
      const bystander = await createUser(t.app);
      const signedIn = await signIn(there.app, user.email, user.password);
      const elsewhere = await signIn(t.app, user.email, user.password);
      const theirs = await signIn(there.app, bystander.email, bystander.password);
      expect((await me(there, signedIn.access_token)).statusCode).toBe(200);

      expect((await setPassword(await mailedToken(user.email))).statusCode).toBe(200);
      const refusedWithin = await eventually(
        async () => (await me(there, signedIn.access_token)).statusCode === 401,
        { withinMs: 1000 },
      );
      expect(refusedWithin).toBeLessThan(1000);
      expect((await me(there, elsewhere.access_token)).statusCode).toBe(401);
      const renewed = await there.app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: { grant_type: 'refresh_token', refresh_token: signedIn.refresh_token },
      });
      expect(renewed.statusCode).toBe(400);
      expect(renewed.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await me(there, theirs.access_token)).statusCode).toBe(200);
    });
  });
});

/** Its own app, after the other's: the budget is the app's setting. */
describe('password reset and e-mail confirmation share the sign-in’s per-address budget', () => {
  let limited: TestApp;

  beforeAll(async () => {
    limited = await createTestApp({
      env: { JWT_SECRET: SHARED_JWT_SECRET, TOKEN_RATE_LIMIT_PER_MINUTE: '4' },
    });
  });

  afterAll(() => limited.close());

  it('each spends it, and each is refused once it is spent', async () => {
    const remoteAddress = '203.0.113.44';
    const spend = (url: string, payload: object) =>
      limited.app.inject({ method: 'POST', url, payload, remoteAddress });
    expect(
      (await spend('/authenticate', { username: 'a@example.com', password: 'wrong one' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await spend('/user/request-password-reset', { email: 'a@example.com' })).statusCode,
    ).toBe(200);
    expect(
      (await spend('/user/set-password', { token: 'x', password: NEW_PASSWORD })).statusCode,
    ).toBe(400);
    expect((await spend('/user/confirm-email', { token: 'x' })).statusCode).toBe(400);
    for (const [url, payload] of [
      ['/user/request-password-reset', { email: 'a@example.com' }],
      ['/user/set-password', { token: 'x', password: NEW_PASSWORD }],
      ['/user/confirm-email', { token: 'x' }],
      ['/authenticate', { username: 'a@example.com', password: 'wrong one' }],
    ] as const) {
      const refused = await spend(url, payload);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    }
  });
});
