import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, signIn } from './helpers/auth';
import { mailCausedBy } from './helpers/mail-steps';
import { SmtpInbox, tokenInLink } from './helpers/smtp-inbox';

const ADMIN_URL = 'https://cms.example/admin';
const PASSWORD = 'a long enough password';

/**
 * Sign-up and e-mail verification through the mails that arrived over SMTP:
 * SIGNUP=invite (the default) needs an invitation, `open` does not, `off`
 * has no sign-up; a taken address gets the same answer and a mail instead;
 * an account is off until its link is followed, once, and an account an
 * administrator turned off stays off.
 */
describe('sign-up', () => {
  let inbox: SmtpInbox;

  async function boot(signup?: string): Promise<TestApp> {
    return createTestApp({
      env: {
        SMTP_URL: inbox.url,
        JOBS_POLL_SECONDS: '0.5',
        ADMIN_URL,
        TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
        SIGNUP: signup,
      },
    });
  }

  const unique = (label: string) =>
    `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

  const post = (t: TestApp, url: string, payload: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: token ? bearer(token) : {},
    });

  const signUp = (t: TestApp, body: Record<string, unknown>) => post(t, '/user/sign-up/', body);

  /** A sign-up and the mail it caused. */
  function signUpMailed(t: TestApp, body: { email: string } & Record<string, unknown>) {
    return mailCausedBy(inbox, body.email, () => signUp(t, body));
  }

  const verify = (t: TestApp, token: string) => post(t, '/user/verify/', { token });

  const passwordSignIn = (t: TestApp, email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/authenticate',
      payload: { username: email, password, grant_type: 'password' },
    });

  function expectTokenRefused(res: { statusCode: number; json(): unknown }) {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      status: 400,
      errors: { token: [expect.stringContaining('not a valid verification link')] },
    });
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
  });

  afterAll(() => inbox.close());

  describe('SIGNUP=invite (the default)', () => {
    let t: TestApp;
    let owner: { id: number; token: string };
    let projectId: number;

    /** An invitation to the project for `email`, and the token its mail links to. */
    async function invited(email: string) {
      const { result, mail } = await mailCausedBy(inbox, email, () =>
        post(t, `/project/${projectId}/invite/`, { name: 'Newcomer', email }, owner.token),
      );
      expect(result.statusCode).toBe(201);
      return { invite: result.json<{ id: number }>(), token: tokenInLink(mail, 'accept-invite') };
    }

    beforeAll(async () => {
      t = await boot();
      const user = await createUser(t.app);
      owner = { id: user.id, token: (await signIn(t.app, user.email, user.password)).access_token };
      const res = await post(t, '/project/', { name: 'Magazine' }, owner.token);
      projectId = res.json<{ id: number }>().id;
    });

    afterAll(() => t.close());

    it('without an invitation is a 400 naming inviteToken, and creates no account', async () => {
      const email = unique('uninvited');
      for (const inviteToken of [undefined, 'not-a-token']) {
        const res = await signUp(t, { name: 'Mallory', email, password: PASSWORD, inviteToken });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toHaveProperty('inviteToken');
      }
      expect(await t.dataSource.query(`SELECT 1 FROM "user" WHERE email = $1`, [email])).toEqual(
        [],
      );
    });

    it('with the invitation: off until the mailed link is followed, then a member who signs in; the link works once', async () => {
      const email = unique('newcomer');
      const { invite, token: inviteToken } = await invited(email);
      const { result, mail } = await signUpMailed(t, {
        name: 'Ada <Lovelace>',
        email: email.toUpperCase(),
        password: PASSWORD,
        inviteToken,
      });
      expect(result.statusCode).toBe(201);
      expect(result.json()).toEqual({
        message:
          'Check your inbox: we sent a link to verify the address before the account can be used',
      });
      expect(mail.subject).toBe('Please verify your email address');
      expect(mail.text).toContain('Hello Ada <Lovelace>,');
      expect(mail.html).toContain('Hello Ada &lt;Lovelace&gt;,');
      expect(mail.links[0]).toMatch(new RegExp(`^${ADMIN_URL}/sign-up/verify/[\\w-]+$`));

      // Unverified: refused exactly like a wrong password, and not yet a member.
      const unverified = await passwordSignIn(t, email, PASSWORD);
      const wrong = await passwordSignIn(t, email, 'not the password at all');
      expect(unverified.statusCode).toBe(wrong.statusCode);
      expect(unverified.json()).toEqual(wrong.json());
      const [user] = await t.dataSource.query(
        `SELECT id, is_active FROM "user" WHERE lower(email) = lower($1)`,
        [email],
      );
      expect(user.is_active).toBe(false);
      const membersBefore = await t.dataSource.query(
        `SELECT 1 FROM project_membership WHERE user_id = $1`,
        [user.id],
      );
      expect(membersBefore).toEqual([]);

      const verified = await verify(t, tokenInLink(mail, 'sign-up/verify'));
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toEqual({
        id: user.id,
        email: email.toUpperCase(),
        name: 'Ada <Lovelace>',
        isAdmin: false,
        isActive: true,
        createdAt: expect.any(String),
        modifiedAt: expect.any(String),
      });
      const tokens = await signIn(t.app, email, PASSWORD);
      const project = await t.app.inject({
        method: 'GET',
        url: `/project/${projectId}/`,
        headers: bearer(tokens.access_token),
      });
      expect(project.statusCode).toBe(200);
      expect(project.json().members).toContainEqual(
        expect.objectContaining({ id: user.id, membershipType: 'author' }),
      );
      const accepted = await t.dataSource.query(
        `SELECT accepted FROM project_invite WHERE id = $1`,
        [invite.id],
      );
      expect(accepted).toEqual([{ accepted: true }]);

      expectTokenRefused(await verify(t, tokenInLink(mail, 'sign-up/verify')));
      // The invitation was used by the verification: it signs no one else up.
      const again = await signUp(t, { name: 'Eve', email, password: PASSWORD, inviteToken });
      expect(again.statusCode).toBe(400);
      expect(again.json().errors).toHaveProperty('inviteToken');
    });

    it('an invitation signs up only the address it was sent to', async () => {
      const { token } = await invited(unique('invited'));
      const res = await signUp(t, {
        name: 'Eve',
        email: unique('someone-else'),
        password: PASSWORD,
        inviteToken: token,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        email: ['email must be the address the invitation was sent to'],
      });
    });

    it('breaks no rule quietly: a short password or a missing name is a 400 naming it', async () => {
      const { token } = await invited(unique('rules'));
      const res = await signUp(t, {
        email: unique('rules'),
        password: 'short',
        inviteToken: token,
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['name', 'password']);
    });
  });

  describe('SIGNUP=open', () => {
    let t: TestApp;
    let admin: { token: string };

    beforeAll(async () => {
      t = await boot('open');
      const user = await createUser(t.app, { isAdmin: true });
      admin = { token: (await signIn(t.app, user.email, user.password)).access_token };
    });

    afterAll(() => t.close());

    it('signs up without an invitation', async () => {
      const email = unique('open');
      const { result, mail } = await signUpMailed(t, { name: 'Ada', email, password: PASSWORD });
      expect(result.statusCode).toBe(201);
      expect((await verify(t, tokenInLink(mail, 'sign-up/verify'))).statusCode).toBe(200);
      expect((await passwordSignIn(t, email, PASSWORD)).statusCode).toBe(200);
    });

    it('a taken address: the same status and body, no account, and its owner is mailed instead', async () => {
      const existing = await createUser(t.app, { name: 'Owner Of The Address' });
      const fresh = await signUpMailed(t, {
        name: 'Bob',
        email: unique('fresh'),
        password: PASSWORD,
      });
      const taken = await signUpMailed(t, {
        name: 'Mallory',
        email: existing.email.toUpperCase(),
        password: 'another password entirely',
      });
      expect(taken.result.statusCode).toBe(fresh.result.statusCode);
      expect(taken.result.headers['content-type']).toBe(fresh.result.headers['content-type']);
      expect(taken.result.body).toBe(fresh.result.body);
      expect(taken.mail.subject).toBe('You already have an account');
      expect(taken.mail.text).toContain('Hello Owner Of The Address,');
      expect(taken.mail.text).not.toContain('Mallory');
      expect(taken.mail.links).toEqual([`${ADMIN_URL}/sign-in`]);
      const rows = await t.dataSource.query(
        `SELECT name FROM "user" WHERE lower(email) = lower($1)`,
        [existing.email],
      );
      expect(rows).toEqual([{ name: 'Owner Of The Address' }]);
      // The owner's password is untouched.
      expect((await passwordSignIn(t, existing.email, existing.password)).statusCode).toBe(200);
    });

    it('an account an administrator turned off before it was verified stays off when its link is followed', async () => {
      const email = unique('turned-off');
      const { mail } = await signUpMailed(t, { name: 'Ada', email, password: PASSWORD });
      const [{ id }] = await t.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [email]);
      const put = await t.app.inject({
        method: 'PUT',
        url: `/user/${id}`,
        headers: bearer(admin.token),
        payload: { isActive: false },
      });
      expect(put.statusCode).toBe(200);
      expectTokenRefused(await verify(t, tokenInLink(mail, 'sign-up/verify')));
      const [user] = await t.dataSource.query(`SELECT is_active FROM "user" WHERE id = $1`, [id]);
      expect(user.is_active).toBe(false);
    });

    it('an account turned on by an administrator, then off, is not turned on again by its link', async () => {
      const email = unique('on-then-off');
      const { mail } = await signUpMailed(t, { name: 'Ada', email, password: PASSWORD });
      const [{ id }] = await t.dataSource.query(`SELECT id FROM "user" WHERE email = $1`, [email]);
      // Directly in the database: the trigger covers every way an account is turned off.
      await t.dataSource.query(`UPDATE "user" SET is_active = true WHERE id = $1`, [id]);
      await t.dataSource.query(`UPDATE "user" SET is_active = false WHERE id = $1`, [id]);
      expectTokenRefused(await verify(t, tokenInLink(mail, 'sign-up/verify')));
      const [user] = await t.dataSource.query(`SELECT is_active FROM "user" WHERE id = $1`, [id]);
      expect(user.is_active).toBe(false);
    });

    it('an expired link is refused', async () => {
      const email = unique('late');
      const { mail } = await signUpMailed(t, { name: 'Ada', email, password: PASSWORD });
      await t.dataSource.query(
        `UPDATE account_token SET expires_at = now() - interval '1 second'
          WHERE user_id = (SELECT id FROM "user" WHERE email = $1)`,
        [email],
      );
      expectTokenRefused(await verify(t, tokenInLink(mail, 'sign-up/verify')));
      expectTokenRefused(await verify(t, 'not-a-token'));
    });
  });

  describe('SIGNUP=off', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await boot('off');
    });

    afterAll(() => t.close());

    it('there is no sign-up: 404, and nothing is written or mailed', async () => {
      const email = unique('off');
      const res = await signUp(t, { name: 'Ada', email, password: PASSWORD });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        status: 404,
        message: 'Sign-up is turned off (SIGNUP=off)',
      });
      expect(await t.dataSource.query(`SELECT 1 FROM "user" WHERE email = $1`, [email])).toEqual(
        [],
      );
    });
  });

  describe('the sign-in throttle', () => {
    let limited: TestApp;

    beforeAll(async () => {
      limited = await createTestApp({
        env: {
          SMTP_URL: inbox.url,
          JOBS_POLL_SECONDS: '0.5',
          SIGNUP: 'open',
          TOKEN_RATE_LIMIT_PER_MINUTE: '4',
        },
      });
    });

    afterAll(() => limited.close());

    it('sign-up, verification and invite acceptance spend one budget with sign-in, and are refused once it is spent', async () => {
      const remoteAddress = '203.0.113.45';
      const member = await createUser(limited.app);
      // Signed in from an address of its own: on Postgres the budget lives in
      // the database, which this file's other apps spent from the default one.
      const memberSignIn = await limited.app.inject({
        method: 'POST',
        url: '/authenticate',
        payload: { username: member.email, password: member.password, grant_type: 'password' },
        remoteAddress: '203.0.113.46',
      });
      expect(memberSignIn.statusCode).toBe(200);
      const memberToken = memberSignIn.json<{ access_token: string }>().access_token;
      const spend = (method: 'POST' | 'PUT', url: string, payload: object, token?: string) =>
        limited.app.inject({
          method,
          url,
          payload,
          remoteAddress,
          headers: token ? bearer(token) : {},
        });
      const attempts = [
        () =>
          spend('POST', '/user/sign-up/', {
            name: 'Ada',
            email: unique('throttled'),
            password: PASSWORD,
          }),
        () => spend('POST', '/user/verify/', { token: 'not-a-token' }),
        () => spend('PUT', '/project/1/invite/accept/', { token: 'not-a-token' }, memberToken),
        () => spend('POST', '/authenticate', { username: member.email, password: 'wrong one' }),
      ];
      const firstStatuses = [];
      for (const attempt of attempts) firstStatuses.push((await attempt()).statusCode);
      expect(firstStatuses).toEqual([201, 400, 400, 400]);
      for (const attempt of attempts) {
        const refused = await attempt();
        expect(refused.statusCode).toBe(429);
        expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      }
    });
  });
});
