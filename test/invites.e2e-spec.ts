import { createTestApp, TestApp } from './helpers/app';
import { bearer, createUser, decodeJwt, signIn } from './helpers/auth';
import { sleep } from './helpers/eventually';
import { mailCausedBy } from './helpers/mail-steps';
import { SmtpInbox, tokenInLink } from './helpers/smtp-inbox';

const ADMIN_URL = 'https://cms.example/admin';

/**
 * Invitations by e-mail, followed from the mail that arrived over SMTP: the
 * same answer and the same mail whether the address has an account or not,
 * a link that works once, for its own project, for 7 days, and only the
 * project's admins may send one.
 */
describe('project invites', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let owner: { id: number; email: string; token: string };
  let projectId: number;
  let otherProjectId: number;
  let otherOwner: { token: string };
  let author: { id: number; email: string; token: string };

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(token), payload: payload as object });

  async function person(name?: string) {
    const user = await createUser(t.app, { name });
    return { ...user, token: (await signIn(t.app, user.email, user.password)).access_token };
  }

  async function created(url: string, token: string, payload: unknown) {
    const res = await call('POST', url, token, payload);
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Invites `email` to `project` and answers the invite and the token its mail links to. */
  async function invite(email: string, project = projectId, membershipType?: string) {
    const { result, mail } = await mailCausedBy(inbox, email, () =>
      created(`/project/${project}/invite/`, owner.token, {
        name: 'Grace',
        email,
        ...(membershipType ? { membershipType } : {}),
      }),
    );
    return { invite: result, mail, token: tokenInLink(mail, 'accept-invite') };
  }

  const accept = (project: number, token: string, userToken: string) =>
    call('PUT', `/project/${project}/invite/accept/`, userToken, { token });

  const members = async (project: number) =>
    (await call('GET', `/project/${project}/member/`, owner.token)).json<
      { id: number; membershipType: string }[]
    >();

  function expectTokenRefused(res: { statusCode: number; json(): unknown }) {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      status: 400,
      name: 'ValidationError',
      errors: { token: [expect.stringContaining('not a valid invitation')] },
    });
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    t = await createTestApp({
      env: {
        SMTP_URL: inbox.url,
        JOBS_POLL_SECONDS: '0.5',
        ADMIN_URL,
        TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    owner = await person('Olive Owner');
    projectId = (await created('/project/', owner.token, { name: 'Magazine <b>' })).id;
    const other = await person();
    otherOwner = other;
    otherProjectId = (await created('/project/', other.token, { name: 'Elsewhere' })).id;
    author = await person();
    await created(`/project/${projectId}/member/`, owner.token, {
      email: author.email,
      membershipType: 'author',
    });
  });

  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('answers alike for a registered and an unregistered address, and mails both the same invitation', async () => {
    const registered = await person();
    const unknown = `nobody-${Date.now()}@example.com`;
    const a = await invite(registered.email);
    const b = await invite(unknown);
    const shape = (body: Record<string, unknown>) => ({
      ...body,
      id: 0,
      email: '',
      expiresAt: '',
      createdAt: '',
      modifiedAt: '',
    });
    expect(shape(a.invite)).toEqual(shape(b.invite));
    expect(a.invite).toEqual({
      id: expect.any(Number),
      projectId,
      name: 'Grace',
      email: registered.email,
      membershipType: 'author',
      accepted: false,
      userId: owner.id,
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
      modifiedAt: expect.any(String),
    });
    const days = (Date.parse(a.invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    for (const { mail } of [a, b]) {
      expect(mail.subject).toBe('You have been invited to join Magazine <b>');
      expect(mail.text).toContain('Olive Owner invited you to join the project "Magazine <b>"');
      expect(mail.html).toContain('Magazine &lt;b&gt;');
      expect(mail.html).not.toContain('Magazine <b>');
      expect(mail.links[0]).toMatch(
        new RegExp(`^${ADMIN_URL}/accept-invite/[\\w-]+~[\\w-]+~[\\w-]+$`),
      );
    }
    expect(a.mail.text.replace(a.token, '')).toEqual(b.mail.text.replace(b.token, ''));
    // contentjet-ui decodes the token for the project's id.
    const { header, payload } = decodeJwt(a.token.replace(/~/g, '.'));
    expect(header).toMatchObject({ alg: 'HS256', typ: 'invite+jwt' });
    expect(payload).toMatchObject({
      projectId,
      projectInviteId: a.invite.id,
      projectName: 'Magazine <b>',
      jti: expect.any(String),
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(7 * 86_400);
    // Only a digest is stored: the token is nowhere in the database.
    const rows = await t.dataSource.query(`SELECT * FROM project_invite WHERE id = $1`, [
      a.invite.id,
    ]);
    expect(JSON.stringify(rows)).not.toContain(a.token.split('~')[2]);
  });

  it('the invitee follows the link signed in: joins with the role, once; the invite leaves the pending list', async () => {
    const invitee = await person();
    const { invite: sent, token } = await invite(invitee.email, projectId, 'admin');
    const res = await accept(projectId, token, invitee.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: sent.id, accepted: true, membershipType: 'admin' });
    expect(await members(projectId)).toContainEqual(
      expect.objectContaining({ id: invitee.id, membershipType: 'admin' }),
    );
    // The new member reaches the project at once.
    expect((await call('GET', `/project/${projectId}/`, invitee.token)).statusCode).toBe(200);
    const pending = (await call('GET', `/project/${projectId}/invite/`, owner.token)).json<
      { id: number }[]
    >();
    expect(pending.map((i) => i.id)).not.toContain(sent.id);
    expect(
      (await call('GET', `/project/${projectId}/invite/${sent.id}/`, owner.token)).json(),
    ).toMatchObject({
      accepted: true,
    });
    // The dotted form works as the link's `~` form does; used, neither works again.
    expectTokenRefused(await accept(projectId, token.replace(/~/g, '.'), invitee.token));
    expectTokenRefused(await accept(projectId, token, (await person()).token));
  });

  it('inviting again, or resending, mails a fresh link and kills the previous one', async () => {
    const email = `again-${Date.now()}@example.com`;
    const first = await invite(email);
    const second = await invite(email, projectId, 'admin');
    expect(second.invite).toMatchObject({ id: first.invite.id, membershipType: 'admin' });
    expect(second.token).not.toBe(first.token);
    const { result: resent, mail } = await mailCausedBy(inbox, email, () =>
      call('POST', `/project/${projectId}/invite/${first.invite.id}/resend`, owner.token),
    );
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: first.invite.id, accepted: false });
    const third = tokenInLink(mail, 'accept-invite');
    expect(new Set([first.token, second.token, third]).size).toBe(3);
    const user = await person();
    expectTokenRefused(await accept(projectId, first.token, user.token));
    expectTokenRefused(await accept(projectId, second.token, user.token));
    expect((await accept(projectId, third, user.token)).statusCode).toBe(200);
    const again = await call(
      'POST',
      `/project/${projectId}/invite/${first.invite.id}/resend`,
      owner.token,
    );
    expect(again.statusCode).toBe(409);
  });

  it('a link 7 days old is refused, and the invite stays pending', async () => {
    const { invite: sent, token } = await invite(`late-${Date.now()}@example.com`);
    await t.dataSource.query(
      `UPDATE project_invite SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [sent.id],
    );
    const user = await person();
    expectTokenRefused(await accept(projectId, token, user.token));
    expect((await members(projectId)).map((m) => m.id)).not.toContain(user.id);
    const pending = (await call('GET', `/project/${projectId}/invite/`, owner.token)).json<
      { id: number }[]
    >();
    expect(pending.map((i) => i.id)).toContain(sent.id);
  });

  it("a token of one project is refused on another project's accept route", async () => {
    const { token } = await invite(`cross-${Date.now()}@example.com`);
    const user = await person();
    expectTokenRefused(await accept(otherProjectId, token, user.token));
    expect((await members(projectId)).map((m) => m.id)).not.toContain(user.id);
    // Still good on its own project.
    expect((await accept(projectId, token, user.token)).statusCode).toBe(200);
  });

  it('refuses what is not an invite token: garbage, an access token, none; and an invite token is no access token', async () => {
    const user = await person();
    expectTokenRefused(await accept(projectId, 'not-a-token', user.token));
    expectTokenRefused(await accept(projectId, user.token, user.token));
    const missing = await call('PUT', `/project/${projectId}/invite/accept/`, user.token, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toHaveProperty('token');
    const { token } = await invite(`bearer-${Date.now()}@example.com`);
    const asBearer = await call('GET', `/project/${projectId}/`, token.replace(/~/g, '.'));
    expect(asBearer.statusCode).toBe(401);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/project/${projectId}/invite/accept/`,
      payload: { token },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an address already in the project is a 409; the invite list, one invite, bulk delete all or none', async () => {
    const taken = await call('POST', `/project/${projectId}/invite/`, owner.token, {
      name: 'Author',
      email: author.email.toUpperCase(),
    });
    expect(taken.statusCode).toBe(409);
    const x = await invite(`x-${Date.now()}@example.com`);
    const y = await invite(`y-${Date.now()}@example.com`);
    const foreign = await created(`/project/${otherProjectId}/invite/`, otherOwner.token, {
      name: 'Z',
      email: `z-${Date.now()}@example.com`,
    });
    const list = await call('GET', `/project/${projectId}/invite/`, owner.token);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual(expect.arrayContaining([x.invite, y.invite]));
    expect(list.json().every((i: { accepted: boolean }) => !i.accepted)).toBe(true);
    expect(
      (await call('GET', `/project/${projectId}/invite/${x.invite.id}`, owner.token)).json(),
    ).toEqual(x.invite);
    expect(
      (await call('GET', `/project/${projectId}/invite/${foreign.id}`, owner.token)).statusCode,
    ).toBe(404);
    const mixed = await call('POST', `/project/${projectId}/invite/bulk-delete`, owner.token, [
      x.invite.id,
      foreign.id,
    ]);
    expect(mixed.statusCode).toBe(404);
    expect(
      (await call('GET', `/project/${projectId}/invite/${x.invite.id}`, owner.token)).statusCode,
    ).toBe(200);
    const bad = await call('POST', `/project/${projectId}/invite/bulk-delete`, owner.token, {
      ids: [1],
    });
    expect(bad.statusCode).toBe(400);
    const done = await call('POST', `/project/${projectId}/invite/bulk-delete/`, owner.token, [
      x.invite.id,
      y.invite.id,
    ]);
    expect(done.statusCode).toBe(204);
    expect(
      (await call('GET', `/project/${projectId}/invite/${x.invite.id}`, owner.token)).statusCode,
    ).toBe(404);
    // A cancelled invite's link is dead.
    expectTokenRefused(await accept(projectId, x.token, (await person()).token));
  });

  it("only the project's admins invite: an author is refused (403), another project's admin sees nothing (404)", async () => {
    const body = { name: 'Eve', email: `eve-${Date.now()}@example.com` };
    const byAuthor = await call('POST', `/project/${projectId}/invite/`, author.token, body);
    expect(byAuthor.statusCode).toBe(403);
    expect((await call('GET', `/project/${projectId}/invite/`, author.token)).statusCode).toBe(403);
    const byStranger = await call('POST', `/project/${projectId}/invite/`, otherOwner.token, body);
    expect(byStranger.statusCode).toBe(404);
    await sleep(1500);
    expect(inbox.to(body.email)).toEqual([]);
    const rows = await t.dataSource.query(`SELECT 1 FROM project_invite WHERE email = $1`, [
      body.email,
    ]);
    expect(rows).toEqual([]);
  });

  it('adding a member by an address with no account invites it instead (202); a registered one is added (201)', async () => {
    const unknown = `newcomer-${Date.now()}@example.com`;
    const res = await call('POST', `/project/${projectId}/member/`, owner.token, {
      email: unknown,
      membershipType: 'admin',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      projectId,
      email: unknown,
      name: unknown.split('@')[0],
      membershipType: 'admin',
      accepted: false,
    });
    const mail = await inbox.latestTo(unknown);
    expect(mail.subject).toBe('You have been invited to join Magazine <b>');
    const user = await person();
    expect(
      (await accept(projectId, tokenInLink(mail, 'accept-invite'), user.token)).statusCode,
    ).toBe(200);
    const registered = await person();
    const added = await call('POST', `/project/${projectId}/member/`, owner.token, {
      email: registered.email,
      membershipType: 'author',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: registered.id, membershipType: 'author' });
  });
});
