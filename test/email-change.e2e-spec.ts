import type { Response as Injected } from 'light-my-request';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';
import { eventually, sleep } from './helpers/eventually';
import { ADMIN_URL, DEAD_LINK, mailingEnv } from './helpers/mail-env';
import { ReceivedMail, SmtpInbox, tokenInLink } from './helpers/smtp-inbox';

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * Changing your own e-mail over real SMTP, following the mailed link: it
 * takes the current password, keeps the old address until the link mailed
 * to the new one is followed, tells the old address, and tells the
 * requester nothing about who has the new one.
 */
describe('e-mail change', () => {
  let inbox: SmtpInbox;
  let t: TestApp;

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    t = await createTestApp({ env: mailingEnv(inbox) });
  });

  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  let counter = 0;
  const freshAddress = () => `moved-${(counter += 1)}-${Date.now()}@example.com`;

  const tokenOf = async (user: User) =>
    (await signIn(t.app, user.email, user.password)).access_token;
  const put = (token: string, payload: object, remoteAddress?: string) =>
    t.app.inject({
      method: 'PUT',
      url: '/user/me',
      headers: bearer(token),
      payload,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const me = async (token: string) =>
    (await t.app.inject({ method: 'GET', url: '/user/me', headers: bearer(token) })).json();
  const confirm = (token: string) =>
    t.app.inject({ method: 'POST', url: '/user/confirm-email/', payload: { token } });

  /** The newest mail to `address` once `count` have come. */
  async function mailNumber(address: string, count: number): Promise<ReceivedMail> {
    await eventually(() => Promise.resolve(inbox.to(address).length >= count), {
      withinMs: 10_000,
    });
    return inbox.to(address)[count - 1];
  }

  /** Asks to move `user` to `email` with the right password; answers the PUT's answer. */
  async function askToMove(user: User, token: string, email: string): Promise<Injected> {
    const res = await put(token, { email, currentPassword: user.password });
    expect(res.statusCode).toBe(200);
    return res;
  }

  it('a name alone, or the whole user as read back (contentjet-ui), needs no password', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const read = await me(token);
    const res = await put(token, { ...read, name: 'Renamed', isAdmin: true, id: 999 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...read, name: 'Renamed', modifiedAt: expect.any(String) });
    // The same address in another case is no change of owner: stored as typed.
    const cased = await put(token, { email: user.email.toUpperCase() });
    expect(cased.statusCode).toBe(200);
    expect(cased.json().email).toBe(user.email.toUpperCase());
    expect(cased.json()).not.toHaveProperty('pendingEmail');
  });

  it('another address without the current password, or with a wrong one: 400 naming it, nothing changes, nothing is mailed', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const email = freshAddress();
    const missing = await put(token, { name: 'Sneaky', email });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({
      status: 400,
      name: 'ValidationError',
      message: 'Validation failed',
      errors: { currentPassword: ['currentPassword is required to change your email'] },
    });
    const wrong = await put(token, { name: 'Sneaky', email, currentPassword: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual({ currentPassword: ['currentPassword is incorrect'] });
    expect(await me(token)).toMatchObject({
      email: user.email,
      name: expect.not.stringMatching('Sneaky'),
    });
    await sleep(1500);
    expect(inbox.to(email)).toEqual([]);
    expect(inbox.to(user.email)).toEqual([]);
  });

  it('the address changes only when the link mailed to it is followed; the old one is told; the link works once', async () => {
    const user = await createUser(t.app, { name: 'Ada' });
    const token = await tokenOf(user);
    const email = freshAddress();

    const res = await put(token, { name: 'Ada L.', email, currentPassword: user.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ada L.',
      isAdmin: false,
      isActive: true,
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
      pendingEmail: email,
    });
    // contentjet-ui puts back what it read: that answer, pendingEmail and all.
    expect((await put(token, res.json())).statusCode).toBe(200);

    const confirmation = await mailNumber(email, 1);
    expect(confirmation.subject).toBe('Confirm your new e-mail address for Tessera');
    expect(confirmation.text).toContain('Hello Ada L.,');
    expect(confirmation.links).toEqual([
      expect.stringMatching(new RegExp(`^${ADMIN_URL}/confirm-email/[A-Za-z0-9_-]{43}$`)),
    ]);
    const notice = await mailNumber(user.email, 1);
    expect(notice.subject).toBe('Your Tessera e-mail address is about to change');
    expect(notice.text).toContain(email);
    expect(notice.links).toEqual([]);

    // Until then: the old address, for sign-in too.
    expect(await me(token)).toMatchObject({ email: user.email });
    await expect(signIn(t.app, email, user.password)).rejects.toThrow(/400/);

    const confirmed = await confirm(tokenInLink(confirmation, 'confirm-email'));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.headers['cache-control']).toBe('no-store');
    expect(confirmed.json()).toMatchObject({ id: user.id, email, name: 'Ada L.' });
    expect(confirmed.json()).not.toHaveProperty('pendingEmail');
    expect(await me(token)).toMatchObject({ email });
    await expect(signIn(t.app, email, user.password)).resolves.toBeDefined();
    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/400/);

    const again = await confirm(tokenInLink(confirmation, 'confirm-email'));
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual(DEAD_LINK);
  });

  it('an address another account has: the same answer; that address is told an account exists, with no link to take it', async () => {
    const owner = await createUser(t.app);
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const free = freshAddress();

    const taken = await askToMove(user, token, owner.email.toUpperCase());
    const freeAnswer = await askToMove(user, token, free);
    expect(taken.headers['content-type']).toBe(freeAnswer.headers['content-type']);
    expect({ ...taken.json(), pendingEmail: free }).toEqual(freeAnswer.json());
    expect(taken.json().pendingEmail).toBe(owner.email.toUpperCase());

    const warning = await mailNumber(owner.email, 1);
    expect(warning.subject).toBe('Someone tried to use your e-mail address on Tessera');
    expect(warning.links).toEqual([`${ADMIN_URL}/sign-in`]);
    expect(warning.text).toContain('Forgot password?');
    // The old address hears of both requests.
    await mailNumber(user.email, 2);
    expect(await me(token)).toMatchObject({ email: user.email });
  });

  it('a second change kills the first link', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const first = freshAddress();
    const second = freshAddress();
    await askToMove(user, token, first);
    const firstLink = tokenInLink(await mailNumber(first, 1), 'confirm-email');
    await askToMove(user, token, second);
    const secondLink = tokenInLink(await mailNumber(second, 1), 'confirm-email');

    expect((await confirm(firstLink)).json()).toEqual(DEAD_LINK);
    expect((await confirm(secondLink)).json()).toMatchObject({ email: second });
  });

  it('a link past its 24 hours is refused', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const email = freshAddress();
    await askToMove(user, token, email);
    const link = tokenInLink(await mailNumber(email, 1), 'confirm-email');
    await t.dataSource.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND purpose = 'change-email' AND used_at IS NULL`,
      [user.id],
    );
    expect((await confirm(link)).json()).toEqual(DEAD_LINK);
    expect(await me(token)).toMatchObject({ email: user.email });
  });

  it('an address taken by another account after the link was sent: 409, nothing changes', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const email = freshAddress();
    await askToMove(user, token, email);
    const link = tokenInLink(await mailNumber(email, 1), 'confirm-email');
    await createUser(t.app, { email: email.toUpperCase() });

    const res = await confirm(link);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      status: 409,
      name: 'ConflictError',
      message: 'Another account has taken this address since the link was sent: nothing changed',
    });
    expect(await me(token)).toMatchObject({ email: user.email });
  });

  it('confirming kills the reset links mailed to the old address', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    await t.app.inject({
      method: 'POST',
      url: '/user/request-password-reset',
      payload: { email: user.email },
    });
    const reset = tokenInLink(await mailNumber(user.email, 1), 'set-password');
    const email = freshAddress();
    await askToMove(user, token, email);
    await confirm(tokenInLink(await mailNumber(email, 1), 'confirm-email'));

    const res = await t.app.inject({
      method: 'POST',
      url: '/user/set-password',
      payload: { token: reset, password: 'an attacker’s password' },
    });
    expect(res.json()).toEqual(DEAD_LINK);
  });

  it('wrong current passwords count like failed sign-ins: after ten, that address is refused for the account', async () => {
    const user = await createUser(t.app);
    const token = await tokenOf(user);
    const remoteAddress = '203.0.113.71';
    const guess = (currentPassword: string) =>
      put(token, { email: freshAddress(), currentPassword }, remoteAddress);
    for (let i = 0; i < 10; i += 1) expect((await guess(`guess ${i}`)).statusCode).toBe(400);
    const refused = await guess(user.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    const signInThere = await t.app.inject({
      method: 'POST',
      url: '/authenticate',
      remoteAddress,
      payload: { username: user.email, password: user.password, grant_type: 'password' },
    });
    expect(signInThere.statusCode).toBe(429);
  });
});
